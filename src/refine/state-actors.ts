import cues from '../lexicon/state-actor-cues.json' with { type: 'json' };
import { nextTerm } from '../recognize/term-tags.js';
import type { Candidate } from '../doc.js';
import type { Component, PipelineContext } from '../context.js';

const PLACE_PARTS = new Set(cues.possessedPlaceNouns.words);
const ACTOR_NOUNS = new Set(cues.actorNouns.words);
const ACTOR_VERBS = new Set(cues.actorVerbs.words);
const PREPOSITIONS = new Set(cues.placePrepositions.words);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
const COPULAS = new Set([...BE, 'has', 'have', 'had', 'seems', 'seemed', 'remains', 'remained', 'becomes', 'became']);
const HAVE = new Set(['has', 'have', 'had']);
const MODALS = new Set(['will', 'would', 'must', 'should', 'can', 'could', 'may', 'might', 'shall']);

/** Countries joined into one list ("Russia and Turkey", "Iran, Saudi Arabia and Egypt") share one role. */
function coordinated(text: string, countries: Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const c of countries) {
    const last = groups[groups.length - 1]?.at(-1);
    if (last && /^(?:,\s*|\s+and\s+|,\s*and\s+)(?:the\s+)?$/i.test(text.slice(last.end, c.start))) groups[groups.length - 1].push(c);
    else groups.push([c]);
  }
  return groups;
}

function wordBefore(text: string, start: number): string {
  const m = /([\p{L}-]+)\s+(?:(?:the|The)\s+)?$/u.exec(text.slice(Math.max(0, start - 40), start));
  return m ? m[1] : '';
}

function twoWordsBefore(text: string, start: number): string {
  const m = /([\p{L}]+\s+[\p{L}]+)\s+(?:(?:the|The)\s+)?$/u.exec(text.slice(Math.max(0, start - 40), start));
  return m ? m[1].toLowerCase() : '';
}

/** Which cue, if any, makes this list of countries a state actor. */
function actorCue(ctx: PipelineContext, first: Candidate, last: Candidate): string | undefined {
  const text = ctx.text;
  const before = wordBefore(text, first.start);
  const after = text.slice(last.end, last.end + 40);
  // Possessor of an act of state ("Australia's diplomatic efforts", "the UK's commitment"); other
  // possessives ("Venezuela's flag", "Russia's turbulent North Caucasus") leave the country a place.
  const poss = /^['’]s((?:\s+[\p{L}-]+){1,3})/u.exec(after);
  if (poss) {
    // The possessed noun: the first actor noun among the next three words, before any place part.
    for (const word of poss[1].trim().split(/\s+/).map((x) => x.toLowerCase())) {
      if (PLACE_PARTS.has(word)) return undefined;
      if (ACTOR_NOUNS.has(word)) return 'possessive';
    }
    return undefined;
  }
  if (/^-\s*(?:\p{Lu})/u.test(after) && /^-\s*\S+\s+(?:co-?operation|relations?|relationship|summit|talks|agreement)/iu.test(after)) return 'bilateral';
  if (PREPOSITIONS.has(before.toLowerCase())) return undefined;
  if (before.toLowerCase() === 'by' && /(?:ed|en)$/.test(wordBefore(text, text.lastIndexOf('by', first.start)))) return 'agent';
  if (ACTOR_VERBS.has(before.toLowerCase()) || ACTOR_VERBS.has(twoWordsBefore(text, first.start))) return 'object';
  const nextWord = /^\s+([\p{L}-]+)/u.exec(after)?.[1]?.toLowerCase();
  if (nextWord && ACTOR_NOUNS.has(nextWord)) return 'modifier';
  // Subject of a verb of action ("The UK stands by", "Iraq faces", "The UK is working", "Russia has
  // pressed"); not of a copula or a passive ("France is jittery", "Venezuela was cursed").
  let next = nextTerm(ctx, last.end);
  // "The United States strongly condemns": look past adverbs.
  while (next && next.tags.has('Adverb') && !next.tags.has('Verb')) next = nextTerm(ctx, next.end);
  if (!next || /^[,;]/.test(after) || !next.tags.has('Verb') || next.tags.has('Gerund') || next.tags.has('Participle')) return undefined;
  const w = next.text.toLowerCase();
  if (!COPULAS.has(w) && !MODALS.has(w)) return 'subject';
  const then = nextTerm(ctx, next.end);
  // "Russia has a special responsibility": possession, not an auxiliary.
  if (HAVE.has(w) && then && (then.tags.has('Determiner') || (then.tags.has('Noun') && !then.tags.has('Verb')))) return 'subject';
  if (!then || !then.tags.has('Verb')) return undefined;
  const t = then.text.toLowerCase();
  if (COPULAS.has(t)) return undefined;
  if (BE.has(w) && !then.tags.has('Gerund')) return undefined;
  return 'subject';
}

/**
 * A country named as an actor — subject of a verb, possessor of an act ("Australia's diplomatic
 * efforts"), agent of a passive ("announced by Russia"), object of a verb of support ("to support
 * Iraq"), modifier of an act ("UK support") — stands for its state: the mention becomes a group
 * (source `rule:state-actor/<cue>`) that still links to the country. After the overlap refiner, so
 * only countries that won their span are considered.
 */
export const stateActors: Component = {
  name: 'refine/state-actors',
  run(ctx) {
    const countries = ctx.candidates.filter((c) => c.type === 'country').sort((a, b) => a.start - b.start);
    for (const list of coordinated(ctx.text, countries)) {
      const cue = actorCue(ctx, list[0], list[list.length - 1]);
      if (!cue) continue;
      for (const c of list) {
        c.type = 'group';
        c.source = `rule:state-actor/${cue}`;
        c.confidence = Math.min(c.confidence, 0.6);
      }
    }
  },
};
