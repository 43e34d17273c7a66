import type { Component } from '../context.js';
import type { Candidate } from '../doc.js';
import { countBefore } from '../sorted.js';

/** Administrative heads written after a place's name: "Idlib province", "Mosul district", "Helmand Province". */
const HEAD = /^[ \t]+(?:province|governorate|district|region|state|prefecture|county|oblast|municipality|department)\b/iu;

/** Indices of the nominal candidates, by start (then index). */
function nominalsByStart(cs: readonly Candidate[]): number[] {
  const out: number[] = [];
  cs.forEach((c, i) => c.source.startsWith('rule:nominal/') && out.push(i));
  return out.sort((a, b) => cs[a].start - cs[b].start || a - b);
}

/** The first position in `order` whose candidate starts at or after `from`. */
function firstFrom(cs: readonly Candidate[], order: number[], from: number): number {
  const lo = countBefore(order.length, (i) => cs[order[i]].start < from);
  return lo;
}

/**
 * A place followed by its administrative head is one mention ("Idlib province", "Mosul district"):
 * the place's span takes in the head, and the head's own nominal candidate goes.
 */
export const placeHeads: Component = {
  name: 'refine/place-heads',
  run(ctx) {
    const drop = new Set<number>();
    // Nominal candidates by start (starts never change here): those inside a head are a range, not a scan.
    let nominals: number[] | undefined;
    for (const c of ctx.candidates) {
      if (c.type !== 'place') continue;
      const m = HEAD.exec(ctx.text.slice(c.end, c.end + 20));
      if (!m) continue;
      const end = c.end + m[0].length;
      nominals ??= nominalsByStart(ctx.candidates);
      for (let k = firstFrom(ctx.candidates, nominals, c.end); k < nominals.length && ctx.candidates[nominals[k]].start < end; k++) {
        const o = ctx.candidates[nominals[k]];
        if (o !== c && o.end <= end) drop.add(nominals[k]);
      }
      c.end = end;
    }
    if (!drop.size) return;
    ctx.keepCandidates((_, i) => !drop.has(i));
  },
};
