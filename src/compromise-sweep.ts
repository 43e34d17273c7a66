/**
 * compromise's `bulkMatch` (the "sweep" that runs a compiled set of match patterns over a document:
 * its post-tagger, and `doc.match(net)`), rewritten to pick each sentence's candidate patterns in
 * time proportional to the sentence rather than to the pattern set. Installed on sitrep's own
 * compromise instance only (src/nlp.ts); it returns the same matches in the same order, so the tags
 * are the same (test/recognize/compromise-sweep.test.ts compares both over every corpus document).
 *
 * Why: compromise 14 walks every key of the net's index (730 for its post-tagger) for every
 * comma-separated chunk of every sentence, and concatenates the hits into a new array per key. On
 * the Brown bench corpus that was 18% of a bare parse's time and a quarter of all it allocated (its
 * filters another 6% and 7%: `node --cpu-prof`, and V8's sampling heap profiler over 60 documents),
 * and the allocation is what the garbage collector's background threads spend their time on, which
 * two worker threads share two cores with. Here each chunk looks up its own cached words and tags
 * (26 on average) in an index of the net's keys, built once per sweep.
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

/** The patterns worth trying on one chunk, in compromise's order. */
function candidates(haves: Set<string>, termCount: number, net: Net, keyIndex: Map<string, number>, keys: string[]): SweepPattern[] {
  const hits: number[] = [];
  for (const item of haves) {
    const i = keyIndex.get(item);
    if (i !== undefined) hits.push(i);
  }
  hits.sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: SweepPattern[] = [];
  for (const i of hits) {
    for (const p of net.hooks[keys[i]]) {
      if (seen.has(p.match)) continue;
      seen.add(p.match);
      if (!p.needs.every((need) => haves.has(need))) continue;
      if (p.ifNo !== undefined && p.ifNo.some((no) => haves.has(no))) continue;
      if (p.wants.length > 0) {
        let found = 0;
        for (const w of p.wants) if (haves.has(w)) found++;
        if (found < p.minWant) continue;
      }
      if (termCount >= p.minWords) out.push(p);
    }
  }
  for (const p of net.always) if (termCount >= p.minWords) out.push(p);
  return out;
}

/** Drop-in for compromise's `methods.one.bulkMatch(document, net, methods, opts)`. */
export function bulkMatch(document: unknown[][], net: Net, methods: SweepMethods, opts: { matchOne?: boolean } = {}): Found[] {
  const docCache = methods.one.cacheDoc(document);
  const keys = Object.keys(net.hooks);
  const keyIndex = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) keyIndex.set(keys[i], i);
  const results: Found[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const m of candidates(docCache[n], document[n].length, net, keyIndex, keys)) {
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
