import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { DocOutcome, DocTask } from './doc-task.js';
import { SitrepOptionError } from '../errors.js';

/** Runs document tasks: on worker threads, or in the calling thread when `workers` is 0. */
export interface DocRunner {
  readonly workers: number;
  run(task: DocTask): Promise<DocOutcome>;
  /** Let the threads finish and stop them. */
  close(): Promise<void>;
}

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * A pool of `workers` threads (piscina), each loading the pipeline once. Threads start on the first
 * task, so a run with nothing to annotate starts none. Each thread holds two tasks, so that one
 * document's files are written while the next is annotated. A thread that dies (out of memory, a
 * crash in native code) fails only its tasks: they come back as `pipeline:crash` failures.
 */
export function createRunner(workers: number): DocRunner {
  if (workers === 0) {
    // In this thread: the pipeline is loaded only now (planning a run never needs it).
    return { workers, run: async (task) => (await import('./doc-task.js')).runDocTask(task), close: async () => {} };
  }
  if (!existsSync(WORKER_FILE)) {
    throw new SitrepOptionError(`Worker threads need the built worker (${WORKER_FILE}); run \`npm run build\`, or use \`workers: 0\``);
  }
  let pool: Piscina<DocTask, DocOutcome> | undefined;
  return {
    workers,
    async run(task) {
      pool ??= new Piscina<DocTask, DocOutcome>({ filename: WORKER_FILE, minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: 2, idleTimeout: 60_000 });
      try {
        return await pool.run(task);
      } catch (err) {
        const e = err as Error;
        const path = task.kind === 'file' ? task.path : task.doc.path;
        const line = task.kind === 'file' ? undefined : task.doc.line;
        return { ok: false, failure: { path, ...(line ? { line } : {}), ruleId: 'pipeline:crash', reason: `worker thread failed: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` } };
      }
    },
    async close() {
      const p = pool;
      pool = undefined;
      await p?.destroy();
    },
  };
}
