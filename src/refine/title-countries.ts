import cues from '../lexicon/state-actor-cues.json' with { type: 'json' };
import type { Component } from '../context.js';

const PREPOSITIONS = new Set(cues.placePrepositions.words);

/**
 * A country written just before a title of office is part of the title ("the UK Special
 * Representative for Syria", "U.S. Secretary of State John Kerry"): the person mention takes it
 * in, so the overlap refiner drops the country; not after a preposition ("In Turkey Minister
 * Ellwood met"). Before the overlap refiner.
 */
export const titleCountries: Component = {
  name: 'refine/title-countries',
  run(ctx) {
    const countries = ctx.candidates.filter((c) => c.type === 'country');
    if (!countries.length) return;
    for (const p of ctx.candidates) {
      if (p.type !== 'person' || p.source !== 'rule:person/title') continue;
      const c = countries.find((x) => x.end < p.start && /^[ \t]$/.test(ctx.text.slice(x.end, p.start)));
      // "In Turkey Minister Ellwood met": after a preposition the country is where, not whose.
      const before = /([\p{L}]+)\s+$/u.exec(ctx.text.slice(Math.max(0, (c?.start ?? 0) - 20), c?.start ?? 0))?.[1]?.toLowerCase();
      if (c && !(before && PREPOSITIONS.has(before))) p.start = c.start;
    }
  },
};
