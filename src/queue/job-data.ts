import { fileNameOf, sha256 } from '../doc-id.js';
import type { SourceFormat } from '../doc.js';
import type { ProcessResult } from '../batch/process-document.js';

/** The BullMQ job name of every sitrep job (one job per document). */
export const JOB_NAME = 'annotate';

/**
 * What a job carries: everything a worker needs to annotate one document exactly as a local run
 * would, and the hash of the source that was enqueued, so that no worker annotates another version.
 */
export interface DocJobData {
  /** Payload layout version. */
  v: 1;
  /** Document id (exactly the user's), decided by the producer as a local run decides it. */
  id: string;
  /** File name of its outputs (without extension) when it is not `fileNameOf(id)` (see Manifest.nameFor). */
  name?: string;
  /** Source path as the producer was given it (recorded in the output's `doc.source.path`). */
  path: string;
  /** Document key (path under the input root, or the JSONL record id). */
  key: string;
  format: SourceFormat;
  /** 1-based line of a JSONL document. */
  line?: number;
  /** sha256 of the source: the file's text, or the JSONL line. */
  sha256: string;
  /** The source text (absent when the job carries `file` instead). */
  text?: string;
  /** Absolute path to read the source from, on a folder every worker mounts at the same path. */
  file?: string;
  /** Date for documents whose source gives none. */
  fallbackDate: string | null;
  /** Write the HTML page too. */
  html: boolean;
  /** `reviewsHash` of the reviewers' decisions about this document the producer saw (src/review). */
  reviewsHash: string;
  /**
   * The producer's configuration key (src/batch/config-key.ts: pipeline and schema versions, lexicon
   * and data hashes, NLP library versions, these options): a worker whose own differs refuses the job.
   */
  configKey: string;
}

/** What a worker reports for a finished job (the job's return value): the batch's result, with file names relative to the worker's output folder. */
export interface DocJobResult extends ProcessResult {
  /** `host:pid` of the worker process that annotated it. */
  worker: string;
}

/**
 * The job id: the document's file name plus a hash of everything that decides its output (content, id,
 * path, reviews, configuration key). Adding a job whose id exists is a no-op in BullMQ, so
 * enqueueing the same documents twice does the work once, while a changed document (or a new
 * pipeline version) gets a new job.
 */
export function jobIdFor(d: Omit<DocJobData, 'text' | 'file'>): string {
  const h = sha256(JSON.stringify([d.v, d.id, d.path, d.key, d.format, d.line ?? null, d.sha256, d.fallbackDate, d.html, d.reviewsHash, d.configKey, ...(d.name !== undefined ? [d.name] : [])]));
  // The id's file name, not the id: BullMQ refuses a `:` in a job id, and the name has none (nor `@`).
  return `${d.name ?? fileNameOf(d.id)}@${h.slice(0, 16)}`;
}

/** A failure as a job records it: `[ruleId] reason`, the same pair a local run's report gives. */
export function formatFailure(ruleId: string, reason: string): string {
  return `[${ruleId}] ${reason}`;
}

export function parseFailure(failedReason: string | undefined): { ruleId: string; reason: string } {
  const m = /^\[([^\]]+)\] ([\s\S]*)$/.exec(failedReason ?? '');
  if (m) return { ruleId: m[1], reason: m[2] };
  if (/stalled more than/i.test(failedReason ?? '')) return { ruleId: 'queue:stalled', reason: `${failedReason} (its worker died or hung on it every time)` };
  return { ruleId: 'queue:failed', reason: failedReason || 'failed without a reason' };
}
