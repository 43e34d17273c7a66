import { parseArgs } from 'node:util';
import { annotateCorpus } from '../batch/annotate-corpus.js';
import { defaultWorkers } from '../batch/options.js';
import { lineProgress, terminalProgress, type ProgressSink } from '../batch/progress.js';
import { watchCorpus } from '../batch/watch.js';
import { SitrepOptionError } from '../errors.js';
import type { RunReport } from '../batch/run-report.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep annotate [paths…] [--jsonl FILE]… [--out DIR] [--date YYYY-MM-DD] [--reviews DIR]
                [--workers N] [--worker-memory MB] [--doc-timeout S] [--encoding NAME] [--force] [--watch] [--no-html] [--quiet] [--json]

Annotate documents (.txt, .md, .html files and folders of them; JSONL files of documents) into
DIR/<doc-id>.json and DIR/<doc-id>.html, with DIR/index.html and DIR/run.json.
Default: corpus/ → output/. Only documents that are new or changed since the last run into DIR
are annotated (same content, pipeline version, lexicons and options = skipped).

  -o, --out DIR        output folder (default output)
      --jsonl FILE     a JSONL file of documents {"id","text","date"?,"title"?}; repeatable
      --date DATE      date for documents whose source gives none (YYYY-MM-DD)
      --reviews DIR    reviewers' decisions to apply (default $SITREP_REVIEWS, else reviews/);
                       a document with a new decision is annotated again
  -w, --workers N      worker threads (default: the number of cores, ${defaultWorkers()} here; 0 = no threads)
      --worker-memory MB  heap limit of each worker thread (default 1024); keeps memory flat
      --doc-timeout S  a document still annotating after S seconds fails alone; the threads are
                       stopped and the others redone (default 300; 0 = no limit; threads only)
      --encoding NAME  read files that are not UTF-8 in NAME (windows-1252, iso-8859-1, windows-1256,
                       utf-16le…); a byte-order mark (UTF-8, UTF-16) always wins; JSONL stays UTF-8
  -f, --force          annotate every document again, even those up to date
      --watch          keep running: annotate new or changed files as they arrive (Ctrl-C stops)
      --no-html        write the JSON only
  -q, --quiet          print nothing but failures
      --json           print a JSON summary line on stdout (one per pass with --watch)
      --queue URL      enqueue on Redis (redis://HOST:PORT) for \`sitrep worker\`s instead: see sitrep queue --help

Progress goes to stderr: a status line on a terminal, one line per document otherwise.
Failures go to stderr, naming the file (and line) and the reason. Exit code 1 when any document
failed, 2 on a usage error, 130 when interrupted.`;

function intOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new SitrepOptionError(`Expected --${name} to be a whole number, got \`${raw}\``);
  return Number(raw);
}

function summaryLine(r: RunReport): string {
  const t = r.totals;
  const seconds = r.durationMs / 1000;
  const wps = seconds > 0 ? Math.round(t.words / seconds) : 0;
  const other = t.skipped - t.unchanged;
  return `sitrep: ${t.processed} annotated, ${t.unchanged} unchanged, ${t.failed} failed${other ? `, ${other} other files skipped` : ''} → ${r.outDir}/index.html (${seconds.toFixed(1)} s${t.processed ? `, ${wps.toLocaleString('en-US')} words/s` : ''})${r.interrupted ? ' — interrupted' : ''}`;
}

function summaryJson(r: RunReport): string {
  const seconds = r.durationMs / 1000;
  return JSON.stringify({ ...r.totals, durationMs: r.durationMs, wordsPerSecond: seconds > 0 ? Math.round(r.totals.words / seconds) : 0, workers: r.workers, threads: r.threads, outDir: r.outDir, ...(r.interrupted ? { interrupted: true } : {}) });
}

export async function run(argv: string[]): Promise<CommandResult> {
  // Many machines: with `--queue redis://HOST:PORT` the documents go to a BullMQ queue for
  // `sitrep worker`s instead of being annotated here (src/queue; the same as `sitrep queue add`).
  if (argv.some((a) => a === '--queue' || a.startsWith('--queue='))) return (await import('./queue.js')).runAnnotateQueued(argv);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      jsonl: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      date: { type: 'string' },
      reviews: { type: 'string' },
      workers: { type: 'string', short: 'w' },
      'worker-memory': { type: 'string' },
      'doc-timeout': { type: 'string' },
      encoding: { type: 'string' },
      concurrency: { type: 'string' },
      force: { type: 'boolean', short: 'f' },
      watch: { type: 'boolean' },
      'no-html': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
    },
  });
  const workers = intOption('workers', values.workers) ?? intOption('concurrency', values.concurrency);
  const workerMemoryMb = intOption('worker-memory', values['worker-memory']);
  const rawTimeout = values['doc-timeout'];
  if (rawTimeout !== undefined && !/^\d+(?:\.\d+)?$/.test(rawTimeout.trim())) throw new SitrepOptionError(`Expected --doc-timeout to be a number of seconds (0 = no limit), got \`${rawTimeout}\``);
  const docTimeoutS = rawTimeout === undefined ? undefined : Number(rawTimeout);
  const quiet = !!(values.quiet || values.json);
  const stderr = process.stderr;
  const sink: ProgressSink = quiet
    ? lineProgress((l) => stderr.write(`${l}\n`), { failuresOnly: true })
    : stderr.isTTY
      ? terminalProgress(stderr)
      : lineProgress((l) => stderr.write(`${l}\n`));
  const stop = new AbortController();
  let signals = 0;
  const onSignal = (): void => {
    if (++signals > 1) process.exit(130); // a second Ctrl-C: leave now (outputs are written atomically)
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const common = {
    inputs: positionals.length ? positionals : values.jsonl?.length ? [] : ['corpus'],
    jsonl: values.jsonl ?? [],
    outDir: values.out ?? 'output',
    date: values.date ?? null,
    reviewsDir: values.reviews ?? null,
    ...(workers !== undefined ? { workers } : {}),
    ...(workerMemoryMb !== undefined ? { workerMemoryMb } : {}),
    ...(docTimeoutS !== undefined ? { docTimeoutS } : {}),
    ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    force: !!values.force,
    html: !values['no-html'],
    onProgress: (e: Parameters<ProgressSink['onProgress']>[0]) => sink.onProgress(e),
    signal: stop.signal,
  };
  const print = (r: RunReport): void => {
    sink.close();
    if (values.json) process.stdout.write(`${summaryJson(r)}\n`);
    else if (!values.quiet) process.stdout.write(`${summaryLine(r)}\n`);
  };
  try {
    if (values.watch) {
      let failed = false;
      await watchCorpus({
        ...common,
        onPass: (r) => {
          failed = r.totals.failed > 0;
          print(r);
        },
        onWatching: () => {
          if (!quiet) stderr.write(`sitrep: watching ${[...common.inputs, ...common.jsonl].join(', ')} for changes (Ctrl-C stops)\n`);
        },
        onError: (err) => stderr.write(`sitrep: pass failed: ${(err as Error)?.message ?? String(err)}\n`),
      });
      return { code: failed ? 1 : 0 };
    }
    const report = await annotateCorpus(common);
    print(report);
    if (report.interrupted) return { code: 130 };
    return { code: report.totals.failed > 0 ? 1 : 0 };
  } finally {
    sink.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
