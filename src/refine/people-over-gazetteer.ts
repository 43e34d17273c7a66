import type { Component } from '../context.js';

/**
 * A place from the generated gazetteer, or a country, that lies inside a longer person's name
 * ("Antonio Durán", "María del Carmen Nadal", "Michael Jordan", "Jordan Peterson": towns called
 * Durán and Del Carmen exist, Jordan is a country) is part of the name, not a place. Curated places
 * keep their spans (the overlap refiner weighs them).
 */
export const peopleOverGazetteer: Component = {
  name: 'refine/people-over-gazetteer',
  run(ctx) {
    const people = ctx.candidates.filter((c) => c.type === 'person');
    if (!people.length) return;
    const keep = ctx.candidates.filter(
      (c) =>
        !(
          ((c.type === 'place' && c.source.startsWith('lex:gazetteer/')) || c.type === 'country') &&
          people.some((p) => p.start <= c.start && p.end >= c.end && p.end - p.start > c.end - c.start && /\s/.test(ctx.text.slice(p.start, p.end)))
        ),
    );
    ctx.candidates.length = 0;
    // One push each: spreading 100,000 and more arguments overflows the stack (a long list of short lines).
    for (const kept of keep) ctx.candidates.push(kept);
  },
};
