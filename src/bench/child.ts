/**
 * One measured run of the bench, in a process of its own (so that its peak RSS is its own, and the
 * baseline's compromise carries no plugin). Told what to do by one JSON argument; answers with one
 * JSON line on stdout.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { countWords } from './brown.js';
import { paceOf, type Pace } from './pace.js';

export type ChildJob =
  | { mode: 'parse'; corpus: string }
  /** `rerun`: then run again over the unchanged corpus into the same folder, timed on its own. */
  | { mode: 'annotate'; corpus: string; outDir: string; workers: number; timing: boolean; rerun?: boolean };

export interface ChildResult {
  ms: number;
  words: number;
  documents: number;
  /** Peak resident set size of the process (KiB), worker threads included. */
  maxRssKb: number;
  /** CPU time of the timed part (ms, user + system, all threads of the process: workers, V8's own, libuv). */
  cpuMs: number;
  timings?: Record<string, number>;
  /** When the first document was done, and the pace once the threads were warm (src/bench/pace.ts). */
  pace?: Pace;
  totals?: { processed: number; skipped: number; unchanged: number; failed: number; words: number };
  rerun?: { ms: number; totals: { processed: number; unchanged: number; failed: number } };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.name.endsWith('.txt')) out.push(p);
  }
  return out.sort();
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

async function main(job: ChildJob): Promise<ChildResult> {
  if (job.mode === 'parse') {
    // The baseline: compromise as it comes (no plugin), one bare parse per document.
    const { default: nlp } = await import('compromise');
    const texts = filesUnder(job.corpus).map((f) => readFileSync(f, 'utf8'));
    const words = texts.reduce((n, t) => n + countWords(t), 0);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) nlp(t);
    const ms = performance.now() - t0;
    return { ms, cpuMs: cpuSince(c0), words, documents: texts.length, maxRssKb: process.resourceUsage().maxRSS };
  }
  const { annotateCorpus } = await import('../batch/annotate-corpus.js');
  const options = { inputs: [job.corpus], outDir: job.outDir, workers: job.workers, timing: job.timing, reviewsDir: join(job.outDir, '.no-reviews') };
  const doneMs: number[] = [];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await annotateCorpus({ ...options, onProgress: (e) => void (e.kind === 'annotated' && doneMs.push(performance.now() - t0)) });
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  let rerun: ChildResult['rerun'];
  if (job.rerun) {
    const t1 = performance.now();
    const again = await annotateCorpus({ ...options, timing: false });
    rerun = { ms: performance.now() - t1, totals: again.totals };
  }
  return {
    ...(rerun ? { rerun } : {}),
    ms,
    cpuMs,
    words: report.totals.words,
    documents: report.totals.processed + report.totals.unchanged,
    maxRssKb: process.resourceUsage().maxRSS,
    ...(report.timings ? { timings: report.timings } : {}),
    ...(doneMs.length ? { pace: paceOf(doneMs) } : {}),
    totals: report.totals,
  };
}

main(JSON.parse(process.argv[2]) as ChildJob).then(
  (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
  (err) => {
    process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
