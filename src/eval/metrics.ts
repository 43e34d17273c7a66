/** True positives, predictions and gold items counted for one score. */
export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export const zero = (): Counts => ({ tp: 0, pred: 0, gold: 0 });

export function addCounts(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.pred += b.pred;
  a.gold += b.gold;
}

/** Precision, recall and F1; 0 where the denominator is 0. */
export function prf(c: Counts): Prf {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
