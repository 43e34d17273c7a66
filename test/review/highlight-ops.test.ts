import { describe, expect, it } from 'vitest';
import { highlightOps } from '../../src/write/page/highlight-ops.js';

/** Lay spans over a text as bracketed markup: `[0 … ]0`, continuation `[0+`. */
function markup(text: string, spans: { start: number; end: number }[]): string {
  return highlightOps(text.length, spans)
    .map((op) => (op[0] === 0 ? text.slice(op[1], op[2]) : op[0] === 1 ? `[${op[1]}${op[2] ? '+' : ''}` : `]${op[1]}`))
    .join('');
}

describe('highlightOps: highlights that nest, cross or are invalid', () => {
  it.each([
    ['separate', 'ab cd', [{ start: 0, end: 2 }, { start: 3, end: 5 }], '[0ab]0 [1cd]1'],
    ['adjacent', 'abcd', [{ start: 0, end: 2 }, { start: 2, end: 4 }], '[0ab]0[1cd]1'],
    ['nested', 'Islamic State-Khorasan', [{ start: 14, end: 22 }, { start: 0, end: 22 }], '[1Islamic State-[0Khorasan]0]1'],
    ['nested inside, same start', 'IS-KP fighters', [{ start: 0, end: 5 }, { start: 0, end: 14 }], '[1[0IS-KP]0 fighters]1'],
    ['crossing', 'abcdef', [{ start: 0, end: 4 }, { start: 2, end: 6 }], '[0ab[1cd]1]0[1+ef]1'],
    ['identical spans', 'abc', [{ start: 0, end: 3 }, { start: 0, end: 3 }], '[0[1abc]1]0'],
    ['empty, reversed and out of range left out', 'abc', [{ start: 1, end: 1 }, { start: 2, end: 1 }, { start: 1, end: 9 }, { start: -1, end: 2 }], 'abc'],
  ])('%s', (_, text, spans, expected) => {
    expect(markup(text, spans)).toBe(expected);
  });

  it('keeps every character of the text exactly once', () => {
    const text = 'x'.repeat(50);
    const spans = Array.from({ length: 30 }, (_, i) => ({ start: (i * 7) % 45, end: ((i * 7) % 45) + 1 + (i % 6) }));
    const ops = highlightOps(text.length, spans);
    expect(ops.filter((o) => o[0] === 0).reduce((n, o) => n + (o[2] as number) - o[1], 0)).toBe(50);
    const depth = ops.reduce((d, o) => (o[0] === 1 ? d + 1 : o[0] === 2 ? d - 1 : d), 0);
    expect(depth).toBe(0);
  });
});
