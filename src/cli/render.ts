import { parseArgs } from 'node:util';
import { readdir } from 'node:fs/promises';
import { renderOutputs } from '../batch/annotate-corpus.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep render [--out DIR] [ids…]

Rebuild the HTML pages and index of DIR (default output/) from its JSON files, without running
extraction again (for example after a reviewer's changes).`;

export async function run(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
  const outDir = values.out ?? 'output';
  const ids = positionals.length
    ? positionals
    : (await readdir(outDir)).filter((f) => f.endsWith('.json') && f !== 'run.json' && !f.startsWith('.') && !f.endsWith('.review.json')).map((f) => f.slice(0, -5)).sort();
  await renderOutputs(outDir, ids);
  process.stdout.write(`sitrep: rendered ${ids.length} pages in ${outDir}\n`);
  return { code: 0 };
}
