import { availableParallelism } from 'node:os';
import { SitrepOptionError } from '../errors.js';
import { resolveReviewsDir } from '../review/store.js';
import { encodingName } from '../ingest/read-source.js';
import type { ProgressEvent } from './progress-events.js';

/** Options of a batch run. Validated once, at the door. */
export interface AnnotateCorpusOptions {
  /** Files and folders to annotate (folders are walked). Default: `corpus`. */
  readonly inputs?: readonly string[];
  /** JSONL files of documents, one per line. */
  readonly jsonl?: readonly string[];
  /** Output folder. Default: `output`. */
  readonly outDir?: string;
  /**
   * Worker threads doing the annotation. Default: the number of cores. 0 annotates in the calling
   * thread (no worker threads; for embedding and debugging).
   */
  readonly workers?: number;
  /**
   * Heap limit of each worker thread, in MB (V8 old generation). It keeps the peak memory of a run
   * flat however large the corpus; a document that needs more fails alone. Default: 1024 (measured
   * by `npm run bench`: 512 keeps the peak a little lower but costs ~10% in garbage collection).
   */
  readonly workerMemoryMb?: number;
  /**
   * Longest one document may take on a worker thread, in seconds, counted from when its annotation
   * begins; a document over it fails alone (`pipeline:timeout`) and the run goes on. 0 = no limit.
   * Default: 300 (a million-word document takes under a minute). Worker threads only: with
   * `workers: 0` nothing can stop a document half-way.
   */
  readonly docTimeoutS?: number;
  /**
   * Encoding of the .txt, .md and .html files that are not UTF-8 and have no byte-order mark
   * (`windows-1252`, `iso-8859-1`, `windows-1256`…: any label of the platform's TextDecoder; a UTF-16
   * one is taken for every file without a mark). JSONL files are always UTF-8. Default: such files fail.
   */
  readonly encoding?: string;
  /** Old name of `workers`, still accepted. */
  readonly concurrency?: number;
  /** Annotate every document again, even those whose outputs are up to date. Default: false. */
  readonly force?: boolean;
  /** Date (YYYY-MM-DD) for documents whose source gives none. */
  readonly date?: string | null;
  /** Write the HTML pages as well as the JSON. Default: true. */
  readonly html?: boolean;
  /** Folder of reviewers' decisions, re-applied to every document (src/review). Default: `$SITREP_REVIEWS`, else `reviews`. */
  readonly reviewsDir?: string | null;
  /** Where each line of the plain log goes (annotated, skipped, failed). Default: none. */
  readonly log?: (line: string) => void;
  /** Structured progress, for a terminal display. Default: none. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Measure the time of each pipeline component (for the bench). Default: false. */
  readonly timing?: boolean;
  /**
   * Stops the run gracefully: no new document is started, those in flight are finished and
   * recorded, and the index and run report are written (with `interrupted: true`).
   */
  readonly signal?: AbortSignal;
}

export interface ResolvedOptions {
  inputs: string[];
  jsonl: string[];
  outDir: string;
  workers: number;
  workerMemoryMb: number;
  /** Per-document time limit on worker threads (ms; 0 = none). */
  docTimeoutMs: number;
  /** Encoding of files that are not UTF-8 (a WHATWG name), if given. */
  encoding?: string;
  force: boolean;
  date: string | null;
  html: boolean;
  /** Absolute path of the review store. */
  reviewsDir: string;
  log: (line: string) => void;
  onProgress: (event: ProgressEvent) => void;
  timing: boolean;
  signal: AbortSignal | undefined;
}

/** Default worker count: every core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function resolveOptions(o: AnnotateCorpusOptions = {}): ResolvedOptions {
  if (o.workers !== undefined && o.concurrency !== undefined && o.workers !== o.concurrency) {
    throw new SitrepOptionError(`Expected one of \`workers\` and \`concurrency\`, got both (\`${o.workers}\` and \`${o.concurrency}\`)`);
  }
  const workers = o.workers ?? o.concurrency ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new SitrepOptionError(`Expected \`workers\` to be an integer from 0 to 256, got \`${workers}\``);
  const workerMemoryMb = o.workerMemoryMb ?? 1024;
  if (!Number.isInteger(workerMemoryMb) || workerMemoryMb < 64) throw new SitrepOptionError(`Expected \`workerMemoryMb\` to be an integer from 64 (MB) up, got \`${workerMemoryMb}\``);
  const docTimeoutS = o.docTimeoutS ?? 300;
  if (typeof docTimeoutS !== 'number' || !Number.isFinite(docTimeoutS) || docTimeoutS < 0) throw new SitrepOptionError(`Expected \`docTimeoutS\` to be a number of seconds from 0 (no limit) up, got \`${String(docTimeoutS)}\``);
  if (o.date !== undefined && o.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new SitrepOptionError(`Expected \`date\` as YYYY-MM-DD, got \`${o.date}\``);
  if (o.outDir !== undefined && (typeof o.outDir !== 'string' || o.outDir.trim() === '')) throw new SitrepOptionError(`Expected \`outDir\` to be a folder path, got \`${String(o.outDir)}\``);
  const jsonl = [...(o.jsonl ?? [])];
  const inputs = [...(o.inputs ?? (jsonl.length ? [] : ['corpus']))];
  return {
    inputs,
    jsonl,
    outDir: o.outDir ?? 'output',
    workers,
    workerMemoryMb,
    docTimeoutMs: Math.round(docTimeoutS * 1000),
    ...(o.encoding !== undefined ? { encoding: encodingName(o.encoding) } : {}),
    force: o.force ?? false,
    date: o.date ?? null,
    html: o.html ?? true,
    reviewsDir: resolveReviewsDir(o.reviewsDir),
    log: o.log ?? (() => {}),
    onProgress: o.onProgress ?? (() => {}),
    timing: o.timing ?? false,
    signal: o.signal,
  };
}
