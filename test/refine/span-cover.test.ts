import { describe, expect, it } from 'vitest';
import { spanCover } from '../../src/refine/span-cover.js';

// The lookup answers as a scan of every span would ("does one contain [s, e]"), for spans in any order and nested.
const spans: [number, number][] = [[20, 30], [0, 5], [22, 40], [50, 52], [10, 12]];
const scan = (s: number, e: number) => spans.some(([a, b]) => s >= a && e <= b);

describe('spanCover', () => {
  it.each([
    [0, 5, true], [1, 4, true], [20, 40, false], [22, 40, true], [25, 35, true], [20, 30, true],
    [5, 6, false], [12, 13, false], [49, 51, false], [50, 52, true], [60, 61, false], [-1, 2, false], [30, 41, false],
  ])('[%i, %i] covered: %s', (s, e, want) => {
    expect(spanCover(spans)(s, e)).toBe(want);
    expect(scan(s, e)).toBe(want);
  });
  it('covers nothing without spans', () => expect(spanCover([])(0, 0)).toBe(false));
});
