import type { Counts } from './metrics.js';

/** A span to score: half-open offsets, with a normalised value where the type has one. */
export interface EvalSpan {
  start: number;
  end: number;
  value?: string;
  /**
   * A gold span that contains another gold span of the same type (MEANTIME writes "Boeing and
   * Lockheed Martin" besides "Boeing" and "Lockheed Martin"). Matching it counts; missing it does not.
   */
  optional?: boolean;
}

export type MatchMode = 'exact' | 'relaxed';

export interface MatchResult {
  counts: Counts;
  /** Matched [prediction index, gold index] pairs, one-to-one. */
  pairs: [number, number][];
}

function overlap(a: EvalSpan, b: EvalSpan): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/**
 * One-to-one matching of predictions to gold spans of one type in one document. Exact: same
 * [start, end). Relaxed: overlapping spans, paired greedily (identical spans first, then required
 * gold before optional gold, then the largest overlap), so that one prediction never counts twice.
 */
export function matchSpans(pred: readonly EvalSpan[], gold: readonly EvalSpan[], mode: MatchMode): MatchResult {
  const cands: { p: number; g: number; exact: boolean; opt: boolean; ov: number; diff: number }[] = [];
  for (let p = 0; p < pred.length; p++) {
    for (let g = 0; g < gold.length; g++) {
      const exact = pred[p].start === gold[g].start && pred[p].end === gold[g].end;
      const ov = overlap(pred[p], gold[g]);
      if (mode === 'exact' ? !exact : ov <= 0) continue;
      const diff = Math.abs(pred[p].end - pred[p].start - (gold[g].end - gold[g].start));
      cands.push({ p, g, exact, opt: !!gold[g].optional, ov, diff });
    }
  }
  cands.sort((a, b) => Number(b.exact) - Number(a.exact) || Number(a.opt) - Number(b.opt) || b.ov - a.ov || a.diff - b.diff || a.p - b.p || a.g - b.g);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of cands) {
    if (usedP.has(c.p) || usedG.has(c.g)) continue;
    usedP.add(c.p);
    usedG.add(c.g);
    pairs.push([c.p, c.g]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const required = gold.filter((g) => !g.optional).length;
  const matchedOptional = pairs.filter(([, g]) => gold[g].optional).length;
  return { counts: { tp: pairs.length, pred: pred.length, gold: required + matchedOptional }, pairs };
}
