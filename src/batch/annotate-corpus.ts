import PQueue from 'p-queue';
import { extname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { discoverSources, type SourceFile } from './discover.js';
import { resolveOptions, type AnnotateCorpusOptions } from './options.js';
import { ingestDocument, ingestJsonl, readSource } from '../ingest/index.js';
import { docIdFor } from '../pipeline.js';
import { readDocJson, docJsonPath } from '../write/json.js';
import { processDocument } from './process-document.js';
import { writeFileAtomic } from '../write/atomic.js';
import { renderDocPage } from '../write/html-page.js';
import { renderIndex, summarize, type DocSummary } from '../write/html-index.js';
import { SitrepInputError } from '../errors.js';
import { PIPELINE_VERSION } from '../version.js';
import type { IngestedDoc } from '../ingest/types.js';
import { join } from 'node:path';

export interface RunFailure {
  path: string;
  line?: number;
  ruleId: string;
  reason: string;
}

export interface RunReport {
  pipelineVersion: string;
  startedAt: string;
  finishedAt: string;
  outDir: string;
  processed: { id: string; path: string; line?: number; json: string; html?: string; mentions: number; events: number }[];
  skipped: { path: string; reason: string }[];
  failed: RunFailure[];
  totals: { processed: number; skipped: number; failed: number; words: number };
}

function failureOf(err: unknown, path: string): RunFailure {
  if (err instanceof SitrepInputError) return { path: err.file, ...(err.place ? { line: err.place.line } : {}), ruleId: err.ruleId, reason: err.message.replace(`${err.file}: `, '') };
  const e = err as Error;
  return { path, ruleId: 'pipeline:crash', reason: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` };
}

/**
 * Annotate a corpus: every document is read, ingested, annotated and written (JSON, then HTML)
 * through a bounded queue. A bad document is reported with its file and reason and the others go
 * on. Writes `run.json` and `index.html` at the end.
 */
export async function annotateCorpus(options: AnnotateCorpusOptions = {}): Promise<RunReport> {
  const o = resolveOptions(options);
  const startedAt = new Date().toISOString();
  const report: RunReport = { pipelineVersion: PIPELINE_VERSION, startedAt, finishedAt: '', outDir: o.outDir, processed: [], skipped: [], failed: [], totals: { processed: 0, skipped: 0, failed: 0, words: 0 } };
  const found = await discoverSources([...o.inputs, ...o.jsonl]);
  for (const m of found.missing) report.failed.push({ path: m, ruleId: 'input:missing', reason: 'no such file or folder' });
  for (const i of found.ignored) report.skipped.push(i);

  const summaries: DocSummary[] = [];
  const seen = new Map<string, string>();
  const fail = (f: RunFailure): void => {
    report.failed.push(f);
    o.log(`sitrep: failed ${f.path}${f.line ? `:${f.line}` : ''}: ${f.reason}`);
  };

  // Ids: a file's id comes from its path without extension; two files that would share one
  // (a.txt and a.md) keep their extension in it.
  const stemCount = new Map<string, number>();
  for (const f of found.files) if (f.format !== 'jsonl') stemCount.set(docIdFor(f.key), (stemCount.get(docIdFor(f.key)) ?? 0) + 1);
  const idOf = (f: SourceFile): string => {
    const id = docIdFor(f.key);
    return (stemCount.get(id) ?? 0) > 1 ? `${id}-${extname(f.key).slice(1).toLowerCase()}` : id;
  };

  const finish = async (doc: IngestedDoc, id: string): Promise<void> => {
    const where = `${doc.path}${doc.line ? `:${doc.line}` : ''}`;
    const prior = seen.get(id);
    if (prior) {
      fail({ path: doc.path, ...(doc.line ? { line: doc.line } : {}), ruleId: 'input:duplicate-id', reason: `document id "${id}" is also the id of ${prior}; not written, so that neither overwrites the other` });
      return;
    }
    seen.set(id, where);
    const r = await processDocument(doc, id, { outDir: o.outDir, fallbackDate: o.date, html: o.html });
    summaries.push(r.summary);
    report.processed.push({ id, path: doc.path, ...(doc.line ? { line: doc.line } : {}), json: r.json, ...(r.html ? { html: r.html } : {}), mentions: r.mentions, events: r.events });
    report.totals.words += r.words;
    o.log(`sitrep: annotated ${where} → ${r.json}`);
  };

  const queue = new PQueue({ concurrency: o.concurrency });
  for (const f of found.files) {
    if (f.format === 'jsonl') {
      let source: string;
      try {
        source = await readSource(f.path);
      } catch (err) {
        fail(failureOf(err, f.path));
        continue;
      }
      for (const item of ingestJsonl(source, f.path)) {
        if ('error' in item) {
          fail(failureOf(item.error, f.path));
          continue;
        }
        void queue.add(async () => {
          try {
            await finish(item, docIdFor(item.key));
          } catch (err) {
            fail({ ...failureOf(err, f.path), line: item.line });
          }
        });
        if (queue.size > o.concurrency * 4) await queue.onSizeLessThan(o.concurrency * 2);
      }
      continue;
    }
    void queue.add(async () => {
      try {
        const source = await readSource(f.path);
        await finish(ingestDocument(source, f.path, f.key, f.format), idOf(f));
      } catch (err) {
        fail(failureOf(err, f.path));
      }
    });
    if (queue.size > o.concurrency * 4) await queue.onSizeLessThan(o.concurrency * 2);
  }
  await queue.onIdle();

  report.processed.sort((a, b) => a.id.localeCompare(b.id));
  report.failed.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
  report.totals = { processed: report.processed.length, skipped: report.skipped.length, failed: report.failed.length, words: report.totals.words };
  report.finishedAt = new Date().toISOString();
  await writeFileAtomic(join(o.outDir, 'index.html'), renderIndex(summaries, report.failed.map((f) => ({ path: f.line ? `${f.path}:${f.line}` : f.path, reason: f.reason }))));
  await writeFileAtomic(join(o.outDir, 'run.json'), `${JSON.stringify(report, null, 1)}\n`);
  return report;
}

/** Rebuild the HTML pages and the index from the JSON already in `outDir` (no extraction). */
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
