import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, resolve, sep } from 'node:path';
import { openBatch } from './annotate-corpus.js';
import { discoverSources } from './discover.js';
import type { AnnotateCorpusOptions } from './options.js';
import type { RunReport } from './run-report.js';

export interface WatchOptions extends AnnotateCorpusOptions {
  /** Quiet time after a change before a pass starts (ms), so a file being written is read once. Default 300. */
  readonly debounceMs?: number;
  /** A rescan every so often (ms), in case the platform misses a file event. Default 2000. */
  readonly pollMs?: number;
  /** Called after each pass (the first one included). */
  readonly onPass?: (report: RunReport) => void;
  /** Called once the first pass is done and the inputs are watched. */
  readonly onWatching?: () => void;
  /** Called when a later pass fails as a whole (say, the output folder became unwritable); the watch goes on. */
  readonly onError?: (err: unknown) => void;
}

/** A fingerprint of the inputs: every source file's path, size and modification time, and the review store's. */
async function fingerprint(inputs: readonly string[], outDir: string, reviewsDir: string): Promise<string> {
  const found = await discoverSources(inputs, [outDir]);
  const h = createHash('sha256');
  const reviews = await stat(reviewsDir).catch(() => undefined);
  h.update(`reviews\0${reviews ? `${reviews.ino}:${reviews.mtimeMs}` : 'none'}\n`);
  for (const f of found.files) h.update(`${f.path}\0${f.size}\0${f.mtimeMs}\n`);
  for (const m of found.missing) h.update(`missing\0${m}\n`);
  return h.digest('hex');
}

/**
 * `sitrep annotate --watch`: one incremental pass over the inputs, then another whenever a source
 * file is added or changed (file events, with a periodic rescan as a safety net). Each pass only
 * annotates what is new or changed; the worker threads stay up between passes. Runs until
 * `signal` aborts; the pass in progress then finishes the documents in flight and writes its report.
 */
export async function watchCorpus(options: WatchOptions): Promise<void> {
  const signal = options.signal;
  const batch = await openBatch(options);
  const o = batch.options;
  const debounceMs = options.debounceMs ?? 300;
  const pollMs = options.pollMs ?? 2000;
  const outAbs = resolve(o.outDir);
  const inputs = [...o.inputs, ...o.jsonl];
  const watchers: FSWatcher[] = [];
  let last = '';
  let timer: NodeJS.Timeout | undefined;
  let poller: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let pending = false;

  const pass = async (): Promise<void> => {
    const print = await fingerprint(inputs, o.outDir, o.reviewsDir);
    if (print === last || signal?.aborted) return;
    last = print;
    const report = await batch.run();
    options.onPass?.(report);
  };
  // Passes never overlap: a change during a pass schedules one more after it.
  const schedule = (): void => {
    if (signal?.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (pending) return;
      pending = true;
      running = running.then(async () => {
        pending = false;
        try {
          await pass();
        } catch (err) {
          options.onError?.(err);
        }
      });
    }, debounceMs);
  };
  const relevant = (file: string | null, dir: string): boolean => {
    if (!file) return true;
    const abs = resolve(dir, file);
    if (abs === outAbs || abs.startsWith(outAbs + sep)) return false;
    return !abs.split(sep).some((part) => part.startsWith('.'));
  };

  try {
    await pass();
    for (const input of [...inputs, o.reviewsDir]) {
      const info = await stat(input).catch(() => undefined);
      const dir = info?.isDirectory() ? input : dirname(input);
      const only = info?.isDirectory() ? undefined : basename(input);
      try {
        const w = watch(dir, { recursive: !!info?.isDirectory(), persistent: true }, (_event, file) => {
          const name = file?.toString() ?? null;
          if (only && name !== null && basename(name) !== only) return;
          if (relevant(name, dir)) schedule();
        });
        w.on('error', () => schedule());
        watchers.push(w);
      } catch {
        /* cannot watch (missing input): the rescan notices when it appears */
      }
    }
    poller = setInterval(schedule, pollMs);
    options.onWatching?.();
    await new Promise<void>((done) => {
      if (signal?.aborted) return done();
      signal?.addEventListener('abort', () => done(), { once: true });
    });
  } finally {
    clearTimeout(timer);
    clearInterval(poller);
    for (const w of watchers) w.close();
    await running.catch(() => {});
    await batch.close();
  }
}
