import { join } from 'node:path';
import { annotateIngested } from '../pipeline.js';
import { writeDocJson } from '../write/json.js';
import { writeFileAtomic } from '../write/atomic.js';
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
  /** Folder of review decisions re-applied to the document (src/review). Default: `$SITREP_REVIEWS`, else `reviews`. */
  reviewsDir?: string | null;
}

export interface ProcessResult {
  id: string;
  json: string;
  html?: string;
  mentions: number;
  events: number;
  words: number;
  summary: DocSummary;
}

/**
 * Annotate one ingested document and write its outputs (JSON, then the HTML page rendered from
 * it), each atomically. The one place where a document becomes files: the local batch, worker
 * threads and queue workers all call this.
 */
export async function processDocument(doc: IngestedDoc, id: string, o: ProcessOptions): Promise<ProcessResult> {
  const annotated = annotateIngested(doc, { id, fallbackDate: o.fallbackDate ?? null });
  // Reviewers' decisions (src/review) are re-applied on every run, after annotation and before writing.
  applyReviews(annotated, await reviewStoreFor(o.reviewsDir));
  const json = await writeDocJson(o.outDir, annotated);
  let html: string | undefined;
  if (o.html !== false) {
    html = join(o.outDir, `${id}.html`);
    await writeFileAtomic(html, renderDocPage(annotated));
  }
  return {
    id,
    json,
    ...(html ? { html } : {}),
    mentions: annotated.mentions.length,
    events: annotated.events.length,
    words: annotated.text.split(/\s+/).filter(Boolean).length,
    summary: summarize(annotated),
  };
}
