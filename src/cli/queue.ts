import { parseArgs } from 'node:util';
import { annotateQueued } from '../queue/annotate-queued.js';
import { cleanQueue, queueStatus, retryFailed } from '../queue/status.js';
import { cliInteger } from '../queue/options.js';
import { SitrepOptionError } from '../errors.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep queue <add|status|retry|clean> --queue redis://HOST:PORT [--queue-name NAME] …

  add [paths…] [--jsonl FILE]… [--out DIR] [--date YYYY-MM-DD] [--reviews DIR] [--no-html] [--attempts N] [--backoff MS] [--by-path] [--force] [--no-wait] [--quiet] [--json]
        the same as \`sitrep annotate --queue …\`: one job per document new or changed since the
        last run into DIR (DIR's manifest decides, as for a local run; the job id is a hash of the
        content and configuration, so adding the same documents again does no work twice), then wait
        for the workers, showing progress, record what they did in DIR's manifest and write
        DIR/index.html and DIR/run.json (--no-wait: return at once; --force: do everything again).
        A document is tried --attempts times (default 3), retries waiting --backoff ms (default 1000),
        doubling each time. --by-path puts the path and its sha256 in the job instead of the text
        (for inputs on a folder every worker mounts at the same path).
  status [--limit N] [--json]   job counts per state, connected workers, and the failed jobs with why
  retry [job-or-doc-ids…]       put failed jobs (default: all) back in the queue, attempts reset
  clean [--completed] [--failed]  forget finished jobs (default --completed): their records in Redis.
                                  (To annotate documents again, add them with --force.)`;

const TARGET = { queue: { type: 'string' }, 'queue-name': { type: 'string' } } as const;

function target(values: { queue?: string; 'queue-name'?: string }): { url: string; name?: string } {
  if (!values.queue) throw new SitrepOptionError('Expected `--queue redis://HOST:PORT`, got nothing');
  return { url: values.queue, ...(values['queue-name'] !== undefined ? { name: values['queue-name'] } : {}) };
}

/** `sitrep annotate --queue …` and `sitrep queue add …`. */
export async function runAnnotateQueued(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...TARGET,
      jsonl: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      date: { type: 'string' },
      reviews: { type: 'string' },
      'no-html': { type: 'boolean' },
      attempts: { type: 'string' },
      backoff: { type: 'string' },
      'by-path': { type: 'boolean' },
      force: { type: 'boolean', short: 'f' },
      'no-wait': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
    },
  });
  const quiet = values.quiet || values.json;
  const report = await annotateQueued({
    ...target(values),
    inputs: positionals.length ? positionals : values.jsonl?.length ? [] : ['corpus'],
    jsonl: values.jsonl ?? [],
    outDir: values.out ?? 'output',
    date: values.date ?? null,
    reviewsDir: values.reviews ?? null,
    html: !values['no-html'],
    attempts: cliInteger('attempts', values.attempts),
    backoff: cliInteger('backoff', values.backoff),
    byPath: values['by-path'] ?? false,
    force: values.force ?? false,
    wait: !values['no-wait'],
    log: (line) => {
      if (!quiet || line.startsWith('sitrep: failed')) process.stderr.write(`${line}\n`);
    },
  });
  const t = report.totals;
  if (values.json) process.stdout.write(`${JSON.stringify(t)}\n`);
  else if (!values.quiet) {
    process.stdout.write(
      values['no-wait']
        ? `sitrep: ${t.pending} documents on queue ${report.queue.name} (${t.enqueued} enqueued, ${t.alreadyDone} already done), ${t.unchanged} unchanged, ${t.failed} failed; see: sitrep queue status --queue ${report.queue.url}${report.queue.name !== 'sitrep' ? ` --queue-name ${report.queue.name}` : ''}\n`
        : `sitrep: ${t.processed} annotated, ${t.unchanged} unchanged, ${t.failed} failed → ${report.outDir}/index.html\n`,
    );
  }
  return { code: t.failed > 0 ? 1 : 0 };
}

async function status(argv: string[]): Promise<CommandResult> {
  const { values } = parseArgs({ args: argv, options: { ...TARGET, limit: { type: 'string' }, json: { type: 'boolean' } } });
  const s = await queueStatus(target(values), cliInteger('limit', values.limit) ?? 50);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(s, null, 1)}\n`);
    return { code: 0 };
  }
  const c = s.counts;
  const lines = [
    `queue ${s.queue.name} at ${s.queue.url}${s.workers === null ? '' : `: ${s.workers} worker${s.workers === 1 ? '' : 's'} connected`}`,
    `  waiting ${c.waiting}, active ${c.active}, waiting to retry ${c.delayed}, completed ${c.completed}, failed ${c.failed}${c.paused ? `, paused ${c.paused}` : ''}`,
  ];
  if (s.failed.length) {
    lines.push(`failed${c.failed > s.failed.length ? ` (newest ${s.failed.length} of ${c.failed})` : ''}:`);
    for (const f of s.failed) lines.push(`  ${f.path}${f.line ? `:${f.line}` : ''}: [${f.ruleId}] ${f.reason} (after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}; job ${f.job})`);
    lines.push(`retry them with: sitrep queue retry --queue ${s.queue.url}${s.queue.name !== 'sitrep' ? ` --queue-name ${s.queue.name}` : ''} [job-or-doc-ids…]`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return { code: 0 };
}

async function retry(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...TARGET } });
  const ids = await retryFailed(target(values), positionals);
  process.stdout.write(`sitrep: ${ids.length} failed job${ids.length === 1 ? '' : 's'} back in the queue${ids.length ? `: ${ids.join(', ')}` : ''}\n`);
  return { code: 0 };
}

async function clean(argv: string[]): Promise<CommandResult> {
  const { values } = parseArgs({ args: argv, options: { ...TARGET, completed: { type: 'boolean' }, failed: { type: 'boolean' } } });
  const which = values.completed || values.failed ? { completed: values.completed ?? false, failed: values.failed ?? false } : { completed: true, failed: false };
  const n = await cleanQueue(target(values), which);
  process.stdout.write(`sitrep: removed ${n.completed} completed and ${n.failed} failed jobs\n`);
  return { code: 0 };
}

const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<CommandResult>> = { add: runAnnotateQueued, status, retry, clean };

export async function run(argv: string[]): Promise<CommandResult> {
  const [sub, ...rest] = argv;
  const fn = sub ? SUBCOMMANDS[sub] : undefined;
  if (!fn) throw new SitrepOptionError(`Expected one of \`add\`, \`status\`, \`retry\`, \`clean\` after \`sitrep queue\`, got \`${sub ?? ''}\``);
  return fn(rest);
}
