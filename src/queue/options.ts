import { SitrepOptionError } from '../errors.js';

/** Where the queue lives: a Redis server and a queue name on it. Validated once, at the door. */
export interface QueueTarget {
  /** `redis://[user:password@]HOST:PORT[/DB]` (or `rediss://` for TLS). */
  readonly url: string;
  /** BullMQ queue name: one queue per output folder. Default `sitrep`. */
  readonly name?: string;
}

export interface ResolvedTarget {
  url: string;
  name: string;
  /** The URL with any password replaced by `***`, for messages and logs. */
  display: string;
}

/** What a producer (`sitrep annotate --queue`) asks of every job it adds. */
export interface EnqueueOptions extends QueueTarget {
  /** Files and folders to annotate (folders are walked). Default: `corpus`. */
  readonly inputs?: readonly string[];
  /** JSONL files of documents, one per line. */
  readonly jsonl?: readonly string[];
  /**
   * The output folder as this machine sees it: never read as input; its manifest says which
   * documents are up to date (skipped, as in a local run) and records those the workers did. Default `output`.
   */
  readonly outDir?: string;
  /** Annotate every document again, even those up to date or done before. Default false. */
  readonly force?: boolean;
  /** Date (YYYY-MM-DD) for documents whose source gives none. */
  readonly date?: string | null;
  /** Workers write the HTML page as well as the JSON. Default true. */
  readonly html?: boolean;
  /**
   * Reviewers' decisions folder (src/review) as this machine sees it: the hash of each document's
   * decisions goes in its job, and workers refuse to apply other ones. Default: `$SITREP_REVIEWS`, else `reviews`.
   */
  readonly reviewsDir?: string | null;
  /** Tries per document before it lands in the failed set. Default 3. */
  readonly attempts?: number;
  /** First retry delay in ms; each further retry waits twice as long. Default 1000. */
  readonly backoff?: number;
  /**
   * Put the source path and its sha256 in the job instead of the text (for inputs on a folder every
   * worker mounts at the same path). A worker refuses a file whose content changed since. Default false.
   */
  readonly byPath?: boolean;
  /** Where progress and failures are reported, a line at a time. Default: none. */
  readonly log?: (line: string) => void;
}

export interface ResolvedEnqueueOptions {
  target: ResolvedTarget;
  inputs: string[];
  jsonl: string[];
  outDir: string;
  force: boolean;
  date: string | null;
  html: boolean;
  reviewsDir: string | null;
  attempts: number;
  backoff: number;
  byPath: boolean;
  log: (line: string) => void;
}

/** What a worker process (`sitrep worker`) is given. */
export interface WorkerOptions extends QueueTarget {
  /** Output folder (a folder shared by all workers, or this machine's mount of it). Default `output`. */
  readonly outDir?: string;
  /** Reviewers' decisions folder, as for a local run (the producer's, shared). Default: `$SITREP_REVIEWS`, else `reviews`. */
  readonly reviewsDir?: string | null;
  /** Documents annotated at once by this process (one worker thread each). Default 1. */
  readonly concurrency?: number;
  /** How long (ms) a job stays locked to this worker without a renewal; after it, another worker takes the job over. Default 30000. */
  readonly lockDuration?: number;
  /** How often (ms) this worker looks for jobs whose worker died. Default: `lockDuration`. */
  readonly stalledInterval?: number;
  readonly log?: (line: string) => void;
}

export interface ResolvedWorkerOptions {
  target: ResolvedTarget;
  outDir: string;
  reviewsDir: string | null;
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  log: (line: string) => void;
}

/** `redis://user:secret@host` → `redis://user:***@host`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

export function resolveTarget(t: QueueTarget): ResolvedTarget {
  const url = t.url;
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '') {
    throw new SitrepOptionError(`Expected \`queue\` to be a redis://HOST:PORT URL, got \`${typeof url === 'string' ? redactUrl(url) : String(url)}\``);
  }
  if (parsed.port !== '' && !(Number(parsed.port) >= 1 && Number(parsed.port) <= 65535)) {
    throw new SitrepOptionError(`Expected the port of \`queue\` to be from 1 to 65535, got \`${parsed.port}\``);
  }
  if (parsed.pathname !== '' && parsed.pathname !== '/' && !/^\/\d{1,2}$/.test(parsed.pathname)) {
    throw new SitrepOptionError(`Expected the path of \`queue\` to be a Redis database number such as /0, got \`${parsed.pathname}\``);
  }
  const name = t.name ?? 'sitrep';
  if (typeof name !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
    throw new SitrepOptionError(`Expected \`queue-name\` to be 1-100 letters, digits, '.', '_' or '-', got \`${String(name)}\``);
  }
  return { url, name, display: redactUrl(url) };
}

function integer(name: string, value: number | undefined, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw new SitrepOptionError(`Expected \`${name}\` to be an integer from ${min} and up, got \`${value}\``);
  return v;
}

export function resolveEnqueueOptions(o: EnqueueOptions): ResolvedEnqueueOptions {
  const target = resolveTarget(o);
  if (o.date !== undefined && o.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new SitrepOptionError(`Expected \`date\` as YYYY-MM-DD, got \`${o.date}\``);
  if (o.outDir !== undefined && (typeof o.outDir !== 'string' || o.outDir.trim() === '')) throw new SitrepOptionError(`Expected \`out\` to be a folder path, got \`${String(o.outDir)}\``);
  const jsonl = [...(o.jsonl ?? [])];
  return {
    target,
    inputs: [...(o.inputs ?? (jsonl.length ? [] : ['corpus']))],
    jsonl,
    outDir: o.outDir ?? 'output',
    force: o.force ?? false,
    date: o.date ?? null,
    html: o.html ?? true,
    reviewsDir: o.reviewsDir ?? null,
    attempts: integer('attempts', o.attempts, 3, 1),
    backoff: integer('backoff', o.backoff, 1000, 0),
    byPath: o.byPath ?? false,
    log: o.log ?? (() => {}),
  };
}

export function resolveWorkerOptions(o: WorkerOptions): ResolvedWorkerOptions {
  const target = resolveTarget(o);
  if (o.outDir !== undefined && (typeof o.outDir !== 'string' || o.outDir.trim() === '')) throw new SitrepOptionError(`Expected \`out\` to be a folder path, got \`${String(o.outDir)}\``);
  const lockDuration = integer('lock-duration', o.lockDuration, 30_000, 200);
  return {
    target,
    outDir: o.outDir ?? 'output',
    reviewsDir: o.reviewsDir ?? null,
    concurrency: integer('concurrency', o.concurrency, 1, 1),
    lockDuration,
    stalledInterval: integer('stalled-interval', o.stalledInterval, lockDuration, 100),
    log: o.log ?? (() => {}),
  };
}

/** A whole number given on the command line as `--name VALUE`, or undefined when absent. */
export function cliInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new SitrepOptionError(`Expected \`${name}\` to be a whole number, got \`${value}\``);
  return Number(value);
}
