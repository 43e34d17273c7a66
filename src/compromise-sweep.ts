/**
 * compromise's `bulkMatch` (the "sweep" that runs a compiled set of match patterns over a document:
 * its post-tagger, and `doc.match(net)`), rewritten to pick each sentence's candidate patterns in
 * time proportional to the sentence rather than to the pattern set. Installed on sitrep's own
 * compromise instance only (src/nlp.ts); it returns the same matches in the same order, so the tags
 * are the same (test/recognize/compromise-sweep.test.ts compares both over every corpus document).
 *
 * Why: compromise 14 walks every key of the net's index (730 for its post-tagger) for every
 * comma-separated chunk of every sentence, and concatenates the hits into a new array per key. On
 * the Brown bench corpus that was 18% of a bare parse's time and a quarter of all it allocated; the
 * filters after it took another 6% of the time and 7% of the allocation (`node --cpu-prof` over 100
 * documents, V8's sampling heap profiler over 60). The allocation is what the garbage collector's
 * background threads spend their time on, and two worker threads share two cores with them. Here
 * each chunk looks up its own cached words and tags (26 on average) in an index of the net's keys,
 * built once per net.
 *
 * The steps and their order are compromise's (src/1-one/sweep/methods/sweep of compromise 14.17):
 * candidates in the order of the net's keys, each pattern once (by its match string, first seen
 * wins), then the needs / ifNo / wants filters, then the net's `always` patterns, then the
 * minimum-words filter; matched in that order.
 */

interface SweepPattern {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

interface Net {
  hooks: Record<string, SweepPattern[]>;
  always: SweepPattern[];
}

type Ptr = [number, number, number, ...unknown[]];

interface SweepMethods {
  one: {
    cacheDoc(document: unknown[][]): Set<string>[];
    match(docs: unknown[][], todo: SweepPattern): { ptrs: Ptr[] };
  };
}

interface Found extends SweepPattern {
  pointer: Ptr;
}

/**
 * What a sweep needs of a net, worked out once per net (compromise never changes a net after
 * `buildNet`): its keys in compromise's order, and a number for each distinct match string, so that
 * "each pattern once" is an array lookup rather than a string set per chunk.
 */
interface Prepared {
  keyIndex: Map<string, number>;
  /** The net's patterns with neither needs nor wants, tried on every chunk. */
  always: SweepPattern[];
  /** Per key (in order): its patterns, and each one's match-string number. */
  lists: { patterns: SweepPattern[]; ids: Int32Array }[];
  /** Per match-string number: the chunk that last saw it (see `chunk`). */
  seenIn: Float64Array;
  /** A counter of chunks swept with this net: a pattern seen in this chunk has seenIn[id] === chunk. */
  chunk: number;
}

const prepared = new WeakMap<Net, Prepared>();

function prepare(net: Net): Prepared {
  let p = prepared.get(net);
  if (p) return p;
  const keys = Object.keys(net.hooks);
  const keyIndex = new Map<string, number>();
  const ids = new Map<string, number>();
  const lists = keys.map((k, i) => {
    keyIndex.set(k, i);
    const patterns = net.hooks[k];
    const list = new Int32Array(patterns.length);
    patterns.forEach((m, j) => {
      let id = ids.get(m.match);
      if (id === undefined) ids.set(m.match, (id = ids.size));
      list[j] = id;
    });
    return { patterns, ids: list };
  });
  p = { keyIndex, always: net.always, lists, seenIn: new Float64Array(ids.size), chunk: 0 };
  prepared.set(net, p);
  return p;
}

/** The patterns worth trying on one chunk, in compromise's order. */
function candidates(haves: Set<string>, termCount: number, p: Prepared): SweepPattern[] {
  const hits: number[] = [];
  for (const item of haves) {
    const i = p.keyIndex.get(item);
    if (i !== undefined) hits.push(i);
  }
  hits.sort((a, b) => a - b);
  const chunk = ++p.chunk;
  const out: SweepPattern[] = [];
  for (const i of hits) {
    const { patterns, ids } = p.lists[i];
    for (let j = 0; j < patterns.length; j++) {
      if (p.seenIn[ids[j]] === chunk) continue;
      p.seenIn[ids[j]] = chunk;
      const m = patterns[j];
      if (termCount < m.minWords || !hasAll(haves, m.needs)) continue;
      if (m.ifNo !== undefined && hasAny(haves, m.ifNo)) continue;
      if (m.wants.length > 0 && countIn(haves, m.wants) < m.minWant) continue;
      out.push(m);
    }
  }
  for (const m of p.always) if (termCount >= m.minWords) out.push(m);
  return out;
}

function hasAll(haves: Set<string>, xs: string[]): boolean {
  for (const x of xs) if (!haves.has(x)) return false;
  return true;
}

/** Whether `haves` holds any of `xs`. */
export function hasAny(haves: Set<string>, xs: Iterable<string>): boolean {
  for (const x of xs) if (haves.has(x)) return true;
  return false;
}

function countIn(haves: Set<string>, xs: string[]): number {
  let n = 0;
  for (const x of xs) if (haves.has(x)) n++;
  return n;
}

/** Drop-in for compromise's `methods.one.bulkMatch(document, net, methods, opts)`. */
export function bulkMatch(document: unknown[][], net: Net, methods: SweepMethods, opts: { matchOne?: boolean } = {}): Found[] {
  const docCache = methods.one.cacheDoc(document);
  const p = prepare(net);
  const results: Found[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const m of candidates(docCache[n], document[n].length, p)) {
      const res = methods.one.match([document[n]], m);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n; // the sentence pointer, relative to this document
        const todo: Found = Object.assign({}, m, { pointer: ptr });
        if (m.unTag !== undefined) todo.unTag = m.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
}

/** Put this sweep in place of compromise's on one compromise instance (its `_world`). */
export function installSweep(nlp: unknown): void {
  const world = (nlp as { _world: { methods: { one: { bulkMatch: unknown } } } })._world;
  world.methods.one.bulkMatch = bulkMatch;
}
