import { decodeGreedy, spansOf } from './decode.js';
import { docStats } from './features.js';
import { staticFeatureIds, type DocWordIds } from './feature-ids.js';
import { CLASS_TYPES, type NerClass } from './labels.js';
import type { NerModel } from './model.js';
import type { NerToken } from './tokens.js';
import type { MentionType } from '../doc.js';

/** A span the tagger found: offsets, class, the mention type it proposes (none for MISC), confidence. */
export interface NerSpan {
  start: number;
  end: number;
  cls: NerClass;
  type: MentionType | null;
  /** 0.5–0.99, rising with the span's mean score margin over the next-best label. */
  confidence: number;
}

/**
 * Margin → confidence: a logistic curve whose scale (in score units) is the model's typical margin
 * (the `calibration.margin` the trainer wrote: half the median margin of correct dev spans).
 */
export function confidenceOf(margin: number, unit: number): number {
  const p = 1 / (1 + Math.exp(-margin / unit));
  return Math.round(Math.min(0.99, Math.max(0.5, p)) * 1000) / 1000;
}

const LOWER_START = /^\p{Ll}/u;
const PARTICLE = /^(?:al|el|ad|ash|as|az|ar|an|at|bin|ibn|bint|de|del|da|di|du|van|von|le|la)(?:[-‐‑']|$)/u;
const FUNCTION_TAGS = new Set(['Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'Adverb']);

/** Tags a document's words and returns its name spans, in text order. */
export function tagTokens(tokens: readonly NerToken[], model: NerModel, unit: number): NerSpan[] {
  if (tokens.length === 0) return [];
  const stats = docStats(tokens);
  // One buffer: at run time decoding reads a word's static ids once, to sum their scores, before it asks for the next word's.
  const buffer: number[] = [];
  const words: DocWordIds = new Array(tokens.length);
  const decoded = decodeGreedy(tokens, (i) => staticFeatureIds(tokens, i, stats, model, buffer, words), model, undefined, { lookahead: true, cachedIds: true });
  const out: NerSpan[] = [];
  const spans = spansOf(decoded);
  // "Abu Mohammed" then "al-Jolani": a span of the same class right after, that begins with a name
  // particle, continues the name (CoNLL has few such names for the tagger to learn them from).
  for (let k = spans.length - 1; k > 0; k--) {
    const a = spans[k - 1];
    const b = spans[k];
    if (a.cls === b.cls && b.first === a.last + 1 && PARTICLE.test(tokens[b.first].word) && !/\S/u.test(tokens[a.last].post)) {
      a.margin = Math.min(a.margin, b.margin);
      a.last = b.last;
      spans.splice(k, 1);
    }
  }
  for (const whole of spans) {
    // A possessive ends a name ("IRA's Belfast brigade", "DFAT's Middle East Branch"): the span is two names.
    const parts: typeof spans = [];
    let from = whole.first;
    for (let k = whole.first; k < whole.last; k++) {
      if (tokens[k].possessive) {
        parts.push({ ...whole, first: from, last: k });
        from = k + 1;
      }
    }
    parts.push({ ...whole, first: from });
    for (const s of parts) {
    // Greedy decoding can open a span it then has to close on the next word ("Idlib and", "Mosul
    // in"): a name does not end in a lower-case function word, so the span ends before it.
    let last = s.last;
    while (last >= s.first && LOWER_START.test(tokens[last].word) && tokens[last].tags.some((t) => FUNCTION_TAGS.has(t))) last--;
    if (last < s.first) continue;
    out.push({ start: tokens[s.first].start, end: tokens[last].end, cls: s.cls, type: CLASS_TYPES[s.cls], confidence: confidenceOf(s.margin, unit) });
    }
  }
  return out;
}
