import { Job, type Queue } from 'bullmq';
import { JOB_NAME, type DocJobData } from './job-data.js';
import { planJobs, type QueueFailure } from './plan.js';
import type { ResolvedEnqueueOptions } from './options.js';

/** A job of this run, with where its document came from. */
export interface EnqueuedJob {
  jobId: string;
  id: string;
  path: string;
  line?: number;
  /** What the queue held for it when this run added it. */
  was: 'new' | 'done' | 'failed-retried' | 'pending';
}

export interface EnqueueResult {
  jobs: EnqueuedJob[];
  /** Documents refused before reaching the queue (missing, unreadable, duplicate id, bad JSONL line). */
  failed: QueueFailure[];
  skipped: { path: string; reason: string }[];
}

const CHUNK = 200;

/**
 * Add one job per document. A job whose id is already in the queue is not added again: done stays
 * done (no work twice), waiting or running stays so; a job that failed before is retried, with
 * its attempts reset, as a local run would try the document again.
 */
export async function enqueueDocuments(queue: Queue, o: ResolvedEnqueueOptions): Promise<EnqueueResult> {
  const result: EnqueueResult = { jobs: [], failed: [], skipped: [] };
  const jobOpts = { attempts: o.attempts, backoff: { type: 'exponential', delay: o.backoff }, removeOnComplete: false, removeOnFail: false };
  let chunk: { jobId: string; data: DocJobData }[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const states = await Promise.all(chunk.map((j) => queue.getJobState(j.jobId)));
    const fresh = chunk.filter((_, i) => states[i] === 'unknown');
    if (fresh.length) await queue.addBulk(fresh.map((j) => ({ name: JOB_NAME, data: j.data, opts: { ...jobOpts, jobId: j.jobId } })));
    for (const [i, j] of chunk.entries()) {
      let was: EnqueuedJob['was'] = states[i] === 'unknown' ? 'new' : states[i] === 'completed' ? 'done' : 'pending';
      if (states[i] === 'failed') {
        const job = await Job.fromId(queue, j.jobId);
        try {
          await job?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          was = 'failed-retried';
        } catch {
          was = 'pending'; // someone else retried it meanwhile
        }
      }
      result.jobs.push({ jobId: j.jobId, id: j.data.id, path: j.data.path, ...(j.data.line ? { line: j.data.line } : {}), was });
      if (was !== 'new') o.log(`sitrep: ${was === 'done' ? 'already done' : was === 'failed-retried' ? 'failed before, enqueued again' : 'already in the queue'}: ${j.data.path}${j.data.line ? `:${j.data.line}` : ''} (job ${j.jobId})`);
    }
    chunk = [];
  };
  for await (const item of planJobs(o)) {
    if ('failure' in item) {
      result.failed.push(item.failure);
      o.log(`sitrep: failed ${item.failure.path}${item.failure.line ? `:${item.failure.line}` : ''}: ${item.failure.reason}`);
    } else if ('skipped' in item) result.skipped.push(item.skipped);
    else {
      chunk.push(item.job);
      if (chunk.length >= CHUNK) await flush();
    }
  }
  await flush();
  return result;
}
