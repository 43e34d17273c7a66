import type { Component } from '../context.js';

/**
 * A country written just before a title of office is part of the title ("the UK Special
 * Representative for Syria", "U.S. Secretary of State John Kerry"): the person mention takes it
 * in, so the overlap refiner drops the country. Before the overlap refiner.
 */
export const titleCountries: Component = {
  name: 'refine/title-countries',
  run(ctx) {
    const countries = ctx.candidates.filter((c) => c.type === 'country');
    if (!countries.length) return;
    for (const p of ctx.candidates) {
      if (p.type !== 'person' || p.source !== 'rule:person/title') continue;
      const c = countries.find((x) => x.end < p.start && /^[ \t]$/.test(ctx.text.slice(x.end, p.start)));
      if (c) p.start = c.start;
    }
  },
};
