import { countBefore } from '../sorted.js';
/**
 * sitrep's offsets count UTF-16 code units (JavaScript string indices). brat and the W3C Web
 * Annotation model count Unicode code points. The two differ only after a character outside the
 * Basic Multilingual Plane (an emoji, some CJK): this maps one to the other for one text.
 */
export interface OffsetMap {
  /** UTF-16 offset → code-point offset. */
  toCodePoint(offset: number): number;
  /** Code-point offset → UTF-16 offset. */
  toUtf16(offset: number): number;
}

const SURROGATE = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

export function offsetMap(text: string): OffsetMap {
  if (!SURROGATE.test(text)) return { toCodePoint: (o) => o, toUtf16: (o) => o };
  // Positions (UTF-16) of the second half of each surrogate pair, in order.
  const lows: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) lows.push(++i);
    }
  }
  /** Number of pairs whose low half lies before `offset` (UTF-16). */
  const pairsBefore = (offset: number): number => {
    const lo = countBefore(lows.length, (i) => lows[i] < offset);
    return lo;
  };
  return {
    toCodePoint: (o) => o - pairsBefore(o),
    toUtf16: (cp) => {
      // The k-th pair's low half is at UTF-16 position lows[k], code point position lows[k] - k - 1 + 1.
      const lo = countBefore(lows.length, (i) => lows[i] - i <= cp);
      return cp + lo;
    },
  };
}
