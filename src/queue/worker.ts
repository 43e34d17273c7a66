import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { Worker, type Job } from 'bullmq';
import { probeRedis, redisConnection } from './connection.js';
import { resolveReviewsDir } from '../review/index.js';
import { resolveWorkerOptions, type WorkerOptions } from './options.js';
import { parseFailure, type DocJobData, type DocJobResult } from './job-data.js';

export interface RunningWorker {
  readonly worker: Worker<DocJobData, DocJobResult>;
  /**
   * Stop taking jobs and finish the jobs in flight (their outputs are written and they are marked
   * done), then close the connections.
   */
  stop(): Promise<void>;
  /**
   * Give the jobs in flight back to the queue at once (another worker takes them without waiting
   * for their lock to expire). The caller then ends the process, which ends their threads.
   */
  returnJobs(): Promise<number>;
}

/** How long a stopping worker waits for Redis to answer one command (ms): it may be gone. */
const REDIS_WAIT_MS = 300;

/** Wait for `p`, at most `ms`; past it, resolve (or reject with `late()`, when given). */
function bounded(p: Promise<unknown>, ms: number, late?: () => Error): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => (late ? reject(late()) : resolve()), ms);
    p.then(
      () => (clearTimeout(timer), resolve()),
      (err: unknown) => (clearTimeout(timer), late ? reject(err as Error) : resolve()),
    );
  });
}

function where(job: Job<DocJobData> | undefined): string {
  if (!job) return '(unknown job)';
  return `${job.data.path}${job.data.line ? `:${job.data.line}` : ''}`;
}

/**
 * A queue worker: takes document jobs from the queue and annotates each in a worker thread
 * (`process-job.ts`), writing the same files as a local run into `outDir`.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const o = resolveWorkerOptions(options);
  await probeRedis(o.target);
  const outDir = resolve(o.outDir);
  await mkdir(outDir, { recursive: true });
  // While Redis is away every retry fails the same way: say so once, and once when it is back.
  let lastError = '';
  const onError = (err: Error): void => {
    if (err.message !== lastError) o.log(`sitrep worker: ${err.message}${/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|closed/i.test(err.message) ? ' (Redis unreachable; retrying)' : ''}`);
    lastError = err.message;
  };
  const connection = redisConnection(o.target, onError);
  connection.on('ready', () => {
    if (lastError) o.log('sitrep worker: Redis connection back');
    lastError = '';
  });
  const worker = new Worker<DocJobData, DocJobResult>(o.target.name, new URL('./process-job.js', import.meta.url), {
    connection,
    concurrency: o.concurrency,
    useWorkerThreads: true,
    workerThreadsOptions: { workerData: { outDir, reviewsDir: resolveReviewsDir(o.reviewsDir) } },
    lockDuration: o.lockDuration,
    stalledInterval: o.stalledInterval,
    autorun: false,
  });
  worker.on('error', onError);
  const inFlight = new Map<string, Job<DocJobData, DocJobResult>>();
  worker.on('active', (job) => {
    inFlight.set(job.id ?? '', job);
    o.log(`sitrep worker: started ${where(job)} (job ${job.id})`);
  });
  worker.on('completed', (job, r) => {
    inFlight.delete(job.id ?? '');
    // A done job keeps its hash, path and result, not its text: Redis holds metadata for finished
    // documents, not the corpus. (Failed jobs keep their text, for a retry.)
    if (job.data.text !== undefined) void job.updateData({ ...job.data, text: undefined }).catch(() => {});
    o.log(`sitrep worker: annotated ${where(job)} → ${resolve(outDir, r.json)} (job ${job.id})`);
  });
  worker.on('failed', (job, err) => {
    if (job) inFlight.delete(job.id ?? '');
    const f = parseFailure(err.message);
    const attempts = job?.opts.attempts ?? 1;
    const made = job?.attemptsMade ?? attempts;
    const final = err.name === 'UnrecoverableError' || made >= attempts;
    o.log(`sitrep worker: ${final ? 'failed' : 'attempt failed'} ${where(job)} (attempt ${made} of ${attempts}${final ? '' : ', will retry'}): [${f.ruleId}] ${f.reason}`);
  });
  worker.on('stalled', (jobId) => o.log(`sitrep worker: job ${jobId} lost its worker (lock expired); back in the queue`));
  void worker.run().catch((err: Error) => o.log(`sitrep worker: stopped: ${err.message}`));
  await worker.waitUntilReady();
  o.log(`sitrep worker: ready on queue ${o.target.name} at ${o.target.display}, concurrency ${o.concurrency}, writing to ${outDir}`);

  // Closing talks to Redis, which may be gone (its commands then wait for a reconnection): where
  // nothing is left to finish, such waits are cut short and the connection dropped.
  const disconnect = async (): Promise<void> => {
    await bounded(connection.quit(), REDIS_WAIT_MS);
    connection.disconnect();
  };
  let stopping: Promise<void> | undefined;
  return {
    worker,
    stop() {
      stopping ??= (inFlight.size === 0 ? bounded(worker.close(true), REDIS_WAIT_MS) : worker.close().then(() => {}, () => {})).then(disconnect);
      return stopping;
    },
    async returnJobs() {
      let n = 0;
      for (const job of inFlight.values()) {
        try {
          await bounded(job.moveToWait(job.token), REDIS_WAIT_MS, () => new Error('Redis did not answer'));
          o.log(`sitrep worker: gave ${where(job)} back to the queue (job ${job.id})`);
          n++;
        } catch (err) {
          o.log(`sitrep worker: could not give ${where(job)} back (${(err as Error).message}); it goes back when its lock expires`);
        }
      }
      inFlight.clear();
      return n;
    },
  };
}
