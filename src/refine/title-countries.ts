import cues from '../lexicon/state-actor-cues.json' with { type: 'json' };
import type { Component } from '../context.js';
import type { Candidate } from '../doc.js';

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
    // The first country (in candidate order) ending at each offset: the one a single space or tab before a title.
    const endingAt = new Map<number, Candidate>();
    for (const c of ctx.candidates) if (c.type === 'country' && !endingAt.has(c.end)) endingAt.set(c.end, c);
    if (!endingAt.size) return;
    for (const p of ctx.candidates) {
      if (p.type !== 'person' || p.source !== 'rule:person/title') continue;
      const c = /^[ \t]$/.test(ctx.text.slice(p.start - 1, p.start)) ? endingAt.get(p.start - 1) : undefined;
      // "In Turkey Minister Ellwood met": after a preposition the country is where, not whose.
      const before = /([\p{L}]+)\s+$/u.exec(ctx.text.slice(Math.max(0, (c?.start ?? 0) - 20), c?.start ?? 0))?.[1]?.toLowerCase();
      if (c && !(before && PREPOSITIONS.has(before))) p.start = c.start;
    }
  },
};
