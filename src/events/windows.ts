import type { Term } from './terms.js';

/**
 * A sentence of more terms than this is framed in windows of at most this many: the roles of an
 * event are looked for around it, and a run-on "sentence" of a megabyte (a transcript, a table dump)
 * would otherwise cost its events times its words. Prose never comes near it (the longest sentence
 * of the Brown corpus has 334 terms).
 */
export const MAX_WINDOW_TERMS = 600;

/** Punctuation after a term where a window may end, as SentenceView.breakAfter reads it. */
const BREAK = /[,;:()[\]—–\n]|\s-\s|\.\s/;

/**
 * The term ranges [lo, hi) in which the events of the sentence [lo, hi) are framed: the sentence
 * itself, or windows that end at a break in the second half of their span (else at the limit).
 */
export function eventWindows(terms: readonly Term[], lo: number, hi: number, max = MAX_WINDOW_TERMS): [number, number][] {
  if (hi - lo <= max) return [[lo, hi]];
  const out: [number, number][] = [];
  let a = lo;
  while (hi - a > max) {
    let end = a + max;
    for (let k = a + max - 1; k >= a + max / 2; k--) {
      if (BREAK.test(terms[k].post)) {
        end = k + 1;
        break;
      }
    }
    out.push([a, end]);
    a = end;
  }
  out.push([a, hi]);
  return out;
}
