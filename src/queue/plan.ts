import { extname, resolve } from 'node:path';
import { discoverSources, type SourceFile } from '../batch/discover.js';
import { ingestJsonl, readSource } from '../ingest/index.js';
import { docIdFor, sha256 } from '../pipeline.js';
import { loadLexicon } from '../lexicon/index.js';
import { PIPELINE_VERSION } from '../version.js';
import { SitrepInputError } from '../errors.js';
import { jobIdFor, type DocJobData } from './job-data.js';
import type { ResolvedEnqueueOptions } from './options.js';

/** A document that could not be enqueued (or annotated): the same record a local run reports. */
export interface QueueFailure {
  path: string;
  line?: number;
  ruleId: string;
  reason: string;
}

export type PlanItem = { job: { jobId: string; data: DocJobData } } | { failure: QueueFailure } | { skipped: { path: string; reason: string } };

function failureOf(err: unknown, path: string): QueueFailure {
  if (err instanceof SitrepInputError) {
    const prefix = err.place ? `${err.file}:${err.place.line}:${err.place.column}: ` : `${err.file}: `;
    return { path: err.file, ...(err.place ? { line: err.place.line } : {}), ruleId: err.ruleId, reason: err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message };
  }
  return { path, ruleId: 'pipeline:crash', reason: `${(err as Error)?.name ?? 'Error'}: ${(err as Error)?.message ?? String(err)}` };
}

/**
 * The jobs of a run, one per document, in the order a local run takes them: the inputs are found
 * and read here, with the same document ids, the same refusals (missing, unreadable, duplicate ids,
 * bad JSONL lines) and the same recorded paths as `annotateCorpus`, so that workers write what a
 * local run writes. Read one source at a time (a large corpus is never all in memory).
 */
export async function* planJobs(o: ResolvedEnqueueOptions): AsyncGenerator<PlanItem> {
  const found = await discoverSources([...o.inputs, ...o.jsonl]);
  for (const m of found.missing) yield { failure: { path: m, ruleId: 'input:missing', reason: 'no such file or folder' } };
  for (const i of found.ignored) yield { skipped: i };
  const base = { v: 1 as const, fallbackDate: o.date, html: o.html, pipelineVersion: PIPELINE_VERSION, lexiconHash: loadLexicon().hash };

  // Ids as a local run gives them: from the path without extension; two files that would share one
  // (a.txt and a.md) keep their extension in it.
  const stemCount = new Map<string, number>();
  for (const f of found.files) if (f.format !== 'jsonl') stemCount.set(docIdFor(f.key), (stemCount.get(docIdFor(f.key)) ?? 0) + 1);
  const idOf = (f: SourceFile): string => {
    const id = docIdFor(f.key);
    return (stemCount.get(id) ?? 0) > 1 ? `${id}-${extname(f.key).slice(1).toLowerCase()}` : id;
  };
  const seen = new Map<string, string>();
  const claim = (id: string, path: string, line?: number): QueueFailure | undefined => {
    const where = line ? `${path}:${line}` : path;
    const prior = seen.get(id);
    if (prior) return { path, ...(line ? { line } : {}), ruleId: 'input:duplicate-id', reason: `document id "${id}" is also the id of ${prior}; not written, so that neither overwrites the other` };
    seen.set(id, where);
    return undefined;
  };
  const job = (d: Omit<DocJobData, 'text' | 'file' | keyof typeof base>, source: string): PlanItem => {
    const data: DocJobData = { ...base, ...d, ...(o.byPath ? { file: resolve(d.path) } : { text: source }) };
    return { job: { jobId: jobIdFor(data), data } };
  };

  for (const f of found.files) {
    let source: string;
    try {
      source = await readSource(f.path);
    } catch (err) {
      yield { failure: failureOf(err, f.path) };
      continue;
    }
    if (f.format !== 'jsonl') {
      const id = idOf(f);
      const dup = claim(id, f.path);
      yield dup ? { failure: dup } : job({ id, path: f.path, key: f.key, format: f.format, sha256: sha256(source) }, source);
      continue;
    }
    for (const item of ingestJsonl(source, f.path)) {
      if ('error' in item) {
        yield { failure: failureOf(item.error, f.path) };
        continue;
      }
      const id = docIdFor(item.key);
      const dup = claim(id, f.path, item.line);
      yield dup ? { failure: dup } : job({ id, path: f.path, key: item.key, format: 'jsonl', line: item.line, sha256: sha256(item.source) }, item.source);
    }
  }
}
