import { parseArgs } from 'node:util';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { SitrepOptionError } from '../errors.js';
import { resolveInputs, PROJECT_ROOT } from '../ner/train-inputs.js';
import { trainNer, TRAINING_DEFAULTS } from '../ner/train.js';
import { reviewedGold } from '../ner/reviewed-gold.js';
import type { CommandResult } from './types.js';
import type { NerModelFile } from '../ner/model-format.js';

export const usage = `sitrep train [--gold FILE.jsonl]… [--reviewed DIR] [--out FILE] [--check] [--curve] [--epochs N] [--seed N]

Train the entity tagger (an averaged perceptron over BILOU labels) on the human-annotated data in
../shared/ (CoNLL-2003 train, half of re3d dev, WikiEvents dev and MEANTIME), plus your own:
  --gold FILE     gold documents in the eval JSONL format (id, text, entities with start, end, coarse)
  --reviewed DIR  an output folder whose documents carry reviewers' decisions (sitrep review apply):
                  every reviewed document is added, its accepted, edited and added mentions as gold
  --out FILE      where to write the weights (default src/ner/model/ner-weights.json, the shipped ones);
                  use them with SITREP_NER_MODEL=FILE sitrep annotate …
  --check         train and compare with the weights at --out instead of writing (exit 1 if they differ)
  --curve         print the dev F1 at 10%, 30% and 100% of the training documents, write nothing
  --epochs N, --seed N   (defaults ${TRAINING_DEFAULTS.epochs} and ${TRAINING_DEFAULTS.seed}: what the shipped weights use)`;

export async function run(argv: string[]): Promise<CommandResult> {
  const { values } = parseArgs({
    args: argv,
    options: {
      gold: { type: 'string', multiple: true },
      reviewed: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean' },
      curve: { type: 'boolean' },
      epochs: { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  const int = (name: string, v: string | undefined, d: number) => {
    if (v === undefined) return d;
    if (!/^\d+$/u.test(v) || Number(v) < 1) throw new SitrepOptionError(`Expected \`--${name}\` to be a positive integer, got \`${v}\``);
    return Number(v);
  };
  const epochs = int('epochs', values.epochs, TRAINING_DEFAULTS.epochs);
  const seed = int('seed', values.seed, TRAINING_DEFAULTS.seed);
  const out = values.out ?? `${PROJECT_ROOT}src/ner/model/ner-weights.json`;
  const log = values.quiet ? () => {} : (l: string) => process.stderr.write(`sitrep train: ${l}\n`);
  const extra = [...(values.gold ?? [])];
  if (values.reviewed) extra.push(await reviewedGold(values.reviewed, log));
  const inputs = resolveInputs(extra);
  if (values.curve) {
    const rows: string[] = ['| training documents | share | dev (CoNLL testa) exact F1 | group | place | person |', '|---|---|---|---|---|---|'];
    for (const fraction of [0.1, 0.3, 1]) {
      const { model, dev } = trainNer({ ...inputs, epochs, seed, fraction, log });
      const s = dev[dev.length - 1];
      const c = (k: string) => s.byClass[k]?.f1.toFixed(3) ?? '—';
      rows.push(`| ${(model.training as { documents: number }).documents} | ${fraction * 100}% | ${s.f1.toFixed(3)} | ${c('GRP')} | ${c('PLC')} | ${c('PER')} |`);
    }
    process.stdout.write(`${rows.join('\n')}\n`);
    return { code: 0 };
  }
  const { model } = trainNer({ ...inputs, epochs, seed, log });
  const text = `${JSON.stringify(model)}\n`;
  if (values.check) {
    const shipped = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as NerModelFile) : null;
    const same = shipped?.hash === model.hash;
    process.stdout.write(same ? `sitrep train: ${out} is what training gives (weights ${model.hash})\n` : `sitrep train: ${out} has weights ${shipped?.hash ?? 'none'}, training gives ${model.hash}\n`);
    return { code: same ? 0 : 1 };
  }
  writeFileSync(out, text);
  process.stdout.write(`sitrep train: wrote ${out} (${(text.length / 1e6).toFixed(2)} MB, weights ${model.hash})\n`);
  return { code: 0 };
}
