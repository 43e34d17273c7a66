import { LABELS, O, allowed, canEnd, labelPart, type NerClass } from './labels.js';
import { labelFeatures, shape } from './features.js';
import type { NerToken } from './tokens.js';

/** What greedy decoding needs from a model: feature ids, and the label scores of a set of ids. */
export interface Scorer {
  /** The id of a feature, or -1 when the model does not know it. */
  id(feature: string): number;
  /** The names of the features it knows, when it can list them (a loaded model; training's scorer adds features as asked). */
  featureNames?(): Iterable<string>;
  /** Adds the scores of each label for these feature ids into `out` (length LABELS.length). */
  add(ids: ArrayLike<number>, out: Float64Array): void;
}

/** One decoded token: its label, and the margin of that label over the best other allowed one. */
export interface Decoded {
  labels: Int32Array;
  margins: Float64Array;
}

/**
 * Greedy left-to-right BILOU decoding with the previous two labels and the document's earlier
 * labels for the same word as features (Ratinov & Roth 2009). `onToken` sees each token's full
 * feature ids and the label chosen (training updates there); it may return the label to carry on
 * with instead (never used at run time).
 */
export function decodeGreedy(
  tokens: readonly NerToken[],
  staticIds: (i: number) => ArrayLike<number>,
  scorer: Scorer,
  onToken?: (i: number, ids: number[], predicted: number, scores: Float64Array) => void,
  options: { lookahead?: boolean; cachedIds?: boolean } = {},
): Decoded {
  const n = tokens.length;
  const labels = new Int32Array(n);
  const margins = new Float64Array(n);
  const scores = new Float64Array(LABELS.length);
  const ahead = new Float64Array(LABELS.length);
  const memory = new Map<string, string>();
  let cached = -1;
  let cachedIds: ArrayLike<number> = [];
  const statics = (i: number): ArrayLike<number> => {
    if (cached !== i) {
      cachedIds = staticIds(i);
      cached = i;
    }
    return cachedIds;
  };
  const breaks = tokens.map((t) => BREAK.test(t.post));
  const sameSentence = (a: number, b: number) => a >= 0 && b < n && tokens[a].sentence === tokens[b].sentence;
  // A model that gives -1 for an unknown feature can have its label features' ids kept (run time);
  // training's scorer adds each feature it is asked about, so it reads labelFeatures' strings.
  const label = options.cachedIds ? labelIdsOf(scorer) : undefined;
  const lowers = tokens.map((t) => t.word.toLowerCase());
  // Each token's by-word and by-shape label ids, looked up once (a token is scored once, or three times with the lookahead).
  const wordLabels: (Int32Array | undefined)[] = new Array(n);
  const shapeLabels: (Int32Array | undefined)[] = new Array(n);
  /** The label features' ids of token i after labels p1, p2 (run time: kept per label, word and shape). */
  const labelIds = (i: number, p1: number, p2: number, ids: number[]): number[] => {
    const first = !sameSentence(i - 1, i);
    const y1 = first ? START : p1;
    const y2 = first || !sameSentence(i - 2, i) ? START : p2;
    const w = lowers[i];
    const push = (x: number) => {
      if (x >= 0) ids.push(x);
    };
    push(label!.y1[y1]);
    push(label!.y2[y2 * (L + 1) + y1]);
    push((wordLabels[i] ??= label!.byWord(w))[y1]);
    push((shapeLabels[i] ??= label!.byShape(tokens[i].word))[y1]);
    const seen = memory.get(w);
    if (seen !== undefined && /\p{L}/u.test(w) && w.length > 1) push(label!.mem(seen));
    return ids;
  };
  // The static features' share of a token's scores, summed once (the lookahead scores the next token
  // twice, then the loop once more). Adding the label features' to a copy of it gives every score
  // the same additions in the same order as summing all the ids, so the same numbers.
  const staticSums = [new Float64Array(L), new Float64Array(L)];
  const staticAt = [-1, -1];
  let older = 0;
  const staticScores = (i: number): Float64Array => {
    if (staticAt[0] === i) return staticSums[0];
    if (staticAt[1] === i) return staticSums[1];
    const k = older;
    older = 1 - older;
    staticSums[k].fill(0);
    scorer.add(statics(i), staticSums[k]);
    staticAt[k] = i;
    return staticSums[k];
  };
  const labelBuffer: number[] = [];
  /** Scores of each label for token i after labels p1, p2, into `out`. */
  const scoreInto = (i: number, p1: number, p2: number, out: Float64Array): void => {
    if (!label) {
      out.fill(0);
      scorer.add(featureIds(i, p1, p2), out);
      return;
    }
    out.set(staticScores(i));
    labelBuffer.length = 0;
    scorer.add(labelIds(i, p1, p2, labelBuffer), out);
  };
  /** The full feature ids of token i after labels p1, p2 (the static ones, then labelFeatures'). */
  const featureIds = (i: number, p1: number, p2: number): number[] => {
    const ids = Array.from(statics(i));
    if (label) return labelIds(i, p1, p2, ids);
    {
      const first = !sameSentence(i - 1, i);
      const y1 = first ? '<s>' : LABELS[p1];
      const y2 = first || !sameSentence(i - 2, i) ? '<s>' : LABELS[p2];
      for (const f of labelFeatures(tokens, i, y1, y2, memory)) {
        const id = scorer.id(f);
        if (id >= 0) ids.push(id);
      }
      return ids;
    }
  };
  // The lookahead's scores of the next token after each of the two labels it weighed: the next
  // step reads one of them again, unless a span just ended and taught the memory that word's class.
  const aheadKept = [new Float64Array(L), new Float64Array(L)];
  const aheadLabel = [-1, -1];
  const aheadSeen: (string | undefined)[] = [undefined, undefined];
  let aheadAt = -1;
  let aheadPrev = -1;
  const keepAhead = (k: number, i: number, l: number, p: number): void => {
    if (!label) return;
    aheadKept[k].set(ahead);
    aheadLabel[k] = l;
    aheadSeen[k] = memory.get(lowers[i]);
    aheadAt = i;
    aheadPrev = p;
  };
  const reuseAhead = (i: number, p1: number, p2: number): boolean => {
    if (aheadAt !== i || aheadPrev !== p2) return false;
    const k = aheadLabel[0] === p1 ? 0 : aheadLabel[1] === p1 ? 1 : -1;
    if (k < 0 || memory.get(lowers[i]) !== aheadSeen[k]) return false;
    scores.set(aheadKept[k]);
    return true;
  };
  /** The best and second-best labels allowed after `prev` for token i. */
  const top2 = (s: Float64Array, prev: number, i: number): [number, number] => {
    const last = !sameSentence(i, i + 1);
    let best = -1;
    let second = -1;
    for (let l = 0; l < LABELS.length; l++) {
      if (!allowed(prev, l) || ((last || breaks[i]) && !canEnd(l))) continue;
      if (best < 0 || s[l] > s[best]) {
        second = best;
        best = l;
      } else if (second < 0 || s[l] > s[second]) second = l;
    }
    return [best, second];
  };
  const opens = (l: number) => {
    const p = labelPart(l).pos;
    return p === 'B' || p === 'I';
  };
  let prev1 = O;
  let prev2 = O;
  let spanStart = -1;
  for (let i = 0; i < n; i++) {
    if (!sameSentence(i - 1, i)) prev1 = prev2 = O;
    const last = !sameSentence(i, i + 1);
    // Training's updates need the ids; run time needs only the scores.
    const ids = onToken ? featureIds(i, prev1, prev2) : [];
    if (onToken) {
      scores.fill(0);
      scorer.add(ids, scores);
    } else if (!reuseAhead(i, prev1, prev2)) scoreInto(i, prev1, prev2, scores);
    let [best, second] = top2(scores, prev1, i);
    let margin = second < 0 ? 0 : scores[best] - scores[second];
    // Greedy decoding commits to opening a span before it sees the next word's scores ("Mosul" B-,
    // then "in" forced inside): between a label that opens a span and one that does not, look one word ahead.
    if (options.lookahead && second >= 0 && !last && opens(best) !== opens(second)) {
      const total = (l: number, k: number) => {
        if (onToken) {
          ahead.fill(0);
          scorer.add(featureIds(i + 1, l, prev1), ahead);
        } else {
          scoreInto(i + 1, l, prev1, ahead);
          keepAhead(k, i + 1, l, prev1);
        }
        const [b] = top2(ahead, l, i + 1);
        return scores[l] + ahead[b];
      };
      const tb = total(best, 0);
      const ts = total(second, 1);
      if (ts > tb) [best, second] = [second, best];
      margin = Math.abs(tb - ts);
    }
    labels[i] = best;
    margins[i] = margin;
    onToken?.(i, ids, best, scores);
    const part = labelPart(best);
    if (part.pos === 'B' || part.pos === 'U') spanStart = i;
    if ((part.pos === 'L' || part.pos === 'U') && part.cls) remember(tokens, spanStart, i, part.cls, memory);
    prev2 = prev1;
    prev1 = best;
  }
  return { labels, margins };
}

const L = LABELS.length;
/** The label index standing for a sentence start ('<s>'). */
const START = L;
const labelName = (k: number): string => (k === START ? '<s>' : LABELS[k]);

/** The ids of labelFeatures' strings for a scorer, looked up once per label, word and shape and kept. */
interface LabelIds {
  y1: Int32Array;
  y2: Int32Array;
  byWord(lower: string): Int32Array;
  byShape(word: string): Int32Array;
  mem(cls: string): number;
}

const labelCaches = new WeakMap<object, LabelIds>();
/** Bounded, so that a corpus of endless distinct tokens does not grow them without end. */
const MAX_KEPT = 100_000;

function labelIdsOf(scorer: Scorer): LabelIds {
  let c = labelCaches.get(scorer);
  if (c) return c;
  const id = (f: string) => scorer.id(f);
  const y1 = Int32Array.from({ length: L + 1 }, (_, k) => id(`y-1=${labelName(k)}`));
  const y2 = Int32Array.from({ length: (L + 1) * (L + 1) }, (_, k) => id(`y-2=${labelName(Math.floor(k / (L + 1)))}|${labelName(k % (L + 1))}`));
  const words = new Map<string, Int32Array>();
  const shapes = new Map<string, Int32Array>();
  const shapeOfWord = new Map<string, string>();
  const mems = new Map<string, number>();
  const NONE = new Int32Array(L + 1).fill(-1);
  let withWord: Set<string> | undefined;
  if (scorer.featureNames) {
    withWord = new Set();
    for (const name of scorer.featureNames()) if (name.startsWith('y-1w=')) withWord.add(name.slice(name.indexOf('|') + 1));
  }
  const kept = <T>(m: Map<string, T>, k: string, make: () => T): T => {
    let v = m.get(k);
    if (v === undefined) {
      v = make();
      if (m.size >= MAX_KEPT) m.clear();
      m.set(k, v);
    }
    return v;
  };
  c = {
    y1,
    y2,
    // A word the model knows no `y-1w` feature of gets none, without 18 lookups.
    byWord: (w) => (withWord && !withWord.has(w) ? NONE : kept(words, w, () => Int32Array.from({ length: L + 1 }, (_, k) => id(`y-1w=${labelName(k)}|${w}`)))),
    byShape: (word) => {
      const sh = kept(shapeOfWord, word, () => shape(word));
      return kept(shapes, sh, () => Int32Array.from({ length: L + 1 }, (_, k) => id(`y-1sh=${labelName(k)}|${sh}`)));
    },
    mem: (cls) => kept(mems, cls, () => id(`mem=${cls}`)),
  };
  labelCaches.set(scorer, c);
  return c;
}

/** Punctuation after a word that a name does not run across ("Chad, Cameroon", "Idlib, was"): the span ends at that word. */
const BREAK = /[,;:!?()[\]"“”]/u;

/** Whether a label may stand on a token: no span stays open across a comma, colon, bracket or quote. */
export function fits(token: NerToken, label: number): boolean {
  return !BREAK.test(token.post) || canEnd(label);
}

/** The words of a span just labelled, remembered for their later occurrences in the document. */
function remember(tokens: readonly NerToken[], from: number, to: number, cls: NerClass, memory: Map<string, string>): void {
  for (let k = Math.max(0, from); k <= to; k++) {
    const w = tokens[k].word;
    if (/^\p{Lu}/u.test(w)) memory.set(w.toLowerCase(), cls);
  }
}

/** A labelled span of tokens: its class and the mean margin of its labels. */
export interface TaggedSpan {
  first: number;
  last: number;
  cls: NerClass;
  margin: number;
}

export function spansOf(decoded: Decoded): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let from = -1;
  for (let i = 0; i < decoded.labels.length; i++) {
    const { pos, cls } = labelPart(decoded.labels[i]);
    if (pos === 'B') from = i;
    if (pos === 'U') from = i;
    if ((pos === 'L' || pos === 'U') && cls && from >= 0) {
      let m = 0;
      for (let k = from; k <= i; k++) m += decoded.margins[k];
      out.push({ first: from, last: i, cls, margin: m / (i - from + 1) });
      from = -1;
    }
  }
  return out;
}
