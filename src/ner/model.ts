import { LABELS } from './labels.js';
import { unpackWeights, weightsHash, type NerModelFile } from './model-format.js';
import type { Scorer } from './decode.js';

const L = LABELS.length;

/** A loaded tagger model: the scorer decoding uses, its hash, and what one score unit is worth. */
export interface NerModel extends Scorer {
  hash: string;
  scale: number;
  features: number;
  /** The names of the features it knows. */
  featureNames(): Iterable<string>;
}

/** Loads a weights file, checking that its hash is the hash of its content. */
export function loadModel(file: NerModelFile, name = 'NER weights'): NerModel {
  if (file.format !== 'sitrep-ner/1') throw new Error(`${name}: expected format sitrep-ner/1, got ${String(file.format)}`);
  const hash = weightsHash(file);
  if (hash !== file.hash) throw new Error(`${name}: content hash ${hash} is not the recorded ${file.hash} (the file was changed by hand or truncated)`);
  const { ids, dense } = unpackWeights(file);
  const scale = file.scale;
  // Each weight times the scale once, not at every addition (the same products, so the same scores).
  const scaled = Float64Array.from(dense, (w) => w * scale);
  return {
    hash,
    scale,
    features: ids.size,
    id: (f) => ids.get(f) ?? -1,
    featureNames: () => ids.keys(),
    add(list, out) {
      for (let k = 0; k < list.length; k++) {
        const base = list[k] * L;
        for (let l = 0; l < L; l++) out[l] += scaled[base + l];
      }
    },
  };
}
