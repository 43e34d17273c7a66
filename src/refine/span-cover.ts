import { countBefore } from '../sorted.js';
/**
 * "Does one of these spans contain [s, e]?" (a ≤ s and e ≤ b) in a binary search: the spans sorted by
 * start with a running maximum of their ends, not a scan of every span for every candidate.
 */
export function spanCover(spans: readonly (readonly [number, number])[]): (s: number, e: number) => boolean {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  const starts = sorted.map(([a]) => a);
  const maxEnd: number[] = [];
  for (const [, b] of sorted) maxEnd.push(Math.max(b, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (s, e) => {
    // The spans that start at or before s are the first `lo`; the longest-reaching of them decides.
    const lo = countBefore(starts.length, (i) => starts[i] <= s);
    return lo > 0 && maxEnd[lo - 1] >= e;
  };
}
