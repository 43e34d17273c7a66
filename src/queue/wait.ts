import { Job, type Queue, type QueueEvents } from 'bullmq';
import { workersCount } from './connection.js';
import { parseFailure, type DocJobData, type DocJobResult } from './job-data.js';
import type { EnqueuedJob } from './enqueue.js';
import type { QueueFailure } from './plan.js';

export interface Settled {
  done: { job: EnqueuedJob; result: DocJobResult }[];
  failed: { job: EnqueuedJob; failure: QueueFailure; attempts: number }[];
}

export interface WaitOptions {
  log: (line: string) => void;
  /** Told of each document done, as soon as it is known. */
  onDone?: (job: EnqueuedJob, result: DocJobResult) => void;
  /** How often (ms) to look at the states of the jobs not yet settled, besides listening to events. Default 2000. */
  pollEvery?: number;
  /** How often (ms) to print a progress line when nothing else was printed. Default 10000. */
  progressEvery?: number;
}

/**
 * Wait until every job is done or has failed for good (after its last attempt), printing a line per
 * settled document and, now and then, the counts. Listens to the queue's events and also polls
 * the states of the jobs still open, so a missed event only delays a line.
 */
export async function waitForJobs(queue: Queue, events: QueueEvents, jobs: readonly EnqueuedJob[], o: WaitOptions): Promise<Settled> {
  const settled: Settled = { done: [], failed: [] };
  const open = new Map(jobs.map((j) => [j.jobId, j]));
  const total = jobs.length;
  let lastLine = Date.now();
  const say = (line: string): void => {
    lastLine = Date.now();
    o.log(line);
  };

  let wake: () => void = () => {};
  const settle = async (jobId: string): Promise<void> => {
    const j = open.get(jobId);
    if (!j) return;
    const job = (await Job.fromId(queue, jobId)) as Job<DocJobData, DocJobResult> | undefined;
    const where = j.line ? `${j.path}:${j.line}` : j.path;
    if (!job) {
      open.delete(jobId);
      const failure = { path: j.path, ...(j.line ? { line: j.line } : {}), ruleId: 'queue:removed', reason: 'the job was removed from the queue before it was done' };
      settled.failed.push({ job: j, failure, attempts: 0 });
      say(`sitrep: failed ${where}: ${failure.reason}`);
      return;
    }
    const state = await job.getState();
    if (!open.has(jobId)) return;
    if (state === 'completed') {
      open.delete(jobId);
      settled.done.push({ job: j, result: job.returnvalue });
      o.onDone?.(j, job.returnvalue);
      // Done before this run: the enqueue already said so.
      if (j.was !== 'done') say(`sitrep: annotated ${where} → ${job.returnvalue.json} (by ${job.returnvalue.worker}; ${settled.done.length + settled.failed.length} of ${total})`);
    } else if (state === 'failed') {
      open.delete(jobId);
      const f = parseFailure(job.failedReason);
      settled.failed.push({ job: j, failure: { path: j.path, ...(j.line ? { line: j.line } : {}), ...f }, attempts: job.attemptsMade });
      say(`sitrep: failed ${where} after ${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'}: [${f.ruleId}] ${f.reason}`);
    }
  };
  const onEvent = ({ jobId }: { jobId: string }): void => {
    if (open.has(jobId)) void settle(jobId).then(() => wake(), () => wake());
  };
  events.on('completed', onEvent);
  events.on('failed', onEvent);
  try {
    for (const j of jobs) if (j.was === 'done') await settle(j.jobId);
    let lastPoll = 0;
    while (open.size > 0) {
      if (Date.now() - lastPoll >= (o.pollEvery ?? 2000)) {
        lastPoll = Date.now();
        const ids = [...open.keys()];
        for (let i = 0; i < ids.length; i += 500) {
          const slice = ids.slice(i, i + 500);
          const states = await Promise.all(slice.map((id) => queue.getJobState(id)));
          for (const [k, id] of slice.entries()) if (states[k] === 'completed' || states[k] === 'failed' || states[k] === 'unknown') await settle(id);
        }
      }
      if (open.size === 0) break;
      if (Date.now() - lastLine >= (o.progressEvery ?? 10_000)) {
        const [counts, workers] = await Promise.all([queue.getJobCounts('active', 'waiting', 'delayed'), workersCount(queue)]);
        say(
          `sitrep: ${settled.done.length} of ${total} done, ${settled.failed.length} failed; queue: ${counts.active} active, ${counts.waiting} waiting, ${counts.delayed} waiting to retry${workers === null ? '' : `; ${workers} worker${workers === 1 ? '' : 's'} connected${workers === 0 ? ' (start one: sitrep worker --queue …)' : ''}`}`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 250);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  } finally {
    events.off('completed', onEvent);
    events.off('failed', onEvent);
  }
  return settled;
}
