import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDocJson } from '../write/json.js';
import { fileNameOf } from '../doc-id.js';
import { locateOutputs } from './output-files.js';
import { writeFileAtomic } from '../write/atomic.js';
import { renderDocPage } from '../write/html-page.js';
import { renderIndex, summarize, type DocSummary } from '../write/html-index.js';
import type { RunReport } from './run-report.js';

/**
 * Rebuild the HTML pages and the index from the JSON already in `outDir` (no extraction). One
 * document is read at a time; the index is built from the small summaries.
 */
export async function renderOutputs(outDir: string, ids: readonly string[]): Promise<void> {
  const names = await locateOutputs(outDir, ids);
  await renderOutputFiles(
    outDir,
    ids.map((id) => names.get(id) ?? fileNameOf(id)),
  );
}

/** `renderOutputs` by file name (without extension): what `listOutputNames` lists. */
export async function renderOutputFiles(outDir: string, names: readonly string[]): Promise<void> {
  const summaries: DocSummary[] = [];
  for (const name of names) {
    const doc = await readDocJson(join(outDir, `${name}.json`));
    await writeFileAtomic(join(outDir, `${name}.html`), renderDocPage(doc));
    summaries.push(summarize(doc, name));
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
