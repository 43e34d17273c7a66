import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { DocOutcome, DocTask } from './doc-task.js';
import { taskSource } from './failure.js';
import { newSlot, readStage, readStartedAt } from './stage-slot.js';
import { SitrepOptionError } from '../errors.js';
import { tuneV8ForThroughput, WORKER_YOUNG_GENERATION_MB } from './v8-tuning.js';

/** Runs document tasks: on worker threads, or in the calling thread when `workers` is 0. */
export interface DocRunner {
  readonly workers: number;
  /**
   * At most `documents` tasks come before the next `close()`: the threads, started on the first
   * task, are then no more than that. Each thread takes most of a second of CPU to start, and
   * ~100 MB of memory, ~230 MB once it has annotated a few documents.
   */
  expect(documents: number): void;
  /** Worker threads of the largest pool started since the last `close()` (0 if none). */
  readonly threads: number;
  run(task: DocTask): Promise<DocOutcome>;
  /** Stop the threads (call when no task is running); a later `run` starts them again. */
  close(): Promise<void>;
}

export interface RunnerOptions {
  /** Worker threads; 0 = this thread. */
  workers: number;
  /**
   * Heap limit of each worker thread (V8 old generation, MB). Without it V8 lets a thread's heap
   * grow towards a quarter of the machine's memory before collecting hard, and the peak RSS of a
   * run creeps up with the size of the corpus; with it the peak stays flat.
   */
  memoryMb: number;
  /**
   * Longest the annotation of one document (ingest and pipeline, not writing its files) may take
   * on a worker thread (ms; 0 = no limit). A document over it is stopped with its pool's threads
   * and fails alone (`pipeline:timeout`); the documents in flight beside it are tried again, each
   * on a thread of its own.
   */
  timeoutMs?: number;
}

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/** A task's failure, naming its file (and line, for a JSONL document). */
function failed(task: DocTask, ruleId: string, reason: string): DocOutcome {
  return { ok: false, failure: { ...taskSource(task), ruleId, reason } };
}

function timeoutOf(task: DocTask, timeoutMs: number, stage: string | undefined): DocOutcome {
  return failed(task, 'pipeline:timeout', `annotating it took longer than ${timeoutMs / 1000} s (see --doc-timeout)${stage ? `, stopped in ${stage}` : ''}; its worker threads were stopped`);
}

/**
 * Run a task on a pool under the time limit: the worker writes into a shared slot when the
 * document's annotation begins, and a watchdog stops the pool (`stop`) once the document has run
 * longer than the limit. Not piscina's own abort signal: piscina runs an abortable task alone on
 * its thread, so each thread would wait for its next document after every one it finishes (3% of
 * a two-worker run, measured) to guard against a rare runaway. Stopping the pool also fails the
 * documents on its other threads; the caller retries those on their own.
 */
async function runLimited(pool: Piscina<DocTask, DocOutcome>, task: DocTask, timeoutMs: number, stop: (p: Piscina<DocTask, DocOutcome>) => void): Promise<DocOutcome | { timeout: string | undefined }> {
  if (!timeoutMs) return pool.run(task);
  const slot = newSlot();
  let timedOut: { timeout: string | undefined } | undefined;
  const watchdog = setInterval(() => {
    const t = readStartedAt(slot);
    if (t > 0 && Date.now() - t > timeoutMs) {
      timedOut = { timeout: readStage(slot) };
      clearInterval(watchdog);
      stop(pool);
    }
  }, Math.max(10, Math.min(1000, timeoutMs / 10)));
  try {
    return await pool.run({ ...task, startedAt: slot });
  } catch (err) {
    if (timedOut) return timedOut;
    throw err;
  } finally {
    clearInterval(watchdog);
  }
}

function crashOf(task: DocTask, err: unknown, memoryMb: number): DocOutcome {
  const e = err as NodeJS.ErrnoException | undefined;
  const reason =
    e?.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `the worker thread ran out of memory annotating it (limit ${memoryMb} MB: see --worker-memory)`
      : `worker thread failed: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`;
  return failed(task, 'pipeline:crash', reason);
}

/**
 * A pool of worker threads (piscina), each loading the pipeline once. Threads start on the first
 * task, so a run with nothing to annotate starts none. Each thread holds two tasks, so that the
 * next document is there when one is done: with one, a thread waits for the round trip to this
 * thread after each (2 workers, 500 documents: 15.4–15.6 s with one, 15.0 s with two, 15.3–15.7 s
 * with three; 2 rounds, interleaved). A thread that dies (out of memory, a crash in native code)
 * takes its tasks with it: each is tried once more, alone on a thread of its own (it may only have
 * shared the thread with the culprit), then reported as a `pipeline:crash` failure.
 */
export function createRunner(o: RunnerOptions): DocRunner {
  const { workers, memoryMb } = o;
  const timeoutMs = o.timeoutMs ?? 0;
  if (workers === 0) {
    // In this thread: the pipeline is loaded only now (planning a run never needs it).
    return { workers, threads: 0, expect: () => {}, run: async (task) => (await import('./doc-task.js')).runDocTask(task), close: async () => {} };
  }
  if (!existsSync(WORKER_FILE)) {
    throw new SitrepOptionError(`Worker threads need the built worker (${WORKER_FILE}); run \`npm run build\`, or use \`workers: 0\``);
  }
  // V8 tuned for long-running workers (src/batch/v8-tuning.ts): set before the first thread starts.
  tuneV8ForThroughput(workers);
  let pool: Piscina<DocTask, DocOutcome> | undefined;
  let solo: Piscina<DocTask, DocOutcome> | undefined;
  let expected = Infinity;
  let started = 0;
  const start = (threads: number, perThread: number): Piscina<DocTask, DocOutcome> => {
    started = Math.max(started, threads);
    const p = new Piscina<DocTask, DocOutcome>({
      filename: WORKER_FILE,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: perThread,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    // A thread that dies while idle is replaced by piscina; without a listener the event would
    // end the process. A thread dying under a task fails that task (below), not the run.
    p.on('error', () => {});
    return p;
  };
  // A runaway document: its pool's threads are stopped; the next task starts a fresh pool.
  const stop = (p: Piscina<DocTask, DocOutcome>): void => {
    if (pool === p) pool = undefined;
    if (solo === p) solo = undefined;
    void p.destroy();
  };
  return {
    workers,
    get threads() {
      return started;
    },
    expect(documents) {
      expected = documents;
    },
    async run(task) {
      pool ??= start(Math.max(1, Math.min(workers, expected)), 2);
      try {
        const out = await runLimited(pool, task, timeoutMs, stop);
        return 'timeout' in out ? timeoutOf(task, timeoutMs, out.timeout) : out;
      } catch {
        // Again, alone: one thread that holds one document at a time, started on the first crash.
        solo ??= start(1, 1);
        try {
          const out = await runLimited(solo, task, timeoutMs, stop);
          return 'timeout' in out ? timeoutOf(task, timeoutMs, out.timeout) : out;
        } catch (again) {
          return crashOf(task, again, memoryMb);
        }
      }
    },
    async close() {
      const p = [pool, solo];
      pool = solo = undefined;
      expected = Infinity;
      started = 0;
      await Promise.all(p.map((x) => x?.destroy()));
    },
  };
}
