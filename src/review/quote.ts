import type { MentionType } from '../doc.js';
import type { Quote } from './types.js';

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32;

/** The quote of `[start, end)` in `text`, with its context. */
export function quoteAt(text: string, start: number, end: number): Quote {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

/** Index (0-based) of the occurrence of `exact` that starts at `start`, among all its occurrences. */
export function occurrenceIndex(text: string, exact: string, start: number): number {
  if (!exact) return 0;
  let n = 0;
  for (let i = text.indexOf(exact); i !== -1 && i < start; i = text.indexOf(exact, i + 1)) n++;
  return n;
}

/** The stable key of a mention: `type:exact#n` (n-th occurrence of the same text). */
export function mentionKey(text: string, type: MentionType, start: number, end: number): string {
  const exact = text.slice(start, end);
  return `${type}:${exact}#${occurrenceIndex(text, exact, start)}`;
}

/** The occurrence number a key carries, or undefined. */
export function keyOccurrence(key: string | undefined): number | undefined {
  const m = key ? /#(\d+)$/.exec(key) : null;
  return m ? Number(m[1]) : undefined;
}

export interface Located {
  start: number;
  end: number;
  /** `exact`: unchanged place and context; `moved`: same context elsewhere; `context`: best context match; `unique`: the only occurrence. */
  how: 'exact' | 'moved' | 'context' | 'unique';
  /** Characters of context that matched (prefix + suffix). */
  score: number;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const same = (a: string | undefined, b: string | undefined): boolean => a === b || (isSpace(a) && isSpace(b));

/** How many characters of the quote's context agree with the text around `[start, end)`. */
export function contextScore(text: string, start: number, end: number, q: Pick<Quote, 'prefix' | 'suffix'>): number {
  let p = 0;
  while (p < q.prefix.length && start - 1 - p >= 0 && same(text[start - 1 - p], q.prefix[q.prefix.length - 1 - p])) p++;
  let s = 0;
  while (s < q.suffix.length && end + s < text.length && same(text[end + s], q.suffix[s])) s++;
  return p + s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every place where `exact` occurs; when it does not occur as written, places where it occurs with other whitespace. */
function occurrences(text: string, exact: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) out.push({ start: i, end: i + exact.length });
  if (out.length || !/\s/.test(exact.trim())) return out;
  const re = new RegExp(exact.trim().split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Find a quoted slice in a (possibly changed) text. Every occurrence of the quote is scored by how
 * much of its context still agrees; the best wins, ties going to the occurrence the key names and
 * then to the one nearest the hint. A place needs at least 8 characters of agreeing context (or all
 * the context the quote has), unless the quote is the only occurrence of 4 or more characters.
 * Returns null when the slice can no longer be placed.
 */
export function locateQuote(text: string, q: Quote, opts: { hint?: number; occurrence?: number } = {}): Located | null {
  if (!q.exact) return null;
  const hint = opts.hint ?? q.start;
  if (text.slice(q.start, q.end) === q.exact && q.start === hint) {
    const score = contextScore(text, q.start, q.end, q);
    if (score === q.prefix.length + q.suffix.length) return { start: q.start, end: q.end, how: 'exact', score };
  }
  const found = occurrences(text, q.exact);
  if (found.length === 0) return null;
  const scored = found.map((o, n) => ({ ...o, n, score: contextScore(text, o.start, o.end, q) }));
  scored.sort((a, b) => b.score - a.score || Number(b.n === opts.occurrence) - Number(a.n === opts.occurrence) || Math.abs(a.start - hint) - Math.abs(b.start - hint));
  const best = scored[0];
  const full = q.prefix.length + q.suffix.length;
  const need = Math.min(8, full);
  const verbatim = text.slice(best.start, best.end) === q.exact;
  if (best.score >= need) return { start: best.start, end: best.end, how: best.score === full && verbatim ? (best.start === q.start ? 'exact' : 'moved') : 'context', score: best.score };
  if (found.length === 1 && q.exact.trim().length >= 4) return { start: best.start, end: best.end, how: 'unique', score: best.score };
  return null;
}
