import { describe, expect, it } from 'vitest';
import { offsetMap } from '../../src/export/code-points.js';

// [text, UTF-16 offset, code-point offset]
const table: [string, number, number][] = [
  ['plain text', 0, 0],
  ['plain text', 10, 10],
  ['🙂a', 0, 0],
  ['🙂a', 2, 1],
  ['🙂a', 3, 2],
  ['a🙂b🇷🇺c', 1, 1],
  ['a🙂b🇷🇺c', 3, 2],
  ['a🙂b🇷🇺c', 4, 3],
  ['a🙂b🇷🇺c', 6, 4],
  ['a🙂b🇷🇺c', 8, 5],
  ['a🙂b🇷🇺c', 9, 6],
  ['é \uD800 lone surrogate', 3, 3],
];

describe('UTF-16 ↔ code-point offsets', () => {
  it.each(table)('%j: %i ↔ %i', (text, utf16, cp) => {
    const map = offsetMap(text);
    expect(map.toCodePoint(utf16)).toBe(cp);
    expect(map.toUtf16(cp)).toBe(utf16);
    expect(Array.from(text.slice(0, utf16)).length).toBe(cp);
  });
});
