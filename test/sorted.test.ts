import { describe, expect, it } from 'vitest';
import { countBefore } from '../src/sorted.js';

describe('countBefore: how many leading items pass, by binary search', () => {
  const xs = [1, 3, 3, 5, 8];
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 1],
    [4, 3],
    [8, 4],
    [9, 5],
  ])('items below %i: %i', (at, n) => {
    expect(countBefore(xs.length, (i) => xs[i] < at)).toBe(n);
    expect(countBefore(xs.length, (i) => xs[i] < at)).toBe(xs.filter((x) => x < at).length);
  });

  it('an empty list has none; a list all of which pass has all', () => {
    expect(countBefore(0, () => true)).toBe(0);
    expect(countBefore(4, () => true)).toBe(4);
    expect(countBefore(4, () => false)).toBe(0);
  });
});
