import { join } from 'node:path';
import { annotateIngested } from '../pipeline.js';
import { docJsonPath, serializeDoc } from '../write/json.js';
import { writeFileAtomicSync } from '../write/atomic.js';
import { fileNameOf } from '../doc-id.js';
import { renderDocPage } from '../write/html-page.js';
import { summarize, type DocSummary } from '../write/html-index.js';
import { applyReviews, reviewStoreFor } from '../review/index.js';
import type { IngestedDoc } from '../ingest/types.js';

export interface ProcessOptions {
  outDir: string;
  /** Date for documents whose source gives none. */
  fallbackDate?: string | null;
  /** Write the HTML page too. Default true. */
  html?: boolean;
  /**
   * Told how long each stage took (ms), for the bench: the pipeline's components, `review/apply`,
   * `write/json-serialize`, `write/html-render`, and `write/io`: writing both files and waiting for
   * them to reach the disk (the thread blocks: see writeFileAtomicSync).
   */
  time?: (stage: string, ms: number) => void;
  /** Folder of review decisions re-applied to the document (src/review). Default: `$SITREP_REVIEWS`, else `reviews`. */
  reviewsDir?: string | null;
  /** Told the name of each pipeline stage as it begins (see AnnotateOptions.onStage). */
  onStage?: (stage: string) => void;
  /** File name (without extension) of the outputs: `fileNameOf(id)` unless given (the batch's manifest decides: `Manifest.nameFor`). */
  name?: string;
  /** Called when the annotation proper is done, before reviews are applied and files written (the batch's time limit stops counting). */
  annotated?: () => void;
}

/** What became of one document: plain data, so it can cross from a worker thread or a queue worker. */
export interface ProcessResult {
  id: string;
  json: string;
  html?: string;
  mentions: number;
  events: number;
  words: number;
  summary: DocSummary;
}

/** Report the time since `t` to `time` (if timing) and return now. */
function lap(time: ProcessOptions['time'], stage: string, t: number): number {
  if (!time) return 0;
  const now = performance.now();
  time(stage, now - t);
  return now;
}

/** Words as the batch counts them (runs of non-space), without building an array. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Annotate one ingested document and write its outputs (JSON, then the HTML page rendered from
 * it), each atomically and blocking (src/write/atomic.ts says why). The one place where a document
 * becomes files: the local batch, worker threads and queue workers all call this. A reader sees the
 * old file or the new one, never half of one; a run killed between the two writes is redone by the
 * next run (the manifest records a document only after this returns).
 */
export async function processDocument(doc: IngestedDoc, id: string, o: ProcessOptions): Promise<ProcessResult> {
  const time = o.time;
  const annotated = annotateIngested(doc, { id, fallbackDate: o.fallbackDate ?? null, ...(time ? { time } : {}), ...(o.onStage ? { onStage: o.onStage } : {}) });
  o.annotated?.();
  // Reviewers' decisions (src/review) are re-applied on every run, after annotation and before writing.
  const reviews = await reviewStoreFor(o.reviewsDir);
  const tr = time ? performance.now() : 0;
  applyReviews(annotated, reviews);
  lap(time, 'review/apply', tr);
  let t = time ? performance.now() : 0;
  const jsonText = serializeDoc(annotated);
  t = lap(time, 'write/json-serialize', t);
  const name = o.name ?? fileNameOf(id);
  const json = docJsonPath(o.outDir, id, name);
  writeFileAtomicSync(json, jsonText);
  t = lap(time, 'write/io', t);
  let html: string | undefined;
  if (o.html !== false) {
    const page = renderDocPage(annotated);
    t = lap(time, 'write/html-render', t);
    html = join(o.outDir, `${name}.html`);
    writeFileAtomicSync(html, page);
    lap(time, 'write/io', t);
  }
  return {
    id,
    json,
    ...(html ? { html } : {}),
    mentions: annotated.mentions.length,
    events: annotated.events.length,
    words: countWords(annotated.text),
    summary: summarize(annotated, name),
  };
}
