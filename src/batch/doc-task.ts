import { checkArticleText, ingesterFor } from '../ingest/by-format.js';
import { readSourceSync } from '../ingest/read-source.js';
import { sha256 } from '../doc-id.js';
import { writeStage, writeStartedAt } from './stage-slot.js';
import { processDocument, type ProcessResult } from './process-document.js';
import { failureOf, taskSource, type RunFailure } from './failure.js';
import type { IngestedDoc } from '../ingest/types.js';
import type { SourceFormat } from '../doc.js';

/** Where and how one document is written. */
export interface TaskSettings {
  outDir: string;
  fallbackDate: string | null;
  html: boolean;
  /** The review store whose decisions are applied (absolute path). */
  reviewsDir: string;
  /** Return per-stage times (ms) with the result. */
  timing: boolean;
  /** Encoding of source files that are not UTF-8 and have no byte-order mark (`--encoding`); default: refuse them. */
  encoding?: string;
  /**
   * Shared with the thread that hands out the task (src/batch/runner.ts): the time (ms since the
   * epoch) the document's annotation began, written here, so that a per-document time limit counts
   * the document's own work, not its wait behind another document on the same thread.
   */
  startedAt?: SharedArrayBuffer;
}

/**
 * Record in the task's shared slot that its annotation begins now (`on`), or that it has ended
 * (`off`: what follows is writing files, which waits on the disk and lets the thread's other
 * document run, so it must not count against this one).
 */
function stamp(task: TaskSettings, on: boolean): void {
  if (task.startedAt) writeStartedAt(task.startedAt, on ? Date.now() : 0);
}

/** Record in the task's shared slot the stage that begins now (reported if the document runs out of time). */
function stageOf(task: TaskSettings): ((stage: string) => void) | undefined {
  const slot = task.startedAt;
  return slot ? (stage) => writeStage(slot, stage) : undefined;
}

/**
 * One document, as plain data (it crosses to a worker thread by structured clone): a
 * single-document file, read here (so that the batch's main thread never holds document text),
 * or a document already ingested (a line of a JSONL file).
 */
export type DocTask = FileTask | IngestedTask;

export type FileTask = {
  kind: 'file';
  id: string;
  /** File name of the outputs (without extension): `fileNameOf(id)` unless given (see Manifest.nameFor). */
  name?: string;
  path: string;
  key: string;
  format: SourceFormat;
  /** The content hash the document's up-to-date outputs were made from: same content → `unchanged`, nothing written. */
  upToDateHash?: string;
} & TaskSettings;

export type IngestedTask = { kind: 'ingested'; id: string; name?: string; doc: IngestedDoc } & TaskSettings;

/**
 * What came of a task, as plain data: a result, the news that the file had not changed after all
 * (same content hash), or a failure naming the file and the reason.
 */
export type DocOutcome = AnnotatedOutcome | ({ ok: true; unchanged: true; contentHash: string } & Timed);

/** The outcome of a task that always annotates (a document already ingested): a result or a failure. */
export type AnnotatedOutcome = ({ ok: true; unchanged?: false; contentHash: string; result: ProcessResult } | { ok: false; failure: RunFailure }) & Timed;

type Timed = { timings?: Record<string, number> };

/** Read (for a file), ingest and annotate one document, writing its outputs. Never throws: failures are data. */
export async function runDocTask(task: IngestedTask): Promise<AnnotatedOutcome>;
export async function runDocTask(task: DocTask): Promise<DocOutcome>;
export async function runDocTask(task: DocTask): Promise<DocOutcome> {
  const timings: Record<string, number> | undefined = task.timing ? {} : undefined;
  const time = timings ? (stage: string, ms: number): void => void (timings[stage] = (timings[stage] ?? 0) + ms) : undefined;
  const { path, line } = taskSource(task);
  const extra = timings ? { timings } : {};
  try {
    let doc: IngestedDoc;
    let contentHash: string;
    if (task.kind === 'file') {
      let t = performance.now();
      const decoded = readSourceSync(task.path, task.encoding);
      const source = decoded.text;
      contentHash = sha256(source);
      time?.('read+hash', performance.now() - t);
      if (contentHash === task.upToDateHash) return { ok: true, unchanged: true, contentHash, ...extra };
      const ingest = await ingesterFor(task.format, task.path);
      stageOf(task)?.(`ingest/${task.format}`);
      stamp(task, true);
      t = performance.now();
      doc = checkArticleText(ingest(source, task.path, task.key), task.path);
      if (decoded.encoding !== 'utf-8') doc.encoding = decoded.encoding;
      time?.(`ingest/${task.format}`, performance.now() - t);
    } else {
      stamp(task, true);
      doc = task.doc;
      contentHash = sha256(doc.source);
    }
    const result = await processDocument(doc, task.id, { ...(task.name !== undefined ? { name: task.name } : {}), outDir: task.outDir, fallbackDate: task.fallbackDate, html: task.html, reviewsDir: task.reviewsDir, annotated: () => stamp(task, false), ...(time ? { time } : {}), ...(task.startedAt ? { onStage: stageOf(task) } : {}) });
    return { ok: true, contentHash, result, ...extra };
  } catch (err) {
    return { ok: false, failure: failureOf(err, path, line), ...extra };
  }
}
