import { Job, type Queue } from 'bullmq';
import { JOB_NAME } from './job-data.js';
import { planJobs, type PlannedJob, type QueueFailure, type Unchanged, type UpToDate } from './plan.js';
import type { ResolvedEnqueueOptions } from './options.js';

/** A job of this run, with where its document came from. */
export interface EnqueuedJob {
  jobId: string;
  id: string;
  path: string;
  line?: number;
  /** What the manifest records once it is done. */
  contentHash: string;
  reviewsHash: string;
  stat?: { size: number; mtimeMs: number };
  /** What the queue held for it when this run added it. */
  was: 'new' | 'done' | 'again' | 'pending';
}

export interface EnqueueResult {
  jobs: EnqueuedJob[];
  /** Documents whose outputs were up to date: no job. */
  unchanged: Unchanged[];
  /** Documents refused before reaching the queue (missing, unreadable, duplicate id, bad JSONL line). */
  failed: QueueFailure[];
  skipped: { path: string; reason: string }[];
}

const CHUNK = 200;

/**
 * Add one job per document that is not up to date. A job whose id is already in the queue is not
 * added again: done stays done (no work twice), waiting or running stays so. A job that failed
 * before is tried again with its attempts reset, as a local run would try the document again; with
 * `force`, so is a job done before.
 */
export async function enqueueDocuments(queue: Queue, o: ResolvedEnqueueOptions, current?: UpToDate): Promise<EnqueueResult> {
  const result: EnqueueResult = { jobs: [], unchanged: [], failed: [], skipped: [] };
  const jobOpts = { attempts: o.attempts, backoff: { type: 'exponential', delay: o.backoff }, removeOnComplete: false, removeOnFail: false };
  let chunk: PlannedJob[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const states = await Promise.all(chunk.map((j) => queue.getJobState(j.jobId)));
    // With force, a job done before is added afresh (a done job no longer holds its text: see worker.ts).
    const redo = new Set<number>();
    if (o.force) {
      for (const [i, j] of chunk.entries()) {
        if (states[i] !== 'completed') continue;
        try {
          await (await Job.fromId(queue, j.jobId))?.remove();
          redo.add(i);
        } catch {
          /* taken meanwhile (retried by someone else): leave it */
        }
      }
    }
    const fresh = chunk.filter((_, i) => states[i] === 'unknown' || redo.has(i));
    if (fresh.length) await queue.addBulk(fresh.map((j) => ({ name: JOB_NAME, data: j.data, opts: { ...jobOpts, jobId: j.jobId } })));
    for (const [i, j] of chunk.entries()) {
      const state = states[i];
      let was: EnqueuedJob['was'] = redo.has(i) ? 'again' : state === 'unknown' ? 'new' : state === 'completed' ? 'done' : 'pending';
      if (state === 'failed') {
        try {
          await (await Job.fromId(queue, j.jobId))?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          was = 'again';
        } catch {
          was = 'pending'; // someone else retried it meanwhile
        }
      }
      const d = j.data;
      result.jobs.push({ jobId: j.jobId, id: d.id, path: d.path, ...(d.line ? { line: d.line } : {}), contentHash: d.sha256, reviewsHash: d.reviewsHash, ...(j.stat ? { stat: j.stat } : {}), was });
      const where = `${d.path}${d.line ? `:${d.line}` : ''}`;
      if (was === 'done') o.log(`sitrep: already done by a worker: ${where} (job ${j.jobId})`);
      else if (was === 'again') o.log(`sitrep: ${state === 'failed' ? 'failed before' : 'done before'}, enqueued again: ${where} (job ${j.jobId})`);
      else if (was === 'pending') o.log(`sitrep: already in the queue: ${where} (job ${j.jobId})`);
    }
    chunk = [];
  };
  for await (const item of planJobs(o, current)) {
    if ('failure' in item) {
      result.failed.push(item.failure);
      o.log(`sitrep: failed ${item.failure.path}${item.failure.line ? `:${item.failure.line}` : ''}: ${item.failure.reason}`);
    } else if ('skipped' in item) result.skipped.push(item.skipped);
    else if ('unchanged' in item) {
      result.unchanged.push(item.unchanged);
      o.log(`sitrep: unchanged ${item.unchanged.path}${item.unchanged.line ? `:${item.unchanged.line}` : ''}`);
    } else {
      chunk.push(item.job);
      if (chunk.length >= CHUNK) await flush();
    }
  }
  await flush();
  return result;
}
