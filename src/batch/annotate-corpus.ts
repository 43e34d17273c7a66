import PQueue from 'p-queue';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { discoverSources, fileIds, frontMatterId, type SourceFile } from './discover.js';
import { resolveOptions, type AnnotateCorpusOptions, type ResolvedOptions } from './options.js';
import { ingestJsonl } from '../ingest/jsonl.js';
import { readSource } from '../ingest/read-source.js';
import { sha256 } from '../doc-id.js';
import { writeFileAtomic } from '../write/atomic.js';
import { PIPELINE_VERSION } from '../version.js';
import { renameReviews, reviewStoreFor, reviewsHash } from '../review/store.js';
import { Manifest } from './manifest.js';
import { configKey } from './config-key.js';
import { createRunner, type DocRunner } from './runner.js';
import { removeStaleTemps } from './stale-temp.js';
import { failureOf, whereOf, type RunFailure } from './failure.js';
import { lineProgress } from './progress.js';
import { collectGarbage } from './main-gc.js';
import { UNCHANGED, writeRunOutputs, type RunReport } from './run-report.js';
import type { DocOutcome, DocTask, TaskSettings } from './doc-task.js';
import type { ProgressEvent, ProgressKind, Tally } from './progress-events.js';

export type { RunReport, RunFailure } from './run-report.js';
export { renderOutputs } from './render-outputs.js';

/** Documents between two collections of the main thread's garbage (see collectGarbage). */
const GC_EVERY = 200;

/** An open batch: the output folder's manifest and the worker threads, kept across passes (`--watch`). */
export interface Batch {
  readonly options: Readonly<ResolvedOptions>;
  /** One incremental pass over the inputs: annotate what is new or changed, skip the rest. */
  run(): Promise<RunReport>;
  /** Stop the worker threads and close the manifest. */
  close(): Promise<void>;
}

/** Open a batch over the inputs of `options` (validated here, at the door). */
export async function openBatch(options: AnnotateCorpusOptions = {}): Promise<Batch> {
  const o = resolveOptions(options);
  await mkdir(o.outDir, { recursive: true });
  await removeStaleTemps(o.outDir);
  const key = configKey({ fallbackDate: o.date, html: o.html, ...(o.encoding ? { encoding: o.encoding } : {}) });
  const manifest = Manifest.open(o.outDir, key);
  let runner: DocRunner;
  try {
    runner = createRunner({ workers: o.workers, memoryMb: o.workerMemoryMb, timeoutMs: o.docTimeoutMs });
  } catch (err) {
    manifest.close();
    throw err;
  }
  const lines = lineProgress(o.log);
  const settings: TaskSettings = { outDir: o.outDir, fallbackDate: o.date, html: o.html, reviewsDir: o.reviewsDir, timing: o.timing, ...(o.encoding ? { encoding: o.encoding } : {}) };
  return {
    options: o,
    run: () => runPass(o, manifest, runner, settings, (e) => (lines.onProgress(e), o.onProgress(e))),
    async close() {
      await runner.close();
      manifest.close();
    },
  };
}

/**
 * Annotate a corpus: every document new or changed since the last run into the output folder is
 * read, ingested, annotated and written (JSON, then HTML) by worker threads fed through a bounded
 * queue; documents whose outputs are up to date are skipped. A bad document is reported with its
 * file and reason and the others go on. Writes `index.html` and `run.json` at the end.
 */
export async function annotateCorpus(options: AnnotateCorpusOptions = {}): Promise<RunReport> {
  const batch = await openBatch(options);
  try {
    return await batch.run();
  } finally {
    await batch.close();
  }
}

async function runPass(o: ResolvedOptions, manifest: Manifest, runner: DocRunner, settings: TaskSettings, emit: (e: ProgressEvent) => void): Promise<RunReport> {
  const runId = Manifest.newRunId();
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const report: RunReport = {
    pipelineVersion: PIPELINE_VERSION,
    configKey: manifest.configKey,
    startedAt,
    finishedAt: '',
    durationMs: 0,
    outDir: o.outDir,
    workers: o.workers,
    threads: 0,
    processed: [],
    skipped: [],
    failed: [],
    totals: { processed: 0, skipped: 0, unchanged: 0, failed: 0, words: 0 },
  };
  const tally: Tally = { files: 0, bytesTotal: 0, bytesDone: 0, bytesAnnotated: 0, processed: 0, skipped: 0, failed: 0, words: 0, elapsedMs: 0 };
  const timings: Record<string, number> | undefined = o.timing ? {} : undefined;
  const time = (stage: string, ms: number): void => {
    if (timings) timings[stage] = (timings[stage] ?? 0) + ms;
  };
  const event = (kind: ProgressKind, extra: Partial<ProgressEvent> = {}): void => {
    tally.elapsedMs = performance.now() - t0;
    emit({ kind, tally, ...extra });
  };

  // Reviews are part of a document's key: a new decision about it makes it stale.
  let reviews = await reviewStoreFor(o.reviewsDir);
  let t = performance.now();
  const found = await discoverSources([...o.inputs, ...o.jsonl], [o.outDir]);
  time('batch/discover', performance.now() - t);
  tally.files = found.files.length;
  for (const f of found.files) tally.bytesTotal += f.size;
  event('start');

  const fail = (f: RunFailure, bytes = 0): void => {
    report.failed.push(f);
    tally.failed++;
    tally.bytesDone += bytes;
    event('failed', { where: whereOf(f), reason: f.reason });
  };
  for (const m of found.missing) fail({ path: m, ruleId: 'input:missing', reason: 'no such file or folder' });
  for (const i of found.ignored) report.skipped.push(i);

  const skipUnchanged = (id: string, path: string, line: number | undefined, bytes: number): void => {
    report.skipped.push({ path, ...(line ? { line } : {}), id, reason: UNCHANGED });
    report.totals.unchanged++;
    tally.skipped++;
    tally.bytesDone += bytes;
    event('skipped', { where: whereOf({ path, line }) });
  };

  // One document per id: the first source to claim an id keeps it, so that neither overwrites the other.
  const claimed = new Map<string, string>();
  const claim = (id: string, path: string, line: number | undefined, bytes: number): boolean => {
    const where = whereOf({ path, line });
    const prior = claimed.get(id);
    if (prior === undefined) {
      claimed.set(id, where);
      return true;
    }
    fail({ path, ...(line ? { line } : {}), ruleId: 'input:duplicate-id', reason: `document id "${id}" is also the id of ${prior}; not written, so that neither overwrites the other` }, bytes);
    return false;
  };

  // A document whose id changed since its outputs were written (an earlier version folded ids; a
  // file's own id can change): the reviews about its old id are stored again about the new one
  // before it is annotated (so they are applied now), and its old outputs go once the new ones
  // are written (Manifest.record).
  const renamedReviews = new Map<string, { from: string; to: string }[]>();
  const takeOver = async (id: string, path: string, line: number | undefined): Promise<void> => {
    const former = manifest.formerIdOf(path, line, id);
    if (former === undefined || !reviews.byDoc.has(former)) return;
    const moved = await renameReviews(reviews.dir, former, id);
    if (moved.length) renamedReviews.set(`${id}\u0000${path}\u0000${line ?? ''}`, moved);
    reviews = await reviewStoreFor(o.reviewsDir);
  };

  let settled = 0;
  const settle = (outcome: DocOutcome, d: { id: string; path: string; line?: number; reviewsHash: string; bytes: number; stat?: { size: number; mtimeMs: number }; frontId?: string | null }): void => {
    if (outcome.timings) for (const [k, v] of Object.entries(outcome.timings)) time(k, v);
    if (++settled % GC_EVERY === 0) collectGarbage();
    if (!outcome.ok) {
      fail(outcome.failure, d.bytes);
      return;
    }
    if (outcome.unchanged) {
      // Touched but not changed: remember its new stat so the next run need not read it.
      manifest.markSeen(d.id, runId, d.stat);
      skipUnchanged(d.id, d.path, d.line, d.bytes);
      return;
    }
    const r = outcome.result;
    const t1 = performance.now();
    const renames = manifest.record({ id: d.id, path: d.path, ...(d.line ? { line: d.line } : {}), contentHash: outcome.contentHash, reviewsHash: d.reviewsHash, json: r.json, ...(r.html ? { html: r.html } : {}), words: r.words, mentions: r.mentions, events: r.events, summary: r.summary, ...(d.stat ? { source: d.stat } : {}), ...(d.frontId !== undefined ? { frontId: d.frontId } : {}) }, runId);
    for (const rn of renames) {
      const moved = renamedReviews.get(`${d.id}\u0000${d.path}\u0000${d.line ?? ''}`);
      (report.renamed ??= []).push({ ...rn, ...(moved ? { reviews: moved } : {}) });
    }
    time('batch/manifest', performance.now() - t1);
    report.processed.push({ id: d.id, path: d.path, ...(d.line ? { line: d.line } : {}), json: r.json, ...(r.html ? { html: r.html } : {}), mentions: r.mentions, events: r.events, words: r.words });
    tally.processed++;
    tally.words += r.words;
    tally.bytesDone += d.bytes;
    tally.bytesAnnotated += d.bytes;
    event('annotated', { where: `${whereOf(d)} → ${r.json}` });
  };

  // In flight: two documents per thread (one annotated while the other's files are written), and a
  // short queue of waiting jobs. A file job holds only its path (the worker reads the file), so
  // the main thread never holds document text and memory stays flat.
  const inFlight = Math.max(1, o.workers) * 2;
  const queue = new PQueue({ concurrency: inFlight });
  const enqueue = async (where: { path: string; line?: number }, job: () => Promise<void>): Promise<void> => {
    void queue.add(async () => {
      if (o.signal?.aborted) return; // stopping: waiting jobs are dropped, running ones finish
      try {
        await job();
      } catch (err) {
        fail(failureOf(err, where.path, where.line));
      }
    });
    if (queue.size >= inFlight) await queue.onSizeLessThan(Math.max(1, inFlight / 2));
  };

  // No more threads start than there are documents that may need them: a day's run over a large
  // corpus often brings a few new articles. Before the first task, the files are looked at in order
  // until `workers` of them may need annotating (any JSONL file may); what the manifest said of each
  // is kept (a byte per file), so that the loop below does not ask again.
  // A Markdown file's own id is in its front matter: only the head of a file that changed is read
  // for it (the manifest remembers it for an untouched one).
  const frontIds = new Map<string, string | null>();
  for (const f of found.files) {
    if (f.format !== 'md') continue;
    const known = manifest.frontIdOf(f.path, { size: f.size, mtimeMs: f.mtimeMs });
    frontIds.set(f.path, known !== undefined ? known : ((await frontMatterId(f.path).catch(() => undefined)) ?? null));
  }
  const idOf = fileIds(found.files, (f) => frontIds.get(f.path) ?? undefined);
  /** A file whose size and time the manifest has, with the same reviews: not read again. */
  const unchangedFile = (f: SourceFile, id: string, rh: string): boolean => !o.force && manifest.isUnchangedFile(id, f.path, { size: f.size, mtimeMs: f.mtimeMs }, rh);
  const UNKNOWN = 0;
  const UNCHANGED_FILE = 1;
  const MAY_CHANGE = 2;
  const known = new Uint8Array(found.files.length);
  let toDo = 0;
  for (let i = 0; i < found.files.length && toDo < o.workers; i++) {
    const f = found.files[i];
    if (f.format === 'jsonl') {
      toDo = Infinity;
      continue;
    }
    const id = idOf(f);
    const unchanged = unchangedFile(f, id, reviewsHash(reviews, id));
    known[i] = unchanged ? UNCHANGED_FILE : MAY_CHANGE;
    if (!unchanged) toDo++;
  }
  runner.expect(toDo);

  const stopped = (): boolean => o.signal?.aborted === true;
  for (const [i, f] of found.files.entries()) {
    if (stopped()) break;
    if (f.format === 'jsonl') {
      let source: string;
      try {
        source = await readSource(f.path);
      } catch (err) {
        fail(failureOf(err, f.path), f.size);
        continue;
      }
      for (const item of ingestJsonl(source, f.path)) {
        if (stopped()) break;
        if ('error' in item) {
          fail(failureOf(item.error, f.path, item.line));
          continue;
        }
        const bytes = Buffer.byteLength(item.source) + 1;
        const id = item.key;
        if (!claim(id, item.path, item.line, bytes)) continue;
        await takeOver(id, item.path, item.line);
        const contentHash = sha256(item.source);
        const rh = reviewsHash(reviews, id);
        if (!o.force && manifest.isUpToDate(id, item.path, contentHash, rh)) {
          manifest.markSeen(id, runId);
          skipUnchanged(id, item.path, item.line, bytes);
          continue;
        }
        const task: DocTask = { kind: 'ingested', id, name: manifest.nameFor(id), doc: item, ...settings };
        await enqueue(item, async () => settle(await runner.run(task), { id, path: item.path, line: item.line, reviewsHash: rh, bytes }));
      }
      continue;
    }
    const id = idOf(f);
    if (!claim(id, f.path, undefined, f.size)) continue;
    await takeOver(id, f.path, undefined);
    const stat = { size: f.size, mtimeMs: f.mtimeMs };
    const rh = reviewsHash(reviews, id);
    if (known[i] === UNKNOWN ? unchangedFile(f, id, rh) : known[i] === UNCHANGED_FILE) {
      manifest.markSeen(id, runId);
      skipUnchanged(id, f.path, undefined, f.size);
      continue;
    }
    const upToDateHash = o.force ? undefined : manifest.upToDateHash(id, f.path, rh);
    const frontId = f.format === 'md' ? (frontIds.get(f.path) ?? null) : undefined;
    const task: DocTask = { kind: 'file', id, name: manifest.nameFor(id), path: f.path, key: f.key, format: f.format, ...(upToDateHash ? { upToDateHash } : {}), ...settings };
    await enqueue(f, async () => settle(await runner.run(task), { id, path: f.path, reviewsHash: rh, bytes: f.size, stat, ...(frontId !== undefined ? { frontId } : {}) }));
  }
  await queue.onIdle();
  report.threads = runner.threads;
  // The threads go before the index is built (they start again on the next pass's first task): the
  // index page grows with the corpus, and built beside idle threads it would raise the run's peak
  // memory with the corpus; built after them it stays below the peak of the annotation itself.
  await runner.close();

  t = performance.now();
  report.totals.words = tally.words;
  if (stopped()) report.interrupted = true;
  await writeRunOutputs(o.outDir, report, manifest.summaries(runId));
  time('batch/index', performance.now() - t);
  report.durationMs = Math.round(performance.now() - t0);
  if (timings) report.timings = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10]));
  await writeFileAtomic(join(o.outDir, 'run.json'), `${JSON.stringify(report, null, 1)}\n`);
  tally.bytesDone = tally.bytesTotal;
  event('end');
  return report;
}
