import type { Candidate } from '../doc.js';
import type { Component } from '../context.js';

/** Candidates from tables and grammar rules (priority ≥ 2) outrank taggers' guesses whatever their length. */
const TIER = 2;

function better(a: Candidate, b: Candidate): number {
  const ta = a.priority >= TIER ? 1 : 0;
  const tb = b.priority >= TIER ? 1 : 0;
  if (ta !== tb) return tb - ta;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return lb - la;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  return a.start - b.start || a.source.localeCompare(b.source);
}

/**
 * Overlapping candidates: the best one keeps its span and the others go (greedy, in the order of
 * `better`). The survivors are sorted by position.
 */
export const resolveOverlaps: Component = {
  name: 'refine/overlaps',
  run(ctx) {
    const sorted = ctx.candidates.filter((c) => c.end > c.start).sort(better);
    const taken: Candidate[] = [];
    const occupied = new Uint8Array(ctx.text.length);
    for (const c of sorted) {
      let free = true;
      for (let i = c.start; i < c.end && free; i++) if (occupied[i]) free = false;
      if (!free) continue;
      taken.push(c);
      occupied.fill(1, c.start, c.end);
    }
    taken.sort((a, b) => a.start - b.start || a.end - b.end);
    ctx.replaceCandidates(taken);
  },
};
