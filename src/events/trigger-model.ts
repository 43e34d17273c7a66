import shipped from '../lexicon/event-trigger-model.json' with { type: 'json' };

/**
 * The trained trigger classifier (an averaged perceptron, src/events/train/): weights per feature
 * and label, shipped as data (src/lexicon/event-trigger-model.json, quantised integers with one
 * scale), and the words it may read as triggers beside the lexicon's.
 */

export interface TriggerModelData {
  about?: string;
  labels: string[];
  scale: number;
  /** Stems of words seen as triggers in training: only these (and lexicon triggers) are classified. */
  vocab: string[];
  /** Lexicon entries with enough training examples to be judged; the others keep the lexicon's word alone. */
  judged?: string[];
  /** Feature → one integer weight per label. */
  weights: Record<string, number[]>;
  /** How the weights were made (inputs' hash, seed, epochs), and the sha256 of the weights. */
  training?: Record<string, unknown>;
}

export interface TriggerModel {
  labels: string[];
  vocab: Set<string>;
  judged: Set<string>;
  weights: Map<string, Float64Array>;
}

export function compileModel(data: TriggerModelData): TriggerModel {
  const weights = new Map<string, Float64Array>();
  for (const [f, ws] of Object.entries(data.weights)) weights.set(f, Float64Array.from(ws, (v) => v / data.scale));
  return { labels: data.labels, vocab: new Set(data.vocab), judged: new Set(data.judged ?? []), weights };
}

let current: TriggerModel | undefined;

/** The model the pipeline uses: the shipped one, unless training or cross-validation set another. */
export function triggerModel(): TriggerModel {
  return (current ??= compileModel(shipped as TriggerModelData));
}

/** Use another model (cross-validation during training); `undefined` goes back to the shipped one. */
export function useTriggerModel(m: TriggerModel | undefined): void {
  current = m;
}

/** Scores per label of one word's features. */
export function scoreFeatures(m: TriggerModel, features: readonly string[]): Float64Array {
  const out = new Float64Array(m.labels.length);
  for (const f of features) {
    const w = m.weights.get(f);
    if (w) for (let k = 0; k < out.length; k++) out[k] += w[k];
  }
  return out;
}
