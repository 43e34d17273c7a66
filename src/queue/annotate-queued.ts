import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { closeQueue, openQueue, redisConnection } from './connection.js';
import { enqueueDocuments, type EnqueuedJob } from './enqueue.js';
import { resolveEnqueueOptions, type EnqueueOptions } from './options.js';
import { waitForJobs } from './wait.js';
import { writeFileAtomic } from '../write/atomic.js';
import { renderIndex } from '../write/html-index.js';
import { PIPELINE_VERSION } from '../version.js';
import type { QueueFailure } from './plan.js';

export interface AnnotateQueuedOptions extends EnqueueOptions {
  /** Wait until every document is done or failed, then write `run.json` and `index.html`. Default true. */
  readonly wait?: boolean;
  /** Where the run report and the index go (the folder the workers write to, when it is shared). Default `output`. */
  readonly outDir?: string;
}

/** The run report of a queued run: a local run's report, plus which worker did each document. */
export interface QueueRunReport {
  pipelineVersion: string;
  startedAt: string;
  finishedAt: string;
  outDir: string;
  queue: { url: string; name: string };
  processed: { id: string; path: string; line?: number; json: string; html?: string; mentions: number; events: number; worker: string; job: string }[];
  skipped: { path: string; reason: string }[];
  failed: (QueueFailure & { job?: string; attempts?: number })[];
  /** Documents still in the queue when the producer stopped waiting (`wait: false`). */
  pending: { id: string; path: string; line?: number; job: string }[];
  totals: { processed: number; skipped: number; failed: number; pending: number; words: number; enqueued: number; alreadyDone: number };
}

const sortFailures = (a: QueueFailure, b: QueueFailure): number => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0);

/**
 * `sitrep annotate --queue`: one job per document on a BullMQ queue, for `sitrep worker`s on any
 * machine to take; then (unless `wait` is false) wait for all of them, showing progress, and write
 * the run report and the corpus index as a local run does.
 */
export async function annotateQueued(options: AnnotateQueuedOptions): Promise<QueueRunReport> {
  const o = resolveEnqueueOptions(options);
  const outDir = options.outDir ?? 'output';
  const wait = options.wait ?? true;
  const startedAt = new Date().toISOString();
  const q = await openQueue(o.target);
  const eventsConnection = wait ? redisConnection(o.target) : undefined;
  const events = eventsConnection ? new QueueEvents(o.target.name, { connection: eventsConnection }) : undefined;
  try {
    // Listen before adding, so that no job can finish unheard.
    if (events) await events.waitUntilReady();
    const enq = await enqueueDocuments(q.queue, o);
    const fresh = enq.jobs.filter((j) => j.was === 'new' || j.was === 'failed-retried').length;
    const done = enq.jobs.filter((j) => j.was === 'done').length;
    o.log(`sitrep: ${enq.jobs.length} documents on queue ${o.target.name} at ${o.target.display}: ${fresh} enqueued, ${done} already done, ${enq.jobs.length - fresh - done} already in the queue`);
    const report: QueueRunReport = {
      pipelineVersion: PIPELINE_VERSION,
      startedAt,
      finishedAt: '',
      outDir,
      queue: { url: o.target.display, name: o.target.name },
      processed: [],
      skipped: enq.skipped,
      failed: [...enq.failed],
      pending: [],
      totals: { processed: 0, skipped: 0, failed: 0, pending: 0, words: 0, enqueued: fresh, alreadyDone: done },
    };
    if (!events) {
      report.pending = enq.jobs.map((j: EnqueuedJob) => ({ id: j.id, path: j.path, ...(j.line ? { line: j.line } : {}), job: j.jobId }));
    } else {
      if (enq.jobs.length > done && (await q.queue.getWorkersCount()) === 0) o.log(`sitrep: no worker is connected to queue ${o.target.name} yet; start one with: sitrep worker --queue ${o.target.display}${o.target.name !== 'sitrep' ? ` --queue-name ${o.target.name}` : ''} --out DIR`);
      const settled = await waitForJobs(q.queue, events, enq.jobs, { log: o.log });
      for (const { job, result } of settled.done) {
        report.processed.push({ id: result.id, path: job.path, ...(job.line ? { line: job.line } : {}), json: join(outDir, result.json), ...(result.html ? { html: join(outDir, result.html) } : {}), mentions: result.mentions, events: result.events, worker: result.worker, job: job.jobId });
        report.totals.words += result.words;
      }
      for (const f of settled.failed) report.failed.push({ ...f.failure, job: f.job.jobId, attempts: f.attempts });
      report.processed.sort((a, b) => a.id.localeCompare(b.id));
      report.failed.sort(sortFailures);
      await writeFileAtomic(
        join(outDir, 'index.html'),
        renderIndex(
          settled.done.map((d) => d.result.summary),
          report.failed.map((f) => ({ path: f.line ? `${f.path}:${f.line}` : f.path, reason: f.reason })),
        ),
      );
    }
    report.failed.sort(sortFailures);
    report.totals = { ...report.totals, processed: report.processed.length, skipped: report.skipped.length, failed: report.failed.length, pending: report.pending.length };
    report.finishedAt = new Date().toISOString();
    if (events) await writeFileAtomic(join(outDir, 'run.json'), `${JSON.stringify(report, null, 1)}\n`);
    return report;
  } finally {
    await events?.close();
    eventsConnection?.disconnect();
    await closeQueue(q);
  }
}
