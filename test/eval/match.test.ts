import { describe, expect, it } from 'vitest';
import { matchSpans, type EvalSpan } from '../../src/eval/match.js';
import { prf } from '../../src/eval/metrics.js';

const s = (start: number, end: number, optional = false): EvalSpan => ({ start, end, ...(optional ? { optional } : {}) });

describe('matchSpans', () => {
  it.each([
    // [predictions, gold, mode, tp, pred, gold]
    [[s(0, 5)], [s(0, 5)], 'exact', 1, 1, 1],
    [[s(0, 4)], [s(0, 5)], 'exact', 0, 1, 1],
    [[s(0, 4)], [s(0, 5)], 'relaxed', 1, 1, 1],
    [[s(5, 9)], [s(0, 5)], 'relaxed', 0, 1, 1], // touching is not overlapping
    [[s(0, 20)], [s(0, 5), s(10, 15)], 'relaxed', 1, 1, 2], // one prediction never counts twice
    [[s(0, 5), s(1, 4)], [s(0, 5)], 'relaxed', 1, 2, 1],
    [[], [s(0, 5)], 'relaxed', 0, 0, 1],
    [[s(0, 5)], [], 'relaxed', 0, 1, 0],
    // An optional (outer) gold span counts only when matched; the inner one is preferred.
    [[s(0, 7)], [s(0, 30, true), s(0, 7)], 'exact', 1, 1, 1],
    [[s(0, 30)], [s(0, 30, true), s(0, 7)], 'exact', 1, 1, 2],
    [[s(0, 7)], [s(0, 30, true), s(0, 7)], 'relaxed', 1, 1, 1],
  ] as const)('%j vs %j (%s) → tp %i, pred %i, gold %i', (pred, gold, mode, tp, np, ng) => {
    expect(matchSpans(pred, gold, mode).counts).toEqual({ tp, pred: np, gold: ng });
  });

  it('pairs identical spans before merely overlapping ones', () => {
    const { pairs } = matchSpans([s(0, 10), s(2, 5)], [s(2, 5), s(6, 9)], 'relaxed');
    expect(pairs).toEqual([[0, 1], [1, 0]]);
  });
});

describe('prf', () => {
  it.each([
    [{ tp: 0, pred: 0, gold: 0 }, { p: 0, r: 0, f1: 0 }],
    [{ tp: 1, pred: 2, gold: 4 }, { p: 0.5, r: 0.25, f1: 1 / 3 }],
    [{ tp: 3, pred: 3, gold: 3 }, { p: 1, r: 1, f1: 1 }],
  ])('%j → %j', (c, want) => {
    const got = prf(c);
    expect(got.p).toBeCloseTo(want.p);
    expect(got.r).toBeCloseTo(want.r);
    expect(got.f1).toBeCloseTo(want.f1);
  });
});
