import nominals from '../lexicon/nominal-mentions.json' with { type: 'json' };
import { nextTerm } from './term-tags.js';
import type { Component } from '../context.js';

/** Words compromise may tag as nouns inside a name ("the city of Lyon": "of" tagged Place) that never head a compound. */
/** A plural place noun, maybe with a short place phrase, then a word that introduces examples. */
const EXAMPLES = new RegExp(`^(?:\\s+(?:in|of|across|around)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}-]*\\s*){1,3})?\\s*,?\\s*(?:${nominals.examplesFollow.words.join('|')})\\s+\\p{Lu}`, 'u');

/** A copula (and maybe a verb of naming in the passive) with an article and up to two modifiers right before the noun. */
const PREDICATE = new RegExp(`(?:^|\\s)(?:${nominals.predicative.copulas.join('|')})\\s+(?:(?:${nominals.predicative.passives.join('|')})\\s+)?(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'iu');

const FUNCTION_WORDS = new Set(['of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'near', 'and', 'or']);

/**
 * Organisations and places referred to by a common noun ("the government", "police", "the city"),
 * from the nominal lexicon; a place noun only where it heads its phrase ("city council" is not a
 * place). Low confidence and no entity key: which government
 * or city is meant needs coreference. Names outrank them in the overlap refiner.
 */
export const nominalMentions: Component = {
  name: 'recognize/nominals',
  run(ctx) {
    const matches = ctx.lexicon.nominals.matchDocument(ctx);
    const starts = new Set(matches.filter((m) => m.entry.type === 'place').map((m) => m.start));
    for (const m of matches) {
      const next = nextTerm(ctx, m.end);
      // A place noun before another noun is a modifier ("city council", "a 63 nation coalition"),
      // unless that noun is itself a place noun of ours ("city centre", "border area": two mentions). An institution stays one even as
      // a modifier: "government officials", "anti-government protests" speak of the government.
      if (m.entry.type === 'place' && next && next.tags.has('Noun') && !FUNCTION_WORDS.has(next.text.toLowerCase()) && !next.tags.has('Pronoun') && !next.tags.has('Date') && !starts.has(next.start)) continue;
      // "historic cities such as Aleppo": a kind, not a place; the names that follow are the mentions.
      if (m.entry.type === 'place' && /s$/i.test(ctx.text.slice(m.start, m.end)) && EXAMPLES.test(ctx.text.slice(m.end, m.end + 80))) continue;
      // "Mosul is the largest city controlled by Daesh": a predicate, not a place of its own.
      if (m.entry.type === 'place' && !/^['’]s\b/u.test(ctx.text.slice(m.end, m.end + 3)) && PREDICATE.test(ctx.text.slice(Math.max(0, m.start - 60), m.start))) continue;
      // "Land-Rover": part of a hyphenated word.
      if (m.entry.type === 'place' && /^-\p{L}/u.test(ctx.text.slice(m.end, m.end + 2))) continue;
      // Part of a longer word ("Police" in "Policeman" cannot happen: tokens are whole words), or a
      // possessive form ("the city's"): the trim refiner drops the possessive.
      const e = m.entry;
      ctx.propose({ type: e.type, start: m.start, end: m.end, source: e.source, confidence: e.confidence, priority: e.priority });
    }
  },
};
