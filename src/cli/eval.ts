import { parseArgs } from 'node:util';
import { readGold } from '../eval/gold.js';
import { evaluateGold } from '../eval/evaluate.js';
import { knownTypes } from '../eval/sections.js';
import { unseenDocs } from '../eval/unseen.js';
import { SitrepOptionError } from '../errors.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep eval --gold FILE.jsonl [--types ${knownTypes().join(',')}] [--json] [--quiet]

Score sitrep against gold documents (JSON Lines: id, text, doc_date, entities with [start, end),
coarse type and date values; see ../shared/eval/README.md). Each document is annotated with its
doc_date as the document date. Prints, per type and micro-averaged, precision, recall and F1 for
exact and relaxed (overlapping) spans, and date value accuracy and value F1, each figure beside
the baseline measured in the same run (plain compromise) in brackets. Gold GROUP ↔ group,
LOCATION ↔ country ∪ place (demonyms left out: sitrep types them nationality), DATE ↔ date,
PERSON ↔ person. When the gold has events (type \`events\`): on trigger spans (WikiEvents),
attack and arrest trigger P/R/F1 typed and untyped, and argument P/R/F1 on matched events; on
incident templates (MUC-4), incident recall and precision by type, country and date — beside a
keyword baseline (the trigger word list alone). Kinds of scoring are listed in src/eval/sections.ts.

  --gold FILE   the gold JSONL file (required)
  --types LIST  comma-separated types to score (default: all)
  --unseen      score only the documents the entity tagger was not trained on (half of each
                conflict and news set under ../shared/eval is training data; see README)
  --json        print the figures as one JSON object
  --quiet, -q   no progress line on stderr`;

export async function run(argv: string[]): Promise<CommandResult> {
  const { values } = parseArgs({
    args: argv,
    options: { gold: { type: 'string' }, types: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' }, unseen: { type: 'boolean' } },
  });
  if (!values.gold) throw new SitrepOptionError('Expected `--gold FILE.jsonl`, got nothing');
  const warnings: string[] = [];
  let docs = readGold(values.gold, warnings);
  for (const w of warnings) process.stderr.write(`sitrep eval: ${w}\n`);
  let unseen: string | undefined;
  if (values.unseen) ({ docs, note: unseen } = unseenDocs(values.gold, docs));
  if (unseen && !values.json) process.stderr.write(`sitrep eval: ${unseen}\n`);
  const progress = !values.json && !values.quiet && process.stderr.isTTY;
  const { report, text } = evaluateGold(docs, {
    types: values.types?.split(','),
    onDocument: progress ? (done, total) => process.stderr.write(`\rsitrep eval: ${done}/${total}`) : undefined,
  });
  if (progress) process.stderr.write('\n');
  if (!values.json) for (const n of report.notes) process.stderr.write(`sitrep eval: ${n}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify({ gold: values.gold, ...(unseen ? { unseen } : {}), ...report })}\n`);
  else {
    const skipped = report.typesWithoutGold.length ? ` (no gold for ${report.typesWithoutGold.join(', ')}: not scored)` : '';
    process.stdout.write(`${values.gold}: ${report.documents} documents${values.unseen ? ' unseen by the tagger' : ''}${skipped}\n\n${text()}\n`);
  }
  return { code: 0 };
}
