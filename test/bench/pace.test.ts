import { describe, expect, it } from 'vitest';
import { paceOf } from '../../src/bench/pace.js';

describe('paceOf: start and steady pace of a batch run', () => {
  it.each([
    // 10 documents: a slow start, then one every 100 ms; the 20% mark is the 3rd, the 80% mark the 8th.
    { done: [900, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800], first: 900, steady: 10 },
    // Any order: documents end on several threads.
    { done: [1100, 900, 1000, 1300, 1200, 1500, 1400, 1800, 1600, 1700], first: 900, steady: 10 },
    // Two threads, each done with a document every 100 ms, 50 ms apart: 20 documents a second.
    { done: [500, 550, 600, 650, 700, 750, 800, 850, 900, 950], first: 500, steady: 20 },
    // A slow tail past the 80% mark does not count.
    { done: [900, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 5000, 9000], first: 900, steady: 10 },
    // Too few documents for a middle, or all at once: no steady pace.
    { done: [700, 800, 900, 1000], first: 700, steady: undefined },
    { done: [400, 400, 400, 400, 400, 400], first: 400, steady: undefined },
  ])('$done → first $first ms, $steady documents/s', ({ done, first, steady }) => {
    const p = paceOf(done)!;
    expect(p.firstMs).toBe(first);
    if (steady === undefined) expect(p.steadyPerSecond).toBeUndefined();
    else expect(p.steadyPerSecond).toBeCloseTo(steady, 6);
  });

  it('no document: no pace', () => {
    expect(paceOf([])).toBeUndefined();
  });
});
