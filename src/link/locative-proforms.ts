import proforms from '../lexicon/locative-proforms.json' with { type: 'json' };
import { sentenceAt } from '../segment/sentences.js';
import { nextTerm, taggedTerms } from '../recognize/term-tags.js';
import type { Mention, MentionType } from '../doc.js';
import type { Component, PipelineContext } from '../context.js';
import { alternation, lowerSet as lower } from '../lexicon/word-set.js';
import { addMentions, mentionOf, overlapIndex, PLACE_TYPES } from './mentions.js';
import { countBefore } from '../sorted.js';

const POSSESSIVE = lower(proforms.possessives.words);
const RELATIVE_PRONOUN = lower(proforms.relativePronouns.words);
const EVENT_PREDICATES = lower(proforms.relativePronouns.eventPredicates);
const AUXILIARIES = lower(proforms.relativePronouns.auxiliaries);
const PHRASE_INTERNAL = lower(proforms.phraseInternal.prepositions);
const ADVERB = lower(proforms.adverbs.words);
const ADVERB_NOT_AFTER = lower(proforms.adverbs.notAfter);
const ADVERB_NOT_BEFORE = lower(proforms.adverbs.notBefore);
const AFTER_COPULA_WORDS = lower(proforms.adverbs.afterCopula.words);
/** A copula (a word, or a contraction on the word before: "he's"), maybe two adverbs ("most definitely"), right before the pro-form. */
const AFTER_COPULA = new RegExp(
  `(?:(?:^|\\s)(?:${alternation(proforms.adverbs.copulas.filter((c) => /^\p{L}/u.test(c)))})|\\p{L}(?:${alternation(proforms.adverbs.copulas.filter((c) => !/^\p{L}/u.test(c)))}))(?:\\s+(?:\\p{L}+ly|${alternation(proforms.adverbs.copulaAdverbs.words)})){0,2}\\s+$`,
  'iu',
);
/** Tags of the words that may open a noun phrase before its head ("the richest", "an autonomous Soviet"). */
const MODIFIER_TAGS = ['Determiner', 'Adjective', 'Noun', 'Value', 'Possessive'];
/** What a neuter possessive may refer to; the nearest of these decides (dates, nationalities and events are passed over). */
const REFERENT_TYPES: ReadonlySet<MentionType> = new Set(['place', 'country', 'group', 'person']);

/**
 * The place a relative pronoun at `at` refers to: one right before it and a comma, when the verb of
 * the relative clause (past auxiliaries) does not tell of an event.
 */
function pronounAntecedent(ctx: PipelineContext, at: number, end: number, places: Places): Mention | undefined {
  const gap = /\s*,\s*$/u.exec(ctx.text.slice(Math.max(0, at - 6), at));
  if (!gap) return undefined;
  const place = places.endingAt.get(at - gap[0].length);
  if (!place) return undefined;
  const words = (/^[\s\p{L}'’-]*/u.exec(ctx.text.slice(end, end + 60))?.[0] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const verb = words.find((w) => !AUXILIARIES.has(w));
  return verb && EVENT_PREDICATES.has(verb) ? undefined : place;
}

/**
 * The place a locative adverb at `at` refers to: the last place or country named before it, in its
 * sentence or the one before, when it is no existential "there" (only a preposition or conjunction
 * may follow it on the same line, or nothing) and no idiom of the speaker's ("out there").
 */
function adverbAntecedent(ctx: PipelineContext, at: number, end: number, places: Places): Mention | undefined {
  // "there's", "there'll": a contraction of the existential.
  if (/^['’]\p{L}/u.test(ctx.text.slice(end, end + 2))) return undefined;
  const before = /([\p{L}'’]+)\s+$/u.exec(ctx.text.slice(Math.max(0, at - 20), at));
  if (before && ADVERB_NOT_AFTER.has(before[1].toLowerCase())) return undefined;
  // The next word on the line, past any quotation mark ("there “are some members": existential).
  const gap = /^(?:[ \t]*["“”]|[ \t]+['‘’])*[ \t]*/u.exec(ctx.text.slice(end, end + 8))![0].length;
  const next = nextTerm(ctx, end + gap);
  if (next && (!proforms.adverbs.followers.some((tag) => next.tags.has(tag)) || ADVERB_NOT_BEFORE.has(next.text.toLowerCase()))) return undefined;
  // After a copula only a preposition may follow ("are there to keep pressure"; not "the will is most definitely there.").
  const placeFollows = next && (proforms.adverbs.afterCopula.tags.some((g) => next.tags.has(g)) || AFTER_COPULA_WORDS.has(next.text.toLowerCase()));
  if (!placeFollows && AFTER_COPULA.test(ctx.text.slice(Math.max(0, at - 40), at))) return undefined;
  const sentence = sentenceAt(ctx.sentences, at);
  const from = ctx.sentences[Math.max(0, sentence - proforms.adverbs.sentencesBack)]?.start ?? 0;
  // The last place (in order) that ends by `at`: among those that start before it, walked back
  // from the last over the few that also end after it.
  const ps = places.list;
  for (let i = lastBefore(ps, (p) => p.start < at); i >= 0; i--) {
    if (ps[i].end > at) continue;
    return ps[i].start >= from ? ps[i] : undefined;
  }
  return undefined;
}

/** The places and countries in order, and the first of them that ends at each offset. */
interface Places {
  list: Mention[];
  endingAt: Map<number, Mention>;
}

/** The last index of a list whose items pass `pred` for a prefix of it, then fail (a binary search), or −1. */
function lastBefore<T>(list: readonly T[], pred: (x: T) => boolean): number {
  const lo = countBefore(list.length, (i) => pred(list[i]));
  return lo - 1;
}

/**
 * The referent of a neuter possessive at `at`: walking back over the words of its sentence and the
 * one before, the first noun that heads its phrase (a noun inside a prepositional phrase is passed
 * over, with its phrase). It is a place if a place or country candidate covers it; any other noun,
 * name or pronoun ends the search with none ("The UK is working with its allies": a state actor).
 */
function possessiveAntecedent(ctx: PipelineContext, at: number, covers: (i: number) => Mention | undefined): Mention | undefined {
  const { terms } = taggedTerms(ctx);
  const sentence = sentenceAt(ctx.sentences, at);
  const from = ctx.sentences[Math.max(0, sentence - proforms.possessives.sentencesBack)]?.start ?? 0;
  // The last term that starts before `at` (terms are in order).
  let i = lastBefore(terms, (t) => t.start < at);
  while (i >= 0 && terms[i].start >= from) {
    const t = terms[i];
    const cover = covers(i);
    const nounish = cover || t.tags.has('Pronoun') || (t.tags.has('Noun') && !t.tags.has('Date'));
    if (!nounish) {
      i--;
      continue;
    }
    if (t.tags.has('Pronoun') && !cover) return undefined;
    // The phrase the noun ends: back over the candidate's span, then its modifiers and article.
    let j = i;
    const phraseStart = cover ? cover.start : t.start;
    while (j > 0 && terms[j - 1].start >= phraseStart) j--;
    while (j > 0 && MODIFIER_TAGS.some((g) => terms[j - 1].tags.has(g)) && !PHRASE_INTERNAL.has(terms[j - 1].text.toLowerCase()) && /^[\s-]*$/.test(ctx.text.slice(terms[j - 1].end, terms[j].start))) j--;
    const before = j > 0 ? terms[j - 1].text.toLowerCase() : '';
    if (PHRASE_INTERNAL.has(before) && /^\s*$/.test(ctx.text.slice(terms[j - 1].end, terms[j].start))) {
      i = j - 2;
      continue;
    }
    return cover && PLACE_TYPES.has(cover.type) ? cover : undefined;
  }
  return undefined;
}

/**
 * Locative pro-forms: a relative ", which" right after a place (not of an event), a possessive "its"
 * whose nearest referent is a place or a country, and a locative "there" after a place, become
 * mentions of that place: the antecedent's type, low confidence, and the antecedent's entity when it
 * has one (source `rule:proform/<form>`); a common-noun antecedent ("The republic … its") names no
 * entity, and neither does its pro-form (source `rule:nominal/proform-<form>`). A linker that runs
 * last, over the decided mentions: a country standing for its state is not an antecedent, and the
 * event frames (whose noun phrases would swallow a mention on "which") are built without them.
 */
export const locativeProforms: Component = {
  name: 'link/locative-proforms',
  run(ctx) {
    const sorted = ctx.mentions;
    const places = sorted.filter((c) => PLACE_TYPES.has(c.type));
    if (!places.length) return;
    const referents = sorted.filter((c) => REFERENT_TYPES.has(c.type) && c.type !== 'date');
    const placeIndex: Places = { list: places, endingAt: new Map() };
    for (const p of places) if (!placeIndex.endingAt.has(p.end)) placeIndex.endingAt.set(p.end, p);
    // Whether any mention overlaps a token.
    const overlaps = overlapIndex(sorted);
    // The first referent (in order) that holds each term, worked out once, when first asked.
    let coverOf: (Mention | undefined)[] | undefined;
    const covers = (i: number): Mention | undefined => {
      if (!coverOf) {
        const { terms } = taggedTerms(ctx);
        coverOf = new Array(terms.length);
        for (const c of referents) {
          for (let k = lastBefore(terms, (t) => t.start < c.start) + 1; k < terms.length && terms[k].start < c.end; k++) {
            if (terms[k].end <= c.end && !coverOf[k]) coverOf[k] = c;
          }
        }
      }
      return coverOf[i];
    };
    const entities = new Map(ctx.entities.map((e) => [e.id, e]));
    const added: Mention[] = [];
    for (const t of ctx.tokens) {
      const w = t.text.toLowerCase();
      let form: 'relativePronouns' | 'possessives' | 'adverbs' | undefined;
      let antecedent: Mention | undefined;
      if (RELATIVE_PRONOUN.has(w)) {
        form = 'relativePronouns';
        antecedent = pronounAntecedent(ctx, t.start, t.end, placeIndex);
      } else if (POSSESSIVE.has(w)) {
        form = 'possessives';
        antecedent = possessiveAntecedent(ctx, t.start, covers);
      } else if (ADVERB.has(w)) {
        form = 'adverbs';
        antecedent = adverbAntecedent(ctx, t.start, t.end, placeIndex);
      }
      if (!form || !antecedent || overlaps(t.start, t.end)) continue;
      const entity = antecedent.entity ? entities.get(antecedent.entity) : undefined;
      const m = mentionOf(ctx, { type: antecedent.type, start: t.start, end: t.end, source: entity ? `rule:proform/${w}` : `rule:nominal/proform-${w}`, confidence: proforms[form].confidence });
      if (entity) m.entity = entity.id;
      entity?.mentions.push(m.id);
      added.push(m);
    }
    addMentions(ctx, added);
  },
};
