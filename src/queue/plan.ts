import { resolve } from 'node:path';
import { discoverSources, fileIds, frontMatterId } from '../batch/discover.js';
import { failureOf, type RunFailure } from '../batch/failure.js';
import { configKey } from '../batch/config-key.js';
import { ingestJsonl } from '../ingest/jsonl.js';
import { readSource } from '../ingest/read-source.js';
import { fileNameOf, sha256 } from '../doc-id.js';
import { renameReviews, reviewStoreFor, reviewsHash } from '../review/store.js';
import { jobIdFor, type DocJobData } from './job-data.js';
import type { ResolvedEnqueueOptions } from './options.js';

/** A document that could not be enqueued (or annotated): the same record a local run reports. */
export type QueueFailure = RunFailure;

/** What a planned job needs besides its data: the source file's size and time, for the manifest. */
export interface PlannedJob {
  jobId: string;
  data: DocJobData;
  stat?: { size: number; mtimeMs: number };
}

/** A document whose outputs are up to date (the manifest of the output folder says so): no job. */
export interface Unchanged {
  id: string;
  path: string;
  line?: number;
}

export type PlanItem = { job: PlannedJob } | { failure: QueueFailure } | { skipped: { path: string; reason: string } } | { unchanged: Unchanged };

/** The incremental check of a local run (`Manifest.isUnchangedFile` / `isUpToDate`); absent with `force`. */
export interface UpToDate {
  unchangedFile(id: string, path: string, stat: { size: number; mtimeMs: number }, reviewsHash: string): boolean;
  upToDate(id: string, path: string, contentHash: string, reviewsHash: string, stat?: { size: number; mtimeMs: number }): boolean;
  /** The file name of an id's outputs (`Manifest.nameFor`); without it, `fileNameOf(id)`. */
  nameFor?(id: string): string;
  /** The id this source's document had before, when another (`Manifest.formerIdOf`): its reviews are stored again under the new id. */
  formerIdOf?(path: string, line: number | undefined, id: string): string | undefined;
}

/**
 * The jobs of a run, one per document, in the order a local run takes them: the inputs are found
 * and read here, with the same document ids, the same refusals (missing, unreadable, duplicate ids,
 * bad JSONL lines), the same recorded paths and the same skipping of up-to-date documents as
 * `annotateCorpus`, so that workers write what a local run writes. One source is read at a time
 * (a large corpus is never all in memory).
 */
export async function* planJobs(o: ResolvedEnqueueOptions, current?: UpToDate): AsyncGenerator<PlanItem> {
  let reviews = await reviewStoreFor(o.reviewsDir);
  // As a local run does (annotate-corpus takeOver): reviews about a document's former id are stored
  // again under its id before its job is made, so the job's reviews hash and the worker's agree.
  const takeOver = async (id: string, path: string, line?: number): Promise<void> => {
    const former = current?.formerIdOf?.(path, line, id);
    if (former === undefined || !reviews.byDoc.has(former)) return;
    await renameReviews(reviews.dir, former, id);
    reviews = await reviewStoreFor(o.reviewsDir);
  };
  const found = await discoverSources([...o.inputs, ...o.jsonl], [o.outDir]);
  for (const m of found.missing) yield { failure: { path: m, ruleId: 'input:missing', reason: 'no such file or folder' } };
  for (const i of found.ignored) yield { skipped: i };
  const base = { v: 1 as const, fallbackDate: o.date, html: o.html, configKey: configKey({ fallbackDate: o.date, html: o.html }) };

  // Ids as a local run gives them (fileIds): a Markdown file's front-matter id, else the path
  // without its extension; two files that would share one (a.txt and a.md) keep their extension.
  const frontIds = new Map<string, string>();
  for (const f of found.files) {
    if (f.format !== 'md') continue;
    const own = await frontMatterId(f.path).catch(() => undefined);
    if (own !== undefined) frontIds.set(f.path, own);
  }
  const idOf = fileIds(found.files, (f) => frontIds.get(f.path));
  const claimed = new Map<string, string>();
  const claim = (id: string, path: string, line?: number): QueueFailure | undefined => {
    const where = line ? `${path}:${line}` : path;
    const prior = claimed.get(id);
    if (prior) return { path, ...(line ? { line } : {}), ruleId: 'input:duplicate-id', reason: `document id "${id}" is also the id of ${prior}; not written, so that neither overwrites the other` };
    claimed.set(id, where);
    return undefined;
  };
  const job = (d: Omit<DocJobData, 'text' | 'file' | 'reviewsHash' | 'name' | keyof typeof base>, source: string, stat?: PlannedJob['stat']): PlanItem => {
    const name = current?.nameFor?.(d.id) ?? fileNameOf(d.id);
    const data: DocJobData = { ...base, ...d, ...(name !== fileNameOf(d.id) ? { name } : {}), reviewsHash: reviewsHash(reviews, d.id), ...(o.byPath ? { file: resolve(d.path) } : { text: source }) };
    return { job: { jobId: jobIdFor(data), data, ...(stat ? { stat } : {}) } };
  };

  for (const f of found.files) {
    const stat = { size: f.size, mtimeMs: f.mtimeMs };
    const id = f.format === 'jsonl' ? '' : idOf(f);
    if (f.format !== 'jsonl') {
      const dup = claim(id, f.path);
      if (dup) {
        yield { failure: dup };
        continue;
      }
      await takeOver(id, f.path);
      // The fast check: same size and time as when its outputs were made, so not even read.
      if (current?.unchangedFile(id, f.path, stat, reviewsHash(reviews, id))) {
        yield { unchanged: { id, path: f.path } };
        continue;
      }
    }
    let source: string;
    try {
      source = await readSource(f.path);
    } catch (err) {
      yield { failure: failureOf(err, f.path) };
      continue;
    }
    if (f.format !== 'jsonl') {
      const hash = sha256(source);
      if (current?.upToDate(id, f.path, hash, reviewsHash(reviews, id), stat)) yield { unchanged: { id, path: f.path } };
      else yield job({ id, path: f.path, key: f.key, format: f.format, sha256: hash }, source, stat);
      continue;
    }
    for (const item of ingestJsonl(source, f.path)) {
      if ('error' in item) {
        yield { failure: failureOf(item.error, f.path, item.line) };
        continue;
      }
      const lineId = item.key;
      const dup = claim(lineId, f.path, item.line);
      const hash = sha256(item.source);
      if (!dup) await takeOver(lineId, f.path, item.line);
      if (dup) yield { failure: dup };
      else if (current?.upToDate(lineId, f.path, hash, reviewsHash(reviews, lineId))) yield { unchanged: { id: lineId, path: f.path, line: item.line } };
      else yield job({ id: lineId, path: f.path, key: item.key, format: 'jsonl', line: item.line, sha256: hash }, item.source);
    }
  }
}
