import { hostname } from 'node:os';
import { basename } from 'node:path';
import { UnrecoverableError } from 'bullmq';
import { ingestDocument, ingestJsonl, readSource } from '../ingest/index.js';
import { sha256 } from '../pipeline.js';
import { processDocument } from '../batch/process-document.js';
import { SitrepInputError } from '../errors.js';
import { formatFailure, type DocJobData, type DocJobResult } from './job-data.js';
import type { IngestedDoc } from '../ingest/types.js';

/** Input problems that retrying cannot fix: the job fails at once, with the reason. */
const PERMANENT_INPUT_ERRORS = new Set(['ingest:empty', 'ingest:binary', 'ingest:encoding', 'ingest:too-large', 'ingest:format', 'ingest:jsonl-syntax', 'ingest:jsonl-shape', 'ingest:jsonl-id', 'ingest:jsonl-text', 'ingest:jsonl-date']);

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
 * Run one job: ingest what it carries and hand it to `processDocument`, the same code a local run
 * uses, so the files written are the same. Errors come out as `[ruleId] reason`; input errors that
 * no retry can fix are unrecoverable (failed at once), anything else is retried with backoff.
 */
export async function runDocJob(data: DocJobData, outDir: string): Promise<DocJobResult> {
  try {
    const doc = await ingestJob(data);
    const r = await processDocument(doc, data.id, { outDir, fallbackDate: data.fallbackDate, html: data.html });
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
  } catch (err) {
    if (err instanceof UnrecoverableError) throw err;
    if (err instanceof SitrepInputError) {
      const failure = formatFailure(err.ruleId, withoutPlace(err));
      throw PERMANENT_INPUT_ERRORS.has(err.ruleId) ? new UnrecoverableError(failure) : new Error(failure);
    }
    const e = err as Error;
    throw new Error(formatFailure('pipeline:crash', `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`));
  }
}

/** An input error's message without the `file:line:column: ` in front (the job names the file). */
function withoutPlace(err: SitrepInputError): string {
  const prefix = err.place ? `${err.file}:${err.place.line}:${err.place.column}: ` : `${err.file}: `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
}
