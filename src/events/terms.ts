import { sentenceAt } from '../segment/sentences.js';
import { viewTerms, type ParsedTerm } from '../nlp.js';
import type { PipelineContext } from '../context.js';

/** One word of compromise's parse, with its place in the canonical text and its POS tags. */
export interface Term {
  /** Index in the document's term list. */
  i: number;
  text: string;
  /** compromise's normal form (lower case, no punctuation, contractions and possessives undone). */
  normal: string;
  /** The words the term stands for: 'didn't' → ['did', 'not'] (compromise's implicit terms). */
  words: string[];
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** Punctuation and white space before and after the word, as compromise split them. */
  pre: string;
  post: string;
  /** The pipeline sentence (retext) the word is in. */
  sentence: number;
}

/** The parse of a document as a flat list of terms, grouped by pipeline sentence. */
export interface TermIndex {
  terms: Term[];
  /** Term index ranges [first, last + 1) per pipeline sentence. */
  sentences: [number, number][];
}

/** The further fields of a compromise term that the index reads. */
interface RawTerm extends ParsedTerm {
  normal?: string;
  machine?: string;
  implicit?: string;
  pre?: string;
  post?: string;
}

/**
 * Terms of the one shared compromise parse (ctx.nlp), computed once per document in a single pass
 * over compromise's term arrays (no .match() over the document). Spans come from term offsets,
 * which exclude punctuation.
 */
export function termIndex(ctx: PipelineContext): TermIndex {
  return ctx.memo(termIndex, () => buildIndex(ctx));
}

function buildIndex(ctx: PipelineContext): TermIndex {
  const terms: Term[] = [];
  for (const s of viewTerms<RawTerm>(ctx.nlp)) {
    for (const t of s) {
      const word = t.machine || t.implicit || t.normal || t.text.toLowerCase();
      if (t.text.length === 0) {
        // An implicit word of a contraction ('n't' → 'not'): it belongs to the term before.
        if (terms.length && word) terms[terms.length - 1].words.push(word);
        continue;
      }
      if (!t.offset) continue;
      const start = t.offset.start;
      const end = start + t.text.length;
      if (!ctx.text.startsWith(t.text, start)) continue;
      terms.push({ i: terms.length, text: t.text, normal: word, words: [word], start, end, tags: t.tags, pre: t.pre ?? '', post: t.post ?? '', sentence: sentenceAt(ctx.sentences, start) });
    }
  }
  const sentences: [number, number][] = ctx.sentences.map(() => [0, 0]);
  for (let k = 0; k < terms.length; ) {
    const s = terms[k].sentence;
    let j = k;
    while (j < terms.length && terms[j].sentence === s) j++;
    if (sentences[s]) sentences[s] = [k, j];
    k = j;
  }
  return { terms, sentences };
}

/** The index of the term that contains (or first follows) offset `at`, or -1. */
export function termAt(index: TermIndex, at: number): number {
  const ts = index.terms;
  let lo = 0;
  let hi = ts.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid].end > at) {
      best = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return best;
}

/** Term index range [first, last] covered by a character span, or undefined. */
export function termsOf(index: TermIndex, start: number, end: number): [number, number] | undefined {
  const first = termAt(index, start);
  if (first < 0 || index.terms[first].start >= end) return undefined;
  let last = first;
  while (last + 1 < index.terms.length && index.terms[last + 1].start < end) last++;
  return [first, last];
}

export function has(t: Term | undefined, tag: string): boolean {
  return !!t && t.tags.has(tag);
}
