import { join } from 'node:path';
import { writeFileAtomic } from '../write/atomic.js';
import { renderIndex, type DocSummary } from '../write/html-index.js';
import { whereOf, type RunFailure } from './failure.js';

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
  /** Worker threads asked for (`--workers`). */
  workers: number;
  /** Worker threads started: no more than the documents that needed annotating (0 when none did, or with `workers: 0`). */
  threads: number;
  /** The run was stopped (a signal) before it went through every input. */
  interrupted?: boolean;
  /** Documents annotated by this run. */
  processed: { id: string; path: string; line?: number; json: string; html?: string; mentions: number; events: number; words: number }[];
  /** Files not read (not a known format), and documents already up to date ("unchanged"). */
  skipped: { path: string; line?: number; id?: string; reason: string }[];
  failed: RunFailure[];
  /**
   * Documents whose id changed since their outputs were written (an earlier version's folded id, or
   * a file whose own id changed): the old outputs removed, the reviews about the old id stored again
   * about the new one (the old review files kept in `<reviews>/.renamed/`). Absent when none.
   */
  renamed?: { from: string; to: string; path: string; line?: number; removed: string[]; reviews?: { from: string; to: string }[] }[];
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

/**
 * The end of a run: its lists sorted (stable output), its totals counted, and the corpus page
 * written from the summaries of the documents it annotated or found up to date (streamed from the
 * manifest, one at a time, into the one pass that builds the page). `run.json` is written by the
 * caller, once the times are known.
 */
export async function writeRunOutputs(outDir: string, report: RunReport, summaries: Iterable<DocSummary>): Promise<void> {
  report.processed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  report.skipped.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
  report.failed.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
  report.renamed?.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
  report.totals = { ...report.totals, processed: report.processed.length, skipped: report.skipped.length, failed: report.failed.length };
  await writeFileAtomic(join(outDir, 'index.html'), renderIndex(summaries, report.failed.map((f) => ({ path: whereOf(f), reason: f.reason }))));
  report.finishedAt = new Date().toISOString();
}
