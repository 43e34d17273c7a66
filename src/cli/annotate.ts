import { parseArgs } from 'node:util';
import { annotateCorpus } from '../batch/annotate-corpus.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep annotate [paths…] [--jsonl FILE]… [--out DIR] [--date YYYY-MM-DD] [--concurrency N] [--no-html] [--quiet] [--json]

Annotate documents (.txt, .md, .html files and folders of them; JSONL files of documents) into
DIR/<doc-id>.json and DIR/<doc-id>.html, with DIR/index.html and DIR/run.json.
Default: corpus/ → output/. Exit code 1 when any document failed.`;

export async function run(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      jsonl: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      date: { type: 'string' },
      concurrency: { type: 'string' },
      'no-html': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
    },
  });
  const quiet = values.quiet || values.json;
  const report = await annotateCorpus({
    inputs: positionals.length ? positionals : values.jsonl?.length ? [] : ['corpus'],
    jsonl: values.jsonl ?? [],
    outDir: values.out ?? 'output',
    date: values.date ?? null,
    concurrency: values.concurrency !== undefined ? Number(values.concurrency) : undefined,
    html: !values['no-html'],
    log: (line) => {
      if (line.startsWith('sitrep: failed')) process.stderr.write(`${line}\n`);
      else if (!quiet) process.stderr.write(`${line}\n`);
    },
  });
  const t = report.totals;
  if (values.json) process.stdout.write(`${JSON.stringify(t)}\n`);
  else if (!values.quiet) process.stdout.write(`sitrep: ${t.processed} annotated, ${t.skipped} skipped, ${t.failed} failed → ${report.outDir}/index.html\n`);
  return { code: t.failed > 0 ? 1 : 0 };
}
