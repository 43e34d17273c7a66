import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { QueueEvents, type Queue } from 'bullmq';
import { closeQueue, openQueue, redisConnection, workersCount } from './connection.js';
import { enqueueDocuments } from './enqueue.js';
import { resolveEnqueueOptions, type EnqueueOptions, type ResolvedEnqueueOptions } from './options.js';
import { waitForJobs } from './wait.js';
import { Manifest } from '../batch/manifest.js';
import { configKey } from '../batch/config-key.js';
import { UNCHANGED, type RunReport } from '../batch/run-report.js';
import { whereOf } from '../batch/failure.js';
import { writeFileAtomic } from '../write/atomic.js';
import { renderIndex } from '../write/html-index.js';
import { PIPELINE_VERSION } from '../version.js';
import type { UpToDate, QueueFailure } from './plan.js';

export interface AnnotateQueuedOptions extends EnqueueOptions {
  /** Wait until every document is done or failed, then write `run.json` and `index.html`. Default true. */
  readonly wait?: boolean;
}

/** `run.json` of a queued run: a local run's report, plus the queue, and the worker and job of each document. */
export interface QueueRunReport extends Omit<RunReport, 'workers' | 'threads' | 'interrupted' | 'processed' | 'failed' | 'totals' | 'timings'> {
  queue: { url: string; name: string };
  processed: (RunReport['processed'][number] & { worker: string; job: string })[];
  failed: (QueueFailure & { job?: string; attempts?: number })[];
  /** Documents still in the queue when the producer stopped waiting (`wait: false`). */
  pending: { id: string; path: string; line?: number; job: string }[];
  totals: RunReport['totals'] & { pending: number; enqueued: number; alreadyDone: number };
}

const byPlace = (a: { path: string; line?: number }, b: { path: string; line?: number }): number => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0);

/**
 * `sitrep annotate --queue`: one job per document that is new or changed (the output folder's
 * manifest decides, as in a local run) on a BullMQ queue, for `sitrep worker`s on any machine to
 * take; then, unless `wait` is false, wait for them all, showing progress, record each document
 * done in the manifest, and write `index.html` and `run.json` as a local run does.
 *
 * The manifest is written here, by this one process, and not by the workers: SQLite (WAL) is not
 * safe to share between machines over a network folder, and the paths it keeps must be the ones
 * this machine sees.
 */
export async function annotateQueued(options: AnnotateQueuedOptions): Promise<QueueRunReport> {
  const o = resolveEnqueueOptions(options);
  const wait = options.wait ?? true;
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const q = await openQueue(o.target); // first: an unreachable Redis leaves nothing behind
  let manifest: Manifest | undefined;
  let eventsConnection: ReturnType<typeof redisConnection> | undefined;
  let events: QueueEvents | undefined;
  try {
    await mkdir(o.outDir, { recursive: true });
    manifest = Manifest.open(o.outDir, configKey({ fallbackDate: o.date, html: o.html }));
    if (wait) {
      eventsConnection = redisConnection(o.target);
      events = new QueueEvents(o.target.name, { connection: eventsConnection });
    }
    return await runQueued(o, q.queue, manifest, events, t0, startedAt);
  } finally {
    manifest?.close();
    await events?.close();
    eventsConnection?.disconnect();
    await closeQueue(q);
  }
}

/** Enqueue, and wait when `events` are given. */
async function runQueued(o: ResolvedEnqueueOptions, queue: Queue, manifest: Manifest, events: QueueEvents | undefined, t0: number, startedAt: string): Promise<QueueRunReport> {
  const runId = Manifest.newRunId();
  // Listen before adding, so that no job can finish unheard.
  if (events) await events.waitUntilReady();
  // With --force nothing is up to date, but names and former ids still come from the manifest.
  const current: UpToDate = {
    unchangedFile: (id, path, stat, rh) => !o.force && manifest.isUnchangedFile(id, path, stat, rh) && (manifest.markSeen(id, runId), true),
    upToDate: (id, path, hash, rh, stat) => !o.force && manifest.isUpToDate(id, path, hash, rh) && (manifest.markSeen(id, runId, stat), true),
    nameFor: (id) => manifest.nameFor(id),
    formerIdOf: (path, line, id) => manifest.formerIdOf(path, line, id),
  };
  const enq = await enqueueDocuments(queue, o, current);
  const fresh = enq.jobs.filter((j) => j.was === 'new' || j.was === 'again').length;
  const done = enq.jobs.filter((j) => j.was === 'done').length;
  o.log(
    `sitrep: ${enq.jobs.length} documents on queue ${o.target.name} at ${o.target.display}: ${fresh} enqueued, ${done} already done, ${enq.jobs.length - fresh - done} already in the queue; ${enq.unchanged.length} unchanged`,
  );
  const report: QueueRunReport = {
    pipelineVersion: PIPELINE_VERSION,
    configKey: manifest.configKey,
    startedAt,
    finishedAt: '',
    durationMs: 0,
    outDir: o.outDir,
    queue: { url: o.target.display, name: o.target.name },
    processed: [],
    skipped: [...enq.skipped, ...enq.unchanged.map((u) => ({ path: u.path, ...(u.line ? { line: u.line } : {}), id: u.id, reason: UNCHANGED }))],
    failed: [...enq.failed],
    pending: [],
    totals: { processed: 0, skipped: 0, unchanged: enq.unchanged.length, failed: 0, pending: 0, words: 0, enqueued: fresh, alreadyDone: done },
  };
  if (!events) {
    report.pending = enq.jobs.map((j) => ({ id: j.id, path: j.path, ...(j.line ? { line: j.line } : {}), job: j.jobId }));
  } else {
    if (enq.jobs.length > done && (await workersCount(queue)) === 0) {
      o.log(`sitrep: no worker is connected to queue ${o.target.name} yet; start one with: sitrep worker --queue ${o.target.display}${o.target.name !== 'sitrep' ? ` --queue-name ${o.target.name}` : ''} --out DIR`);
    }
    const settled = await waitForJobs(queue, events, enq.jobs, {
      log: o.log,
      // Recorded as each one is done, so that an interrupted wait keeps what was done.
      onDone: (job, r) => {
        const json = join(o.outDir, r.json);
        const html = r.html ? join(o.outDir, r.html) : undefined;
        // The worker wrote into its own --out: it must be this folder (shared), or nothing is recorded.
        if (!existsSync(json) || (html && !existsSync(html))) {
          const failure = {
            path: job.path,
            ...(job.line ? { line: job.line } : {}),
            ruleId: 'queue:output-missing',
            reason: `done by worker ${r.worker}, but ${json} is not there: the workers of queue ${o.target.name} write to another folder (use one queue per output folder: --queue-name), or the file was removed (add it again with --force)`,
          };
          report.failed.push({ ...failure, job: job.jobId });
          o.log(`sitrep: failed ${whereOf(failure)}: ${failure.reason}`);
          return;
        }
        const renames = manifest.record({ id: job.id, path: job.path, ...(job.line ? { line: job.line } : {}), contentHash: job.contentHash, reviewsHash: job.reviewsHash, json, ...(html ? { html } : {}), words: r.words, mentions: r.mentions, events: r.events, summary: r.summary, ...(job.stat ? { source: job.stat } : {}) }, runId);
        if (renames.length) (report.renamed ??= []).push(...renames);
        report.processed.push({ id: r.id, path: job.path, ...(job.line ? { line: job.line } : {}), json, ...(html ? { html } : {}), mentions: r.mentions, events: r.events, words: r.words, worker: r.worker, job: job.jobId });
        report.totals.words += r.words;
      },
    });
    for (const f of settled.failed) report.failed.push({ ...f.failure, job: f.job.jobId, attempts: f.attempts });
  }
  report.processed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  report.skipped.sort(byPlace);
  report.failed.sort(byPlace);
  report.totals = { ...report.totals, processed: report.processed.length, skipped: report.skipped.length, failed: report.failed.length, pending: report.pending.length };
  if (events) {
    await writeFileAtomic(join(o.outDir, 'index.html'), renderIndex([...manifest.summaries(runId)], report.failed.map((f) => ({ path: whereOf(f), reason: f.reason }))));
    report.finishedAt = new Date().toISOString();
    report.durationMs = Math.round(performance.now() - t0);
    await writeFileAtomic(join(o.outDir, 'run.json'), `${JSON.stringify(report, null, 1)}\n`);
  } else {
    report.finishedAt = new Date().toISOString();
    report.durationMs = Math.round(performance.now() - t0);
  }
  return report;
}
