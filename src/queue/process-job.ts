import { workerData } from 'node:worker_threads';
import type { SandboxedJob } from 'bullmq';
import { runDocJob } from './run-job.js';
import type { DocJobData, DocJobResult } from './job-data.js';

/**
 * BullMQ's sandboxed processor: runs in a worker thread, so that annotating (synchronous CPU work)
 * never blocks the worker's event loop, which keeps renewing the job's lock meanwhile. The thread
 * lives on between jobs (the lexicon and NLP models load once per thread).
 */
export default async function processJob(job: SandboxedJob<DocJobData, DocJobResult>): Promise<DocJobResult> {
  return runDocJob(job.data, workerData as { outDir: string; reviewsDir: string });
}
