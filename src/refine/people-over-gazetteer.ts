import type { Component } from '../context.js';

/**
 * A place from the generated gazetteer that lies inside a person's name ("Antonio Durán", "María
 * del Carmen Nadal": towns called Durán and Del Carmen exist) is part of the name, not a place.
 * Curated places and countries keep their spans (the overlap refiner weighs them).
 */
export const peopleOverGazetteer: Component = {
  name: 'refine/people-over-gazetteer',
  run(ctx) {
    const people = ctx.candidates.filter((c) => c.type === 'person');
    if (!people.length) return;
    const keep = ctx.candidates.filter(
      (c) => !(c.type === 'place' && c.source.startsWith('lex:gazetteer/') && people.some((p) => p.start <= c.start && p.end >= c.end && p.end - p.start > c.end - c.start)),
    );
    ctx.candidates.length = 0;
    ctx.candidates.push(...keep);
  },
};
