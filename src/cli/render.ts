import { parseArgs } from 'node:util';
import { renderOutputFiles, renderOutputs } from '../batch/render-outputs.js';
import { listOutputNames } from '../batch/output-files.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep render [--out DIR] [ids…]

Rebuild the HTML pages and index of DIR (default output/) from its JSON files, without running
extraction again (for example after a reviewer's changes).`;

export async function run(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
  const outDir = values.out ?? 'output';
  // Ids as given (a document's own id, not its file name); without any, every document of the folder.
  let count: number;
  if (positionals.length) {
    await renderOutputs(outDir, positionals);
    count = positionals.length;
  } else {
    const names = (await listOutputNames(outDir)).map((o) => o.name);
    await renderOutputFiles(outDir, names);
    count = names.length;
  }
  process.stdout.write(`sitrep: rendered ${count} pages in ${outDir}\n`);
  return { code: 0 };
}
