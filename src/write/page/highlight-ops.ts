/**
 * How to lay highlights over a text when they may nest or cross: a flat list of operations that a
 * writer turns into HTML (on the server) or DOM nodes (in the page). Spans are half-open
 * `[start, end)`; invalid ones (empty, reversed, outside the text) are left out. A span that crosses
 * the end of another is closed and opened again (`cont` = 1), so it becomes several elements with
 * the same id. The function is self-contained: the page's script carries its source text.
 *
 * Operations: `[0, start, end]` text; `[1, spanIndex, cont]` open; `[2, spanIndex]` close.
 */
export type HighlightOp = [0, number, number] | [1, number, 0 | 1] | [2, number];

export function highlightOps(length: number, spans: ReadonlyArray<{ start: number; end: number }>): HighlightOp[] {
  const valid = (s: { start: number; end: number }): boolean => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.end > s.start;
  const order: number[] = [];
  for (let i = 0; i < spans.length; i++) if (valid(spans[i])) order.push(i);
  order.sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end || a - b);
  const pointSet = new Set<number>();
  for (const i of order) {
    pointSet.add(spans[i].start);
    pointSet.add(spans[i].end);
  }
  const points = [...pointSet].sort((a, b) => a - b);
  const ops: HighlightOp[] = [];
  const stack: number[] = [];
  let pos = 0;
  let k = 0;
  for (const p of points) {
    if (p > pos) {
      ops.push([0, pos, p]);
      pos = p;
    }
    let low = -1;
    for (let i = 0; i < stack.length; i++) {
      if (spans[stack[i]].end === p) {
        low = i;
        break;
      }
    }
    if (low >= 0) {
      const reopen: number[] = [];
      for (let i = stack.length - 1; i >= low; i--) {
        ops.push([2, stack[i]]);
        if (spans[stack[i]].end > p) reopen.unshift(stack[i]);
      }
      stack.length = low;
      for (const i of reopen) {
        ops.push([1, i, 1]);
        stack.push(i);
      }
    }
    while (k < order.length && spans[order[k]].start === p) {
      ops.push([1, order[k], 0]);
      stack.push(order[k]);
      k++;
    }
  }
  if (pos < length) ops.push([0, pos, length]);
  return ops;
}
