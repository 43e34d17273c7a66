import { readFileSync } from 'node:fs';
import bundled from './model/ner-weights.json' with { type: 'json' };
import { loadModel, type NerModel } from './model.js';
import type { NerModelFile } from './model-format.js';

/** The weights in use: SITREP_NER_MODEL names a file made by `sitrep train --out FILE`; else the shipped ones. */
function weightsFile(): { file: NerModelFile; name: string } {
  const path = process.env.SITREP_NER_MODEL;
  if (!path) return { file: bundled as unknown as NerModelFile, name: 'src/ner/model/ner-weights.json' };
  try {
    return { file: JSON.parse(readFileSync(path, 'utf8')) as NerModelFile, name: path };
  } catch (err) {
    throw new Error(`SITREP_NER_MODEL=${path}: cannot read the weights (${(err as Error).message})`);
  }
}

const weights = weightsFile();
let model: NerModel | undefined;

/** The tagger's model, loaded once per thread (its hash checked against its content). */
export function shippedModel(): NerModel {
  return (model ??= loadModel(weights.file, weights.name));
}

/** The weights' hash (what `model:ner@<hash>` names and the lexicon hash covers) and confidence unit. */
export const NER_MODEL_HASH: string = weights.file.hash;
export const CONFIDENCE_UNIT: number = Number((weights.file.training as { calibration?: { margin?: number } }).calibration?.margin ?? 1);

/** What the weights in use were trained on (the `training` record of their file: inputs with sha256 and counts). */
export const NER_TRAINING: Record<string, unknown> = weights.file.training;
