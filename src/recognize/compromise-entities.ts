import patterns from '../lexicon/group-patterns.json' with { type: 'json' };
import commonWords from '../lexicon/common-words.json' with { type: 'json' };
import { lexiconGivenName, nlp, termSpans, type NlpView } from '../nlp.js';
import { wordTokens } from './tokens.js';
import type { Component, PipelineContext } from '../context.js';

const COMMON = new Set(commonWords.words);

/**
 * The organisation patterns compiled once into one compromise match-net: a single sweep of the
 * parse tries only the patterns whose words and tags a sentence has, instead of one whole-document
 * match per pattern (same matches, about a third of the time).
 */
let net: ReturnType<typeof nlp.buildNet> | undefined;
const groupNet = (): ReturnType<typeof nlp.buildNet> => (net ??= nlp.buildNet(patterns.patterns.map((p, order) => ({ match: p.match, order }))));

/** A tagger's guess worth proposing: it has a capital letter and is not a short common word ("US" in "TOLD US"). */
function plausible(text: string): boolean {
  // "Syria.The European Union": a tagger's span across a full stop that lacks its space is two names.
  // "Sunday, police said", "(AFP) -- Police arrested": a name never runs across clause punctuation, a closing bracket or a spaced dash.
  return /\p{Lu}/u.test(text) && !COMMON.has(text.toLowerCase()) && !/\p{Ll}\.\p{Lu}\p{Ll}/u.test(text) && !/[,;:)\]]\s|\s[-–—]+\s/u.test(text);
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

/** The last opening bracket in a span, with the spaces after it. */
const OPEN_BRACKET = /[([]\s*(?=[^([]*$)/u;
const wordCount = (s: string): number => s.split(/\s+/u).filter(Boolean).length;

/** Organisations compromise tags, and organisation-shaped phrases from our patterns. */
export const compromiseGroups: Component = {
  name: 'recognize/group-patterns',
  run(ctx) {
    for (const s of termSpans(ctx.nlp.organizations())) {
      if (!plausible(ctx.text.slice(s.start, s.end))) continue;
      ctx.propose({ type: 'group', start: s.start, end: s.end, source: 'rule:compromise/organizations', confidence: 0.6, priority: 1 });
    }
    // In pattern order, then text order: what one match per pattern would give.
    const found = (ctx.nlp.sweep(groupNet(), { tagger: false }).found as { order: number; view: NlpView }[])
      .flatMap((f) => termSpans(f.view).map((s) => ({ s, order: f.order })))
      .sort((a, b) => a.order - b.order || a.s.start - b.s.start);
    for (const { s, order } of found) {
      const p = patterns.patterns[order];
      // "FOMC ( Federal Open Market Committee )", "Commission of Inquiry (CoI": compromise's words run across a
      // bracket; the name is the side with more words, the other its acronym.
      const text = ctx.text.slice(s.start, s.end);
      const open = OPEN_BRACKET.exec(text);
      if (open) {
        const before = text.slice(0, open.index).trimEnd();
        if (wordCount(text.slice(open.index + open[0].length)) > wordCount(before)) s.start += open.index + open[0].length;
        else s.end = s.start + before.length;
      }
      if (!plausible(ctx.text.slice(s.start, s.end))) continue;
      if (cityWithCommonNoun(ctx, s.start, s.end)) continue;
      ctx.propose({ type: 'group', start: s.start, end: s.end, source: p.id, confidence: p.confidence, priority: 2 });
    }
  },
};

/** Second words that make a given name part of a place's name ("George Town", "Victoria Falls"). */
const PLACE_WORDS = /^(?:Town|City|Falls|Island|Islands|Bay|Springs|Beach|Lake|Park|Valley|Hills?|Point|Harbou?r|Port|Heights|Creek|County|Land|Sound|River|Mountains?)$/;

/** "Eva Forest": two words, a given name first; the tagger's place is a person. */
function personShaped(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length !== 2 || PLACE_WORDS.test(words[1])) return false;
  return lexiconGivenName(words[0]);
}

/** Places compromise tags that no gazetteer entry covers (low confidence); a given name and a surname are a person. */
export const compromisePlaces: Component = {
  name: 'recognize/places',
  run(ctx) {
    for (const s of termSpans(ctx.nlp.places())) {
      const text = ctx.text.slice(s.start, s.end);
      if (!plausible(text)) continue;
      if (personShaped(text)) {
        ctx.propose({ type: 'person', start: s.start, end: s.end, source: 'rule:compromise/people-given-name', confidence: 0.6, priority: 1 });
        continue;
      }
      ctx.propose({ type: 'place', start: s.start, end: s.end, source: 'rule:compromise/places', confidence: 0.55, priority: 0 });
    }
  },
};
