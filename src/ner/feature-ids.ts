import { TAGS, NEAR_TAGS, shape, staticFeatures, wordFeatures, type DocStats } from './features.js';
import type { NerToken } from './tokens.js';

/**
 * The ids `staticFeatures` would give through `id`, in the same order, without building most of
 * their strings again: what each word, tag, affix and lexicon match maps to is looked up once per
 * model and kept. Run-time tagging reads this; training reads the strings (same ids, tested).
 */

type IdSource = { id(f: string): number; featureNames?: () => Iterable<string> };

export interface WordIds {
  lower: string;
  shape: string;
  /** The shape as a small number (for the shape-triple feature), or -1 past the table's bound. */
  shapeNo: number;
  own: Int32Array;
  wm1: number;
  wm2: number;
  wp1: number;
  wp2: number;
  shm1: number;
  shp1: number;
  uw: number;
  /** Which sides of the word-pair features the word is known on (PAIR_SIDES bits). */
  sides: number;
  /** Ids of the pairs this word makes as the word before (`w-1w=this|next`) and as the word itself (`ww+1=this|next`), by the other word. */
  before: Map<WordIds, number>;
  after: Map<WordIds, number>;
}

/** A tag's or lexicon match's ids on the word itself, the word before and the word after (-1: unknown or not read). */
interface NearIds {
  self: number;
  before: number;
  after: number;
}

interface Cache {
  id: (f: string) => number;
  /** What the model's feature names say, when it can list them: who is on which side of a pair, which words a by-word prefix knows. */
  pairWords?: Map<string, [Set<string>, Set<string>]>;
  byWord?: Map<string, Set<string>>;
  words: Map<string, WordIds>;
  none: WordIds;
  tags: Map<string, NearIds>;
  gazetteer: Map<string, NearIds>;
  prefixed: Map<string, Map<string, number>>;
  shapes: Map<string, number>;
  triples: Map<number, number>;
  cap: Record<'always' | 'mostly' | 'sometimes' | 'never', number>;
  first: number;
  line: number;
  poss: number;
  upper: number;
}

const caches = new WeakMap<object, Cache>();
/** Bounded, so that a corpus of endless distinct tokens does not grow it without end. */
const MAX_WORDS = 100_000;
/** Pairs kept per word: bounded, so that a frequent word ("the") does not keep every word after it. */
const MAX_PAIRS = 4096;
/** Shapes numbered for the triple feature's key (three of them in one exact number). */
const MAX_SHAPES = 1 << 16;

const PAIRS = ['w-1w=', 'ww+1='] as const;
/** Bits of WordIds.sides: left and right of `w-1w=`, left and right of `ww+1=`. */
const PAIR_SIDES = { 'w-1w=': [1, 2], 'ww+1=': [4, 8] } as const;
const ALL_SIDES = 15;
/** Prefixes whose feature is `${prefix}${word}`: a word none of them names is looked up no further. */
const BY_WORD = ['w-1=', 'w-2=', 'w+1=', 'w+2=', 'uw='];

/** The words each side of the known `w-1w=a|b` and `ww+1=a|b` features. */
function pairWordsOf(scorer: IdSource): Map<string, [Set<string>, Set<string>]> | undefined {
  if (!scorer.featureNames) return undefined;
  const out = new Map<string, [Set<string>, Set<string>]>(PAIRS.map((p) => [p, [new Set<string>(), new Set<string>()]]));
  for (const name of scorer.featureNames()) {
    const eq = name.indexOf('=');
    const sides = out.get(name.slice(0, eq + 1));
    if (!sides) continue;
    const bar = name.indexOf('|', eq);
    sides[0].add(name.slice(eq + 1, bar));
    sides[1].add(name.slice(bar + 1));
  }
  return out;
}

/** The values each of these prefixes is known with, or undefined when the scorer cannot list its features. */
export function knownValues(scorer: IdSource, prefixes: readonly string[]): Map<string, Set<string>> | undefined {
  if (!scorer.featureNames) return undefined;
  const out = new Map(prefixes.map((p) => [p, new Set<string>()]));
  for (const name of scorer.featureNames()) {
    const eq = name.indexOf('=');
    out.get(name.slice(0, eq + 1))?.add(name.slice(eq + 1));
  }
  return out;
}

function cacheFor(scorer: IdSource): Cache {
  let c = caches.get(scorer);
  if (c) return c;
  const id = (f: string) => scorer.id(f);
  const made: Cache = {
    id,
    pairWords: pairWordsOf(scorer),
    byWord: knownValues(scorer, BY_WORD),
    words: new Map(),
    none: undefined as unknown as WordIds,
    tags: new Map(),
    gazetteer: new Map(),
    prefixed: new Map(),
    shapes: new Map(),
    triples: new Map(),
    cap: { always: id('cap=always'), mostly: id('cap=mostly'), sometimes: id('cap=sometimes'), never: id('cap=never') },
    first: id('first'),
    line: id('line'),
    poss: id('poss'),
    upper: id('doc=upper'),
  };
  made.none = {
    lower: '<none>', shape: '<none>', shapeNo: shapeNumber(made, '<none>'), own: new Int32Array(0), uw: -1,
    wm1: id('w-1=<none>'), wm2: id('w-2=<none>'), wp1: id('w+1=<none>'), wp2: id('w+2=<none>'),
    shm1: id('sh-1=<none>'), shp1: id('sh+1=<none>'), sides: ALL_SIDES, before: new Map(), after: new Map(),
  };
  caches.set(scorer, made);
  return made;
}

function shapeNumber(c: Cache, sh: string): number {
  let k = c.shapes.get(sh);
  if (k === undefined) {
    if (c.shapes.size >= MAX_SHAPES) return -1;
    c.shapes.set(sh, (k = c.shapes.size));
  }
  return k;
}

function wordIds(c: Cache, w: string): WordIds {
  let e = c.words.get(w);
  if (e) return e;
  const lower = w.toLowerCase();
  const sh = shape(w);
  const own: number[] = [];
  for (const f of wordFeatures(w)) {
    const i = c.id(f);
    if (i >= 0) own.push(i);
  }
  const known = (prefix: string) => (c.byWord && !c.byWord.get(prefix)!.has(lower) ? -1 : c.id(prefix + lower));
  let sides = ALL_SIDES;
  // (a word with a '|' in it is looked up by name: the sets split names at the first one)
  if (c.pairWords && !lower.includes('|')) {
    sides = 0;
    for (const p of PAIRS) {
      const [left, right] = c.pairWords.get(p)!;
      if (left.has(lower)) sides |= PAIR_SIDES[p][0];
      if (right.has(lower)) sides |= PAIR_SIDES[p][1];
    }
  }
  e = {
    lower, shape: sh, shapeNo: shapeNumber(c, sh), own: Int32Array.from(own), uw: known('uw='),
    wm1: known('w-1='), wm2: known('w-2='), wp1: known('w+1='), wp2: known('w+2='),
    shm1: c.id(`sh-1=${sh}`), shp1: c.id(`sh+1=${sh}`), sides, before: new Map(), after: new Map(),
  };
  if (c.words.size >= MAX_WORDS) c.words.clear();
  c.words.set(w, e);
  return e;
}

/** The id of a word pair's feature (`prefix` left|right), kept in `m` by the other word. */
function pair(c: Cache, prefix: (typeof PAIRS)[number], left: WordIds, right: WordIds, m: Map<WordIds, number>, other: WordIds): number {
  const [l, r] = PAIR_SIDES[prefix];
  if (!(left.sides & l) || !(right.sides & r)) return -1;
  let i = m.get(other);
  if (i === undefined) {
    i = c.id(`${prefix}${left.lower}|${right.lower}`);
    if (m.size >= MAX_PAIRS) m.clear();
    m.set(other, i);
  }
  return i;
}

/** The id of `${prefix}${value}`, kept per prefix. */
function prefixed(c: Cache, prefix: string, value: string): number {
  let m = c.prefixed.get(prefix);
  if (!m) c.prefixed.set(prefix, (m = new Map()));
  let i = m.get(value);
  if (i === undefined) {
    i = c.id(prefix + value);
    if (m.size >= MAX_WORDS) m.clear();
    m.set(value, i);
  }
  return i;
}

function tagIds(c: Cache, tag: string): NearIds {
  let e = c.tags.get(tag);
  if (!e) {
    const near = NEAR_TAGS.has(tag);
    e = { self: TAGS.has(tag) ? c.id(`t=${tag}`) : -1, before: near ? c.id(`t-1=${tag}`) : -1, after: near ? c.id(`t1=${tag}`) : -1 };
    c.tags.set(tag, e);
  }
  return e;
}

function gazetteerIds(c: Cache, g: string): NearIds {
  let e = c.gazetteer.get(g);
  if (!e) {
    e = { self: c.id(`g=${g}`), before: c.id(`g-1=${g}`), after: c.id(`g1=${g}`) };
    if (c.gazetteer.size >= MAX_WORDS) c.gazetteer.clear();
    c.gazetteer.set(g, e);
  }
  return e;
}

/** The shape-triple feature's id, kept by the three shapes' numbers. */
function triple(c: Cache, a: WordIds, b: WordIds, d: WordIds): number {
  const name = () => `shw=${a.shape}|${b.shape}|${d.shape}`;
  if (a.shapeNo < 0 || b.shapeNo < 0 || d.shapeNo < 0) return c.id(name());
  const key = (a.shapeNo * MAX_SHAPES + b.shapeNo) * MAX_SHAPES + d.shapeNo;
  let i = c.triples.get(key);
  if (i === undefined) {
    i = c.id(name());
    if (c.triples.size >= MAX_WORDS) c.triples.clear();
    c.triples.set(key, i);
  }
  return i;
}

/** Token k's word ids, kept in `words` when given. */
function tokenIds(c: Cache, tokens: readonly NerToken[], k: number, words: DocWordIds | undefined): WordIds {
  if (!words) return wordIds(c, tokens[k].word);
  return words[k] ?? (words[k] = wordIds(c, tokens[k].word));
}

/** A document's words' ids, looked up once per token (each word is read as itself and as four neighbours' neighbour). */
export type DocWordIds = (WordIds | undefined)[];

/**
 * The known feature ids of token `i`, in `staticFeatures`' order (into `out`, emptied first, when given: one buffer for a document's words;
 * `words`, when given, keeps each token's word ids for the document's other tokens).
 */
export function staticFeatureIds(tokens: readonly NerToken[], i: number, stats: DocStats, scorer: IdSource, out: number[] = [], words?: DocWordIds): number[] {
  const c = cacheFor(scorer);
  out.length = 0;
  const t = tokens[i];
  const s = t.sentence;
  const p1 = i >= 1 && tokens[i - 1].sentence === s ? tokens[i - 1] : undefined;
  const p2 = i >= 2 && tokens[i - 2].sentence === s ? tokens[i - 2] : undefined;
  const n1 = i + 1 < tokens.length && tokens[i + 1].sentence === s ? tokens[i + 1] : undefined;
  const n2 = i + 2 < tokens.length && tokens[i + 2].sentence === s ? tokens[i + 2] : undefined;
  const me = tokenIds(c, tokens, i, words);
  for (const x of me.own) out.push(x);
  const P1 = p1 ? tokenIds(c, tokens, i - 1, words) : c.none;
  const P2 = p2 ? tokenIds(c, tokens, i - 2, words) : c.none;
  const N1 = n1 ? tokenIds(c, tokens, i + 1, words) : c.none;
  const N2 = n2 ? tokenIds(c, tokens, i + 2, words) : c.none;
  let x: number;
  if (P1.wm1 >= 0) out.push(P1.wm1);
  if (P2.wm2 >= 0) out.push(P2.wm2);
  if (N1.wp1 >= 0) out.push(N1.wp1);
  if (N2.wp2 >= 0) out.push(N2.wp2);
  if ((x = pair(c, 'w-1w=', P1, me, P1.before, me)) >= 0) out.push(x);
  if ((x = pair(c, 'ww+1=', me, N1, me.after, N1)) >= 0) out.push(x);
  if (P1.shm1 >= 0) out.push(P1.shm1);
  if (N1.shp1 >= 0) out.push(N1.shp1);
  if ((x = triple(c, P1, me, N1)) >= 0) out.push(x);
  if (!p1 && c.first >= 0) out.push(c.first);
  if (t.lineStart && c.line >= 0) out.push(c.line);
  if (t.possessive && c.poss >= 0) out.push(c.poss);
  if (t.post && (x = prefixed(c, 'post=', t.post.slice(0, 2))) >= 0) out.push(x);
  if (t.pre && (x = prefixed(c, 'pre=', t.pre.slice(0, 2))) >= 0) out.push(x);
  if (p1?.post && (x = prefixed(c, 'post-1=', p1.post.slice(0, 2))) >= 0) out.push(x);
  for (const tag of t.tags) if ((x = tagIds(c, tag).self) >= 0) out.push(x);
  if (p1) for (const tag of p1.tags) if ((x = tagIds(c, tag).before) >= 0) out.push(x);
  if (n1) for (const tag of n1.tags) if ((x = tagIds(c, tag).after) >= 0) out.push(x);
  for (const g of t.gazetteer) if ((x = gazetteerIds(c, g).self) >= 0) out.push(x);
  if (p1) for (const g of p1.gazetteer) if ((x = gazetteerIds(c, g).before) >= 0) out.push(x);
  if (n1) for (const g of n1.gazetteer) if ((x = gazetteerIds(c, g).after) >= 0) out.push(x);
  const cap = stats.capitalised.get(me.lower);
  if (cap !== undefined && (x = c.cap[cap >= 0.9 ? 'always' : cap >= 0.5 ? 'mostly' : cap > 0 ? 'sometimes' : 'never']) >= 0) out.push(x);
  if (stats.upperCase) {
    if (c.upper >= 0) out.push(c.upper);
    if (me.uw >= 0) out.push(me.uw);
  }
  return out;
}

/** The same ids by way of the feature strings (what training reads): the reference the fast path is tested against. */
export function staticFeatureIdsByName(tokens: readonly NerToken[], i: number, stats: DocStats, scorer: { id(f: string): number }): number[] {
  const out: number[] = [];
  for (const f of staticFeatures(tokens, i, stats)) {
    const id = scorer.id(f);
    if (id >= 0) out.push(id);
  }
  return out;
}
