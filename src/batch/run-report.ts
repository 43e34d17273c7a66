import type { RunFailure } from './failure.js';

export type { RunFailure } from './failure.js';

/** `run.json`: what one batch run did, document by document. */
export interface RunReport {
  pipelineVersion: string;
  /** The configuration half of the manifest key the outputs were made with. */
  configKey: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  outDir: string;
  workers: number;
  /** The run was stopped (a signal) before it went through every input. */
  interrupted?: boolean;
  /** Documents annotated by this run. */
  processed: { id: string; path: string; line?: number; json: string; html?: string; mentions: number; events: number; words: number }[];
  /** Files not read (not a known format), and documents already up to date ("unchanged"). */
  skipped: { path: string; line?: number; id?: string; reason: string }[];
  failed: RunFailure[];
  totals: {
    processed: number;
    /** Everything skipped: unchanged documents and files that are not documents. */
    skipped: number;
    /** Of the skipped: documents whose outputs were up to date. */
    unchanged: number;
    failed: number;
    /** Words of the documents annotated. */
    words: number;
  };
  /** Time per stage summed over the documents annotated (ms), when asked for (`timing`). */
  timings?: Record<string, number>;
}

/** Why an up-to-date document was not annotated again. */
export const UNCHANGED = 'unchanged since the last run (same content, pipeline version and configuration)';
