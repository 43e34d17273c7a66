/**
 * How many leading items of a sorted list pass `before` (a binary search): `before(i)` must hold for
 * a prefix of the indices [0, length) and fail for the rest. The one search the refiners, linkers and
 * exports use to find where an offset falls among sorted spans, instead of a scan.
 */
export function countBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
