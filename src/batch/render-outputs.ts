import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDocJson, docJsonPath } from '../write/json.js';
import { writeFileAtomic } from '../write/atomic.js';
import { renderDocPage } from '../write/html-page.js';
import { renderIndex, summarize, type DocSummary } from '../write/html-index.js';
import type { RunReport } from './run-report.js';

/**
 * Rebuild the HTML pages and the index from the JSON already in `outDir` (no extraction). One
 * document is read at a time; the index is built from the small summaries.
 */
export async function renderOutputs(outDir: string, ids: readonly string[]): Promise<void> {
  const summaries: DocSummary[] = [];
  for (const id of ids) {
    const doc = await readDocJson(docJsonPath(outDir, id));
    await writeFileAtomic(join(outDir, `${id}.html`), renderDocPage(doc));
    summaries.push(summarize(doc));
  }
  let failed: { path: string; reason: string }[] = [];
  try {
    const run = JSON.parse(await readFile(join(outDir, 'run.json'), 'utf8')) as RunReport;
    failed = run.failed.map((f) => ({ path: f.line ? `${f.path}:${f.line}` : f.path, reason: f.reason }));
  } catch {
    /* no run report: no failures to list */
  }
  await writeFileAtomic(join(outDir, 'index.html'), renderIndex(summaries, failed));
}
