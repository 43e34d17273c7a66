import patterns from '../lexicon/group-patterns.json' with { type: 'json' };
import commonWords from '../lexicon/common-words.json' with { type: 'json' };
import { termSpans } from '../nlp.js';
import { wordTokens } from './tokens.js';
import type { Component, PipelineContext } from '../context.js';

const COMMON = new Set(commonWords.words);

/** A tagger's guess worth proposing: it has a capital letter and is not a short common word ("US" in "TOLD US"). */
function plausible(text: string): boolean {
  // "Syria.The European Union": a tagger's span across a full stop that lacks its space is two names.
  return /\p{Lu}/u.test(text) && !COMMON.has(text.toLowerCase()) && !/\p{Ll}\.\p{Lu}\p{Ll}/u.test(text);
}

/**
 * "the Manchester police", "the IRA's Belfast brigade": a city or region named before a head in
 * lower case is a place and a common noun, not the name of an organisation ("Greater Manchester
 * Police" is one). Countries are left to the state-body patterns and the state-actor refiner.
 */
function cityWithCommonNoun(ctx: PipelineContext, start: number, end: number): boolean {
  const text = ctx.text.slice(start, end);
  const m = /^(.*\S)\s+(\p{Ll}[\p{L}-]*)$/u.exec(text);
  if (!m) return false;
  // "the IRA's Belfast brigade": the possessor is another name.
  const name = m[1].replace(/^.*['’]s\s+/u, '');
  const tokens = wordTokens(name);
  return ctx.lexicon.matcher.match(name, tokens).some((x) => x.entry.type === 'place' && x.start === 0 && x.end === name.length);
}

/** People named in the text, found by compromise's person tagger. */
export const compromisePeople: Component = {
  name: 'recognize/people',
  run(ctx) {
    for (const s of termSpans(ctx.nlp.people())) {
      if (!plausible(ctx.text.slice(s.start, s.end))) continue;
      ctx.propose({ type: 'person', start: s.start, end: s.end, source: 'rule:compromise/people', confidence: 0.7, priority: 1 });
    }
  },
};

/** Organisations compromise tags, and organisation-shaped phrases from our patterns. */
export const compromiseGroups: Component = {
  name: 'recognize/group-patterns',
  run(ctx) {
    for (const s of termSpans(ctx.nlp.organizations())) {
      if (!plausible(ctx.text.slice(s.start, s.end))) continue;
      ctx.propose({ type: 'group', start: s.start, end: s.end, source: 'rule:compromise/organizations', confidence: 0.6, priority: 1 });
    }
    for (const p of patterns.patterns) {
      for (const s of termSpans(ctx.nlp.match(p.match, 0))) {
        if (!plausible(ctx.text.slice(s.start, s.end))) continue;
        if (cityWithCommonNoun(ctx, s.start, s.end)) continue;
        ctx.propose({ type: 'group', start: s.start, end: s.end, source: p.id, confidence: p.confidence, priority: 2 });
      }
    }
  },
};

/** Places compromise tags that no gazetteer entry covers (low confidence). */
export const compromisePlaces: Component = {
  name: 'recognize/places',
  run(ctx) {
    for (const s of termSpans(ctx.nlp.places())) {
      if (!plausible(ctx.text.slice(s.start, s.end))) continue;
      ctx.propose({ type: 'place', start: s.start, end: s.end, source: 'rule:compromise/places', confidence: 0.55, priority: 0 });
    }
  },
};
