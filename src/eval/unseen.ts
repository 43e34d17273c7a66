import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NER_TRAINING } from '../ner/shipped.js';
import { DEFAULT_INPUTS } from '../ner/train-inputs.js';
import { inTrainingHalf } from '../ner/train.js';
import { SitrepOptionError } from '../errors.js';
import type { GoldDoc } from './gold.js';

interface TrainedInput {
  file: string;
  sha256: string;
  documents: number;
}

export interface UnseenSplit {
  /** The documents the tagger's weights were not trained on. */
  docs: GoldDoc[];
  /** One line saying how they were told apart. */
  note: string;
}

/**
 * The documents of a gold file that the tagger in use never saw in training: the file is known by
 * its sha256 among the weights' recorded inputs; a file trained on by half keeps the other half
 * (train.ts's split by id), a file trained on whole has none, and any other file is unseen whole.
 */
export function unseenDocs(goldFile: string, docs: readonly GoldDoc[], training: Record<string, unknown> = NER_TRAINING): UnseenSplit {
  const sha = createHash('sha256').update(readFileSync(goldFile)).digest('hex');
  const inputs = (Array.isArray(training.inputs) ? training.inputs : []) as TrainedInput[];
  const input = inputs.find((i) => i.sha256 === sha);
  if (!input) return { docs: [...docs], note: `the tagger was not trained on ${goldFile}: all ${docs.length} documents are unseen` };
  const half = DEFAULT_INPUTS.some((d) => d.half && input.file.endsWith(`/${d.path}`));
  if (!half) throw new SitrepOptionError(`--unseen: the tagger was trained on every document of ${goldFile} (${input.file}, ${input.documents} documents); none is unseen`);
  const seen = docs.filter((d) => inTrainingHalf(d.id)).length;
  // The split is recomputed here: it must give the count the weights recorded, or the weights came from another split.
  if (seen !== input.documents) {
    throw new SitrepOptionError(`--unseen: ${goldFile} splits into ${seen} training documents but the weights record ${input.documents} (${input.file}); they were trained on another split`);
  }
  const kept = docs.filter((d) => !inTrainingHalf(d.id));
  return { docs: kept, note: `${kept.length} of ${docs.length} documents are unseen by the tagger (the other ${seen} were trained on)` };
}
