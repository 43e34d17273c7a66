import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDocJson, docJsonPath, writeDocJson } from '../write/json.js';
import { writeFileAtomic } from '../write/atomic.js';
import { renderDocPage } from '../write/html-page.js';
import { renderIndex, summarize, type DocSummary, type FailedDoc } from '../write/html-index.js';
import { applyReviews } from './apply.js';
import { isDocumentFileName, locateOutputs } from '../batch/output-files.js';
import type { ReviewStore } from './store.js';
import type { ReviewApplication } from './types.js';

const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

/**
 * Apply the store's decisions to documents already annotated in `outDir` (their JSON, and their
 * page when there is one), without running extraction. Decisions already shown change nothing. An
 * event whose trigger is rejected leaves the output here; one accepted again comes back with the
 * next `sitrep annotate`, which re-applies everything to fresh output.
 */
export async function refreshOutputs(outDir: string, store: ReviewStore, docIds: readonly string[]): Promise<{ applied: ReviewApplication[]; missing: string[] }> {
  const applied: ReviewApplication[] = [];
  const missing: string[] = [];
  const names = await locateOutputs(outDir, docIds);
  for (const id of docIds) {
    const name = names.get(id);
    if (name === undefined) {
      missing.push(id);
      continue;
    }
    const doc = await readDocJson(docJsonPath(outDir, id, name));
    applied.push(applyReviews(doc, store));
    await writeDocJson(outDir, doc, name);
    const html = join(outDir, `${name}.html`);
    if (await exists(html)) await writeFileAtomic(html, renderDocPage(doc));
  }
  return { applied, missing };
}

/** Rebuild `outDir/index.html` from the documents' JSON, one at a time (only when there is an index already). */
export async function refreshIndex(outDir: string): Promise<boolean> {
  if (!(await exists(join(outDir, 'index.html')))) return false;
  const summaries: DocSummary[] = [];
  for (const name of (await readdir(outDir)).filter(isDocumentFileName).sort()) {
    try {
      summaries.push(summarize(await readDocJson(join(outDir, name)), name.slice(0, -'.json'.length)));
    } catch {
      /* not a document (another tool's JSON): not listed */
    }
  }
  let failed: FailedDoc[] = [];
  try {
    const run = JSON.parse(await readFile(join(outDir, 'run.json'), 'utf8')) as { failed?: { path: string; line?: number; reason: string }[] };
    failed = (run.failed ?? []).map((f) => ({ path: f.line ? `${f.path}:${f.line}` : f.path, reason: f.reason }));
  } catch {
    /* no run report */
  }
  await writeFileAtomic(join(outDir, 'index.html'), renderIndex(summaries, failed));
  return true;
}
