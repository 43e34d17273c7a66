import type { Job } from 'bullmq';
import { closeQueue, openQueue, workersCount } from './connection.js';
import { resolveTarget, type QueueTarget } from './options.js';
import { parseFailure, type DocJobData, type DocJobResult } from './job-data.js';
import { SitrepOptionError } from '../errors.js';
import type { QueueFailure } from './plan.js';

export interface FailedJob extends QueueFailure {
  job: string;
  id: string;
  attempts: number;
  failedAt: string | null;
}

export interface QueueStatus {
  queue: { url: string; name: string };
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number; paused: number };
  /** Workers listening (null: this Redis does not say). */
  workers: number | null;
  /** The failed jobs (at most `limit`), newest first. */
  failed: FailedJob[];
}

function failedJob(job: Job<DocJobData, DocJobResult>): FailedJob {
  const f = parseFailure(job.failedReason);
  return {
    job: job.id ?? '',
    id: job.data.id,
    path: job.data.path,
    ...(job.data.line ? { line: job.data.line } : {}),
    ...f,
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

/** `sitrep queue status`: how many jobs are in each state, how many workers listen, and what failed and why. */
export async function queueStatus(t: QueueTarget, limit = 50): Promise<QueueStatus> {
  const target = resolveTarget(t);
  const q = await openQueue(target);
  try {
    const [c, workers, failed] = await Promise.all([
      q.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'paused'),
      workersCount(q.queue),
      q.queue.getFailed(0, Math.max(0, limit - 1)) as Promise<Job<DocJobData, DocJobResult>[]>,
    ]);
    return {
      queue: { url: target.display, name: target.name },
      counts: { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0, paused: c.paused ?? 0 },
      workers,
      failed: limit > 0 ? failed.filter(Boolean).map(failedJob) : [],
    };
  } finally {
    await closeQueue(q);
  }
}

/**
 * `sitrep queue retry`: put failed jobs back in the queue with their attempts reset; all of them, or
 * those named by job id or document id. Returns the ids of the jobs requeued; names that match no
 * failed job are an error naming them.
 */
export async function retryFailed(t: QueueTarget, names: readonly string[] = []): Promise<string[]> {
  const target = resolveTarget(t);
  const q = await openQueue(target);
  try {
    const wanted = new Set(names);
    const matched = new Set<string>();
    const retried: string[] = [];
    // Read the whole failed set first (retrying removes jobs from it), then retry those wanted.
    const failed: Job<DocJobData, DocJobResult>[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = (await q.queue.getFailed(offset, offset + 499)) as Job<DocJobData, DocJobResult>[];
      failed.push(...page.filter(Boolean));
      if (page.length < 500) break;
    }
    for (const job of failed) {
      const id = job.id ?? '';
      if (wanted.size > 0 && !wanted.has(id) && !wanted.has(job.data.id)) continue;
      if (wanted.has(id)) matched.add(id);
      if (wanted.has(job.data.id)) matched.add(job.data.id);
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried.push(id);
    }
    const unknown = names.filter((n) => !matched.has(n));
    if (unknown.length) throw new SitrepOptionError(`Expected failed job ids or document ids, got \`${unknown.join('`, `')}\` (not in the failed set of queue ${target.name}${retried.length ? `; the others were retried` : ''})`);
    return retried;
  } finally {
    await closeQueue(q);
  }
}

/**
 * `sitrep queue clean`: forget finished jobs. Completed jobs are kept (without their text) so that
 * enqueueing the same documents again does no work twice even where no manifest says so (after a
 * `--no-wait` run, or into another output folder); clean them to free Redis. Returns how many were
 * removed of each.
 */
export async function cleanQueue(t: QueueTarget, which: { completed?: boolean; failed?: boolean }): Promise<{ completed: number; failed: number }> {
  const target = resolveTarget(t);
  const q = await openQueue(target);
  try {
    const completed = which.completed ? (await q.queue.clean(0, 0, 'completed')).length : 0;
    const failed = which.failed ? (await q.queue.clean(0, 0, 'failed')).length : 0;
    return { completed, failed };
  } finally {
    await closeQueue(q);
  }
}
