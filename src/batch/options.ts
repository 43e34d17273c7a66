import { SitrepOptionError } from '../errors.js';

/** Options of a batch run. Validated once, at the door. */
export interface AnnotateCorpusOptions {
  /** Files and folders to annotate (folders are walked). Default: `corpus`. */
  readonly inputs?: readonly string[];
  /** JSONL files of documents, one per line. */
  readonly jsonl?: readonly string[];
  /** Output folder. Default: `output`. */
  readonly outDir?: string;
  /** Documents in flight at once. Default: 4. */
  readonly concurrency?: number;
  /** Date (YYYY-MM-DD) for documents whose source gives none. */
  readonly date?: string | null;
  /** Write the HTML pages as well as the JSON. Default: true. */
  readonly html?: boolean;
  /** Where progress and failures are reported, a line at a time. Default: none. */
  readonly log?: (line: string) => void;
}

export interface ResolvedOptions {
  inputs: string[];
  jsonl: string[];
  outDir: string;
  concurrency: number;
  date: string | null;
  html: boolean;
  log: (line: string) => void;
}

export function resolveOptions(o: AnnotateCorpusOptions = {}): ResolvedOptions {
  const concurrency = o.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new SitrepOptionError(`Expected \`concurrency\` to be an integer from 1 and up, got \`${concurrency}\``);
  if (o.date !== undefined && o.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new SitrepOptionError(`Expected \`date\` as YYYY-MM-DD, got \`${o.date}\``);
  if (o.outDir !== undefined && (typeof o.outDir !== 'string' || o.outDir.trim() === '')) throw new SitrepOptionError(`Expected \`outDir\` to be a folder path, got \`${String(o.outDir)}\``);
  const jsonl = [...(o.jsonl ?? [])];
  const inputs = [...(o.inputs ?? (jsonl.length ? [] : ['corpus']))];
  return { inputs, jsonl, outDir: o.outDir ?? 'output', concurrency, date: o.date ?? null, html: o.html ?? true, log: o.log ?? (() => {}) };
}
