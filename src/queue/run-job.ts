import { hostname } from 'node:os';
import { basename } from 'node:path';
import { UnrecoverableError } from 'bullmq';
import { ingestDocument } from '../ingest/index.js';
import { ingestJsonl } from '../ingest/jsonl.js';
import { readSource } from '../ingest/read-source.js';
import { sha256 } from '../doc-id.js';
import { runDocTask } from '../batch/doc-task.js';
import { configKey } from '../batch/config-key.js';
import { failureOf } from '../batch/failure.js';
import { resolveReviewsDir, reviewStoreFor, reviewsHash } from '../review/store.js';
import { SitrepInputError } from '../errors.js';
import { formatFailure, type DocJobData, type DocJobResult } from './job-data.js';
import type { IngestedDoc } from '../ingest/types.js';

/** Input problems that retrying cannot fix: the job fails at once, with the reason. */
const PERMANENT = new Set(['ingest:empty', 'ingest:binary', 'ingest:encoding', 'ingest:too-large', 'ingest:format', 'ingest:jsonl-syntax', 'ingest:jsonl-shape', 'ingest:jsonl-id', 'ingest:jsonl-text', 'ingest:jsonl-date']);

/** The source of a job, from the job itself or from the shared file it names. */
async function jobSource(data: DocJobData): Promise<string> {
  if (data.text !== undefined) return data.text;
  if (!data.file) throw new UnrecoverableError(formatFailure('queue:payload', 'the job carries neither the text nor a file to read'));
  const whole = await readSource(data.file);
  if (data.format !== 'jsonl') return whole;
  const line = whole.split('\n')[(data.line ?? 1) - 1];
  return (line ?? '').replace(/\r$/, '');
}

/** Rebuild the ingested document the producer read, refusing any other version of it. */
export async function ingestJob(data: DocJobData): Promise<IngestedDoc> {
  const source = await jobSource(data);
  const actual = sha256(source);
  if (actual !== data.sha256) {
    throw new UnrecoverableError(
      formatFailure('queue:changed', `the source changed since it was enqueued (sha256 ${actual.slice(0, 12)}…, enqueued ${data.sha256.slice(0, 12)}…); not annotated: enqueue it again`),
    );
  }
  if (data.format !== 'jsonl') return ingestDocument(source, data.path, data.key, data.format);
  // A JSONL document is one line; blank lines in front keep its line number as in the file.
  const [item] = ingestJsonl(`${'\n'.repeat((data.line ?? 1) - 1)}${source}`, data.path);
  if (!item) throw new SitrepInputError('blank line', data.path, 'ingest:empty', { line: data.line ?? 1, column: 1 });
  if ('error' in item) throw item.error;
  return item;
}

/**
 * This worker must make what the producer asked for: the same configuration (pipeline, lexicons,
 * libraries, options) and the same reviewers' decisions. Otherwise its output would not be the
 * local run's, and the producer's manifest would call it up to date all the same.
 */
async function checkSameSetup(data: DocJobData, reviewsDir: string): Promise<void> {
  const key = configKey({ fallbackDate: data.fallbackDate, html: data.html });
  if (key !== data.configKey) {
    throw new UnrecoverableError(
      formatFailure('queue:config-differs', `this worker runs another sitrep configuration (pipeline, lexicons or libraries: key ${key}, enqueued ${data.configKey}); run the producer's version on every worker, then retry`),
    );
  }
  const here = reviewsHash(await reviewStoreFor(reviewsDir), data.id);
  if (here !== data.reviewsHash) {
    throw new UnrecoverableError(
      formatFailure('queue:reviews-differ', `the reviews folder of this worker (${reviewsDir}) holds other decisions about "${data.id}" than the producer's (${here}, enqueued ${data.reviewsHash}): give workers the producer's folder with --reviews, or enqueue again after new decisions`),
    );
  }
}

/**
 * Run one job: check it, ingest what it carries and hand it to the batch's `runDocTask` (the code
 * a local run's worker threads use), so the files written are the same. Errors come out as
 * `[ruleId] reason`; those that no retry can fix are unrecoverable (failed at once), anything else
 * (a crash, a write error on the shared folder) is retried with backoff.
 */
export async function runDocJob(data: DocJobData, o: { outDir: string; reviewsDir?: string | null }): Promise<DocJobResult> {
  const reviewsDir = resolveReviewsDir(o.reviewsDir);
  let doc: IngestedDoc;
  try {
    await checkSameSetup(data, reviewsDir);
    doc = await ingestJob(data);
  } catch (err) {
    if (err instanceof UnrecoverableError) throw err;
    const f = failureOf(err, data.path, data.line);
    const failure = formatFailure(f.ruleId, f.reason);
    throw PERMANENT.has(f.ruleId) ? new UnrecoverableError(failure) : new Error(failure);
  }
  const outcome = await runDocTask({ kind: 'ingested', id: data.id, ...(data.name !== undefined ? { name: data.name } : {}), doc, outDir: o.outDir, fallbackDate: data.fallbackDate, html: data.html, reviewsDir, timing: false });
  if (!outcome.ok) {
    const failure = formatFailure(outcome.failure.ruleId, outcome.failure.reason);
    throw PERMANENT.has(outcome.failure.ruleId) ? new UnrecoverableError(failure) : new Error(failure);
  }
  const r = outcome.result;
  return {
    id: r.id,
    json: basename(r.json),
    ...(r.html ? { html: basename(r.html) } : {}),
    mentions: r.mentions,
    events: r.events,
    words: r.words,
    summary: r.summary,
    worker: `${hostname()}:${process.pid}`,
  };
}
