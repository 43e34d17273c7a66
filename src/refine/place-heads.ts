import type { Component } from '../context.js';

/** Administrative heads written after a place's name: "Idlib province", "Mosul district", "Helmand Province". */
const HEAD = /^[ \t]+(?:province|governorate|district|region|state|prefecture|county|oblast|municipality|department)\b/iu;

/**
 * A place followed by its administrative head is one mention ("Idlib province", "Mosul district"):
 * the place's span takes in the head, and the head's own nominal candidate goes.
 */
export const placeHeads: Component = {
  name: 'refine/place-heads',
  run(ctx) {
    const drop = new Set<number>();
    for (const c of ctx.candidates) {
      if (c.type !== 'place') continue;
      const m = HEAD.exec(ctx.text.slice(c.end, c.end + 20));
      if (!m) continue;
      const end = c.end + m[0].length;
      ctx.candidates.forEach((o, i) => {
        if (o !== c && o.source.startsWith('rule:nominal/') && o.start >= c.end && o.end <= end) drop.add(i);
      });
      c.end = end;
    }
    if (!drop.size) return;
    const keep = ctx.candidates.filter((_, i) => !drop.has(i));
    ctx.candidates.length = 0;
    // One push each: spreading 100,000 and more arguments overflows the stack (a long list of short lines).
    for (const kept of keep) ctx.candidates.push(kept);
  },
};
