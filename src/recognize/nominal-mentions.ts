import { nextTerm } from './term-tags.js';
import type { Component } from '../context.js';

/**
 * Organisations and places referred to by a common noun ("the government", "police", "the city"),
 * from the nominal lexicon, only where the noun heads its phrase: the next word is not a noun
 * ("police officers", "city council" are not). Low confidence and no entity key: which government
 * or city is meant needs coreference. Names outrank them in the overlap refiner.
 */
export const nominalMentions: Component = {
  name: 'recognize/nominals',
  run(ctx) {
    for (const m of ctx.lexicon.nominals.match(ctx.text, ctx.tokens)) {
      const next = nextTerm(ctx, m.end);
      if (next && next.tags.has('Noun') && !next.tags.has('Pronoun') && !next.tags.has('Date')) continue;
      // Part of a longer word ("Police" in "Policeman" cannot happen: tokens are whole words), or a
      // possessive form ("the city's"): the trim refiner drops the possessive.
      const e = m.entry;
      ctx.propose({ type: e.type, start: m.start, end: m.end, source: e.source, confidence: e.confidence, priority: e.priority });
    }
  },
};
