import type { Component } from '../context.js';
import { countBefore } from '../sorted.js';

/**
 * A place from the generated gazetteer, or a country, that lies inside a longer person's name
 * ("Antonio Durán", "María del Carmen Nadal", "Michael Jordan", "Jordan Peterson": towns called
 * Durán and Del Carmen exist, Jordan is a country) is part of the name, not a place. Curated places
 * keep their spans (the overlap refiner weighs them).
 */
export const peopleOverGazetteer: Component = {
  name: 'refine/people-over-gazetteer',
  run(ctx) {
    if (!ctx.candidates.some((c) => c.type === 'person')) return;
    // Names of more than one word, by start, with the largest end so far: "is there a longer name
    // around this span" is then two binary searches, not a scan of every name.
    const people = ctx.candidates.filter((c) => c.type === 'person' && /\s/.test(ctx.text.slice(c.start, c.end))).sort((a, b) => a.start - b.start);
    const maxEnd: number[] = [];
    for (const p of people) maxEnd.push(Math.max(p.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
    const endBefore = (start: number, strict: boolean): number => {
      const lo = countBefore(people.length, (i) => strict ? people[i].start < start : people[i].start <= start);
      return lo > 0 ? maxEnd[lo - 1] : -Infinity;
    };
    // Inside a longer name: one that starts before it and reaches its end, or starts with it and goes on.
    const inName = (c: { start: number; end: number }): boolean => endBefore(c.start, true) >= c.end || endBefore(c.start, false) > c.end;
    ctx.keepCandidates((c) => !(((c.type === 'place' && c.source.startsWith('lex:gazetteer/')) || c.type === 'country') && inName(c)));
  },
};
