import { viewTerms, type ParsedTerm } from '../nlp.js';
import type { PhraseMatch } from '../recognize/phrase-matcher.js';

/** One word as the tagger reads it: compromise's term, its offsets, and the lexicon entries it sits in. */
export interface NerToken {
  /** Offsets of the word without a possessive ending ("England's" → "England"). */
  start: number;
  end: number;
  /** The word as written, possessive ending removed. */
  word: string;
  /** compromise's tags of the term. */
  tags: string[];
  /** Index of the sentence (compromise's) the word is in. */
  sentence: number;
  /** Punctuation written right after the word ("," "." ")") and right before it ("(" quote). */
  post: string;
  pre: string;
  /** The word ends in a possessive ('s, ’s). */
  possessive: boolean;
  /** "<type>:<B|I|L|U>" for each lexicon match (longest per start) the word is part of. */
  gazetteer: string[];
  /** The first word of its line (a headline, a dateline, a by-line start there). */
  lineStart: boolean;
}

interface Term extends ParsedTerm {
  pre: string;
  post: string;
}

/** A full stop between a lower-case word and a capitalised one, with no space: a missing space, not an abbreviation. */
const GLUED_STOP = /(?<=\p{Ll}{2})\.(?=\p{Lu}\p{Ll})/u;

/** Letters of a possessive ending to cut: "England's" 2, "rebels'" 1, else 0. */
function possessiveLength(word: string): number {
  if (word.length > 2 && /['’][sS]$/u.test(word)) return 2;
  if (word.length > 2 && /[sS]['’]$/u.test(word)) return 1;
  return 0;
}

/** The words of a parsed document, in text order, with their lexicon memberships. */
export function nerTokens(text: string, view: unknown, matches: readonly PhraseMatch[]): NerToken[] {
  const out: NerToken[] = [];
  const sentences = viewTerms<Term>(view);
  // Sentence numbers: compromise's, plus one at each glued full stop ("Syria.The").
  let s = -1;
  let prevPost = '';
  for (const terms of sentences) {
    s++;
    for (const t of terms) {
      if (t.text.length === 0) continue;
      const start = t.offset.start;
      const end = start + t.text.length;
      // compromise's term text is the source text without its punctuation; anything else (an expanded contraction) is skipped.
      if (text.slice(start, end) !== t.text || /\s/u.test(t.text)) {
        prevPost = '';
        continue;
      }
      let k = start - 1;
      while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
      let lineStart = k < 0 || text[k] === '\n';
      // "al-Assad", "Bosnia-Herzegovina": compromise splits at the hyphen; the tagger reads one word, as CoNLL wrote them.
      const prev = out[out.length - 1];
      if (prev && prev.sentence === s && /^[-‐‑]$/u.test(prevPost) && prev.end + prevPost.length === start && !prev.possessive) {
        prev.end = start + t.text.length;
        prev.word = text.slice(prev.start, prev.end);
        const cut = possessiveLength(prev.word);
        if (cut > 0) {
          prev.word = prev.word.slice(0, prev.word.length - cut);
          prev.end -= cut;
          prev.possessive = true;
        }
        for (const tag of t.tags) if (!prev.tags.includes(tag)) prev.tags.push(tag);
        prev.post = t.post.replace(/\s+/gu, '');
        prevPost = t.post;
        continue;
      }
      prevPost = t.post;
      // "Syria.The European Union": two sentences whose full stop lacks its space are two words.
      const pieces = t.text.split(GLUED_STOP);
      let at = start;
      pieces.forEach((piece, n) => {
        const last = n === pieces.length - 1;
        let word = piece;
        const cut = possessiveLength(word);
        if (cut > 0) word = word.slice(0, word.length - cut);
        out.push({
          start: at,
          end: at + word.length,
          word,
          tags: [...t.tags],
          sentence: s,
          post: last ? t.post.replace(/\s+/gu, '') : '.',
          pre: n === 0 ? t.pre.replace(/\s+/gu, '') : '',
          possessive: cut > 0,
          gazetteer: [],
          lineStart,
        });
        lineStart = false;
        at += piece.length + 1;
        if (!last) s++;
      });
    }
  }
  markGazetteer(out, matches);
  return out;
}

/** Marks each token with its position (B/I/L/U) inside every lexicon match it overlaps. */
function markGazetteer(tokens: NerToken[], matches: readonly PhraseMatch[]): void {
  if (tokens.length === 0) return;
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  let first = 0;
  for (const m of sorted) {
    while (first < tokens.length && tokens[first].end <= m.start) first++;
    let last = first;
    while (last < tokens.length && tokens[last].start < m.end) last++;
    const n = last - first;
    for (let i = first; i < last; i++) {
      const pos = n === 1 ? 'U' : i === first ? 'B' : i === last - 1 ? 'L' : 'I';
      const f = `${m.entry.type}:${pos}`;
      if (!tokens[i].gazetteer.includes(f)) tokens[i].gazetteer.push(f);
    }
  }
}
