import { TAGS, NEAR_TAGS, shape, staticFeatures, wordFeatures, type DocStats } from './features.js';
import type { NerToken } from './tokens.js';

/**
 * The ids `staticFeatures` would give through `id`, in the same order, without building most of
 * their strings again: what each word, tag, affix and lexicon match maps to is looked up once per
 * model and kept. Run-time tagging reads this; training reads the strings (same ids, tested).
 */
interface WordIds {
  lower: string;
  shape: string;
  own: Int32Array;
  wm1: number;
  wm2: number;
  wp1: number;
  wp2: number;
  shm1: number;
  shp1: number;
  uw: number;
  /** Ids of the pairs this word makes as the word before (`w-1w=this|next`) and as the word itself (`ww+1=this|next`), by the other word. */
  before: Map<WordIds, number>;
  after: Map<WordIds, number>;
}

interface Cache {
  id: (f: string) => number;
  /** For each word-pair feature prefix, the words it knows on each side (a pair with another word is unknown): undefined when the scorer cannot list its features. */
  pairWords?: Map<string, [Set<string>, Set<string>]>;
  words: Map<string, WordIds>;
  none: WordIds;
  prefixed: Map<string, Map<string, number>>;
  fixed: Map<string, number>;
}

const caches = new WeakMap<object, Cache>();
/** Bounded, so that a corpus of endless distinct tokens does not grow it without end. */
const MAX_WORDS = 100_000;

type IdSource = { id(f: string): number; featureNames?: () => Iterable<string> };

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
const PAIRS = ['w-1w=', 'ww+1='];

function cacheFor(scorer: IdSource): Cache {
  let c = caches.get(scorer);
  if (!c) {
    const id = (f: string) => scorer.id(f);
    const word = (lower: string, sh: string): Omit<WordIds, 'own' | 'lower' | 'shape' | 'uw' | 'before' | 'after'> => ({
      wm1: id(`w-1=${lower}`), wm2: id(`w-2=${lower}`), wp1: id(`w+1=${lower}`), wp2: id(`w+2=${lower}`),
      shm1: id(`sh-1=${sh}`), shp1: id(`sh+1=${sh}`),
    });
    c = { id, words: new Map(), none: { lower: '<none>', shape: '<none>', own: new Int32Array(0), uw: -1, before: new Map(), after: new Map(), ...word('<none>', '<none>') }, prefixed: new Map(), fixed: new Map(), pairWords: pairWordsOf(scorer) };
    caches.set(scorer, c);
  }
  return c;
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
  e = {
    lower, shape: sh, own: Int32Array.from(own), uw: c.id(`uw=${lower}`),
    wm1: c.id(`w-1=${lower}`), wm2: c.id(`w-2=${lower}`), wp1: c.id(`w+1=${lower}`), wp2: c.id(`w+2=${lower}`),
    shm1: c.id(`sh-1=${sh}`), shp1: c.id(`sh+1=${sh}`),
    before: new Map(), after: new Map(),
  };
  if (c.words.size >= MAX_WORDS) c.words.clear();
  c.words.set(w, e);
  return e;
}

/** Pairs kept per word: bounded, so that a frequent word ("the") does not keep every word after it. */
const MAX_PAIRS = 4096;

/** The id of a word pair's feature (`prefix` left|right), kept in `m` by the other word. */
function pair(c: Cache, prefix: string, left: WordIds, right: WordIds, m: Map<WordIds, number>, other: WordIds): number {
  const sides = c.pairWords?.get(prefix);
  // (a word with a '|' in it is looked up by name: the sets split names at the first one)
  if (sides && !left.lower.includes('|') && !right.lower.includes('|') && !(sides[0].has(left.lower) && sides[1].has(right.lower))) return -1;
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

function fixed(c: Cache, f: string): number {
  let i = c.fixed.get(f);
  if (i === undefined) c.fixed.set(f, (i = c.id(f)));
  return i;
}

/** The known feature ids of token `i`, in `staticFeatures`' order. */
export function staticFeatureIds(tokens: readonly NerToken[], i: number, stats: DocStats, scorer: IdSource): number[] {
  const c = cacheFor(scorer);
  const out: number[] = [];
  const push = (x: number) => {
    if (x >= 0) out.push(x);
  };
  const t = tokens[i];
  const s = t.sentence;
  const at = (k: number): NerToken | undefined => {
    const x = tokens[i + k];
    return x && x.sentence === s ? x : undefined;
  };
  const me = wordIds(c, t.word);
  for (const x of me.own) out.push(x);
  const p1 = at(-1);
  const p2 = at(-2);
  const n1 = at(1);
  const n2 = at(2);
  const P1 = p1 ? wordIds(c, p1.word) : c.none;
  const P2 = p2 ? wordIds(c, p2.word) : c.none;
  const N1 = n1 ? wordIds(c, n1.word) : c.none;
  const N2 = n2 ? wordIds(c, n2.word) : c.none;
  push(P1.wm1);
  push(P2.wm2);
  push(N1.wp1);
  push(N2.wp2);
  push(pair(c, 'w-1w=', P1, me, P1.before, me));
  push(pair(c, 'ww+1=', me, N1, me.after, N1));
  push(P1.shm1);
  push(N1.shp1);
  push(c.id(`shw=${P1.shape}|${me.shape}|${N1.shape}`));
  if (!p1) push(fixed(c, 'first'));
  if (t.lineStart) push(fixed(c, 'line'));
  if (t.possessive) push(fixed(c, 'poss'));
  if (t.post) push(prefixed(c, 'post=', t.post.slice(0, 2)));
  if (t.pre) push(prefixed(c, 'pre=', t.pre.slice(0, 2)));
  if (p1?.post) push(prefixed(c, 'post-1=', p1.post.slice(0, 2)));
  for (const tag of t.tags) if (TAGS.has(tag)) push(prefixed(c, 't=', tag));
  if (p1) for (const tag of p1.tags) if (NEAR_TAGS.has(tag)) push(prefixed(c, 't-1=', tag));
  if (n1) for (const tag of n1.tags) if (NEAR_TAGS.has(tag)) push(prefixed(c, 't1=', tag));
  for (const g of t.gazetteer) push(prefixed(c, 'g=', g));
  if (p1) for (const g of p1.gazetteer) push(prefixed(c, 'g-1=', g));
  if (n1) for (const g of n1.gazetteer) push(prefixed(c, 'g1=', g));
  const cap = stats.capitalised.get(me.lower);
  if (cap !== undefined) push(fixed(c, `cap=${cap >= 0.9 ? 'always' : cap >= 0.5 ? 'mostly' : cap > 0 ? 'sometimes' : 'never'}`));
  if (stats.upperCase) {
    push(fixed(c, 'doc=upper'));
    push(me.uw);
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
