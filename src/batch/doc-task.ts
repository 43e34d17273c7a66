import { ingestDocument } from '../ingest/index.js';
import { processDocument, type ProcessResult } from './process-document.js';
import { failureOf, type RunFailure } from './failure.js';
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
}

/**
 * One document to annotate, as plain data (it crosses to a worker thread by structured clone):
 * either the text of a single-document file, still to be ingested, or a document already ingested
 * (a line of a JSONL file).
 */
export type DocTask =
  | ({ kind: 'file'; id: string; path: string; key: string; format: SourceFormat; source: string } & TaskSettings)
  | ({ kind: 'ingested'; id: string; doc: IngestedDoc } & TaskSettings);

/** What came of a task, as plain data: a result, or a failure naming the file and the reason. */
export type DocOutcome = ({ ok: true; result: ProcessResult } | { ok: false; failure: RunFailure }) & { timings?: Record<string, number> };

/** Ingest (for a file) and annotate one document, writing its outputs. Never throws: failures are data. */
export async function runDocTask(task: DocTask): Promise<DocOutcome> {
  const timings: Record<string, number> | undefined = task.timing ? {} : undefined;
  const time = timings ? (stage: string, ms: number): void => void (timings[stage] = (timings[stage] ?? 0) + ms) : undefined;
  const path = task.kind === 'file' ? task.path : task.doc.path;
  const line = task.kind === 'file' ? undefined : task.doc.line;
  try {
    let doc: IngestedDoc;
    if (task.kind === 'file') {
      const t = performance.now();
      doc = ingestDocument(task.source, task.path, task.key, task.format);
      time?.(`ingest/${task.format}`, performance.now() - t);
    } else doc = task.doc;
    const result = await processDocument(doc, task.id, { outDir: task.outDir, fallbackDate: task.fallbackDate, html: task.html, reviewsDir: task.reviewsDir, ...(time ? { time } : {}) });
    return { ok: true, result, ...(timings ? { timings } : {}) };
  } catch (err) {
    return { ok: false, failure: failureOf(err, path, line), ...(timings ? { timings } : {}) };
  }
}
