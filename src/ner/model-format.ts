import { createHash } from 'node:crypto';
import { LABELS } from './labels.js';

const L = LABELS.length;

/** The shipped weights file: features and int16 weights stored sparsely (a label mask per feature, then its non-zero weights). */
export interface NerModelFile {
  about: string;
  format: 'sitrep-ner/1';
  labels: string[];
  /** What one int16 unit of weight is worth. */
  scale: number;
  /** Feature names, one per line, in the order of `masks`. */
  features: string;
  /** base64 of a Uint32Array: bit l set when the feature has a non-zero weight for label l. */
  masks: string;
  /** base64 of an Int16Array: the non-zero weights, feature after feature, label order within a feature. */
  weights: string;
  /** How the weights were made: seed, epochs, inputs with their checksums, document ids trained on. */
  training: Record<string, unknown>;
  /** sha256 (16 hex digits) of labels, scale, features, masks and weights. */
  hash: string;
}

export function weightsHash(m: Pick<NerModelFile, 'labels' | 'scale' | 'features' | 'masks' | 'weights'>): string {
  const h = createHash('sha256');
  for (const part of [JSON.stringify(m.labels), String(m.scale), m.features, m.masks, m.weights]) h.update(part).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Quantises averaged weights to int16 (one scale for all) and packs them; weights that round to 0 are dropped, and features left with none. */
export function packWeights(names: readonly string[], weights: Float64Array): Pick<NerModelFile, 'labels' | 'scale' | 'features' | 'masks' | 'weights'> {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const kept: string[] = [];
  const masks: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < names.length; k++) {
    let mask = 0;
    const vs: number[] = [];
    for (let l = 0; l < L; l++) {
      const q = Math.round(weights[k * L + l] / scale);
      if (q !== 0) {
        mask |= 1 << l;
        vs.push(q);
      }
    }
    if (mask === 0) continue;
    if (names[k].includes('\n')) throw new Error(`a feature name holds a line break: ${JSON.stringify(names[k])}`);
    kept.push(names[k]);
    masks.push(mask >>> 0);
    values.push(...vs);
  }
  return {
    labels: [...LABELS],
    scale,
    features: kept.join('\n'),
    masks: Buffer.from(new Uint32Array(masks).buffer).toString('base64'),
    weights: Buffer.from(new Int16Array(values).buffer).toString('base64'),
  };
}

/** The packed weights, unpacked: a feature index and dense int16 weights (features × labels). */
export interface UnpackedWeights {
  ids: Map<string, number>;
  dense: Int16Array;
}

export function unpackWeights(m: Pick<NerModelFile, 'labels' | 'features' | 'masks' | 'weights'>): UnpackedWeights {
  if (m.labels.join() !== LABELS.join()) throw new Error(`NER model labels ${m.labels.join(',')} are not the tagger's ${LABELS.join(',')}`);
  const names = m.features.length ? m.features.split('\n') : [];
  const mb = Buffer.from(m.masks, 'base64');
  const wb = Buffer.from(m.weights, 'base64');
  const masks = new Uint32Array(mb.buffer.slice(mb.byteOffset, mb.byteOffset + mb.byteLength));
  const values = new Int16Array(wb.buffer.slice(wb.byteOffset, wb.byteOffset + wb.byteLength));
  const dense = new Int16Array(names.length * L);
  const ids = new Map<string, number>();
  let v = 0;
  for (let k = 0; k < names.length; k++) {
    ids.set(names[k], k);
    const mask = masks[k];
    for (let l = 0; l < L; l++) if (mask & (1 << l)) dense[k * L + l] = values[v++];
  }
  if (v !== values.length || masks.length !== names.length) throw new Error('NER model weights are corrupt: masks, features and weights disagree in number');
  return { ids, dense };
}
