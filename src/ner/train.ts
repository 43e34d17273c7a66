import { createHash } from 'node:crypto';
import { AveragedPerceptron } from './perceptron.js';
import { seeded } from '../events/train/perceptron.js';
import { decodeGreedy, fits, spansOf, type Scorer } from './decode.js';
import { docStats, staticFeatures } from './features.js';
import { LABELS, O, oracle } from './labels.js';
import { packWeights, weightsHash, type NerModelFile } from './model-format.js';
import { loadModel } from './model.js';
import { trainDoc, type SourceFile, type TrainDoc } from './train-data.js';

/** What the shipped weights were trained with (the epoch count chosen on CoNLL testa). */
export const TRAINING_DEFAULTS = { epochs: 12, seed: 1 } as const;

/** A training document with its label-independent features already made into ids. */
interface Encoded {
  doc: TrainDoc;
  ids: Int32Array[];
}

export interface TrainOptions {
  /** Training inputs, each with the documents of it to use. */
  sources: { file: SourceFile; use: (id: string) => boolean; repeat?: number }[];
  /** Documents to report on after each epoch (never trained on). */
  dev?: SourceFile;
  epochs: number;
  seed: number;
  /** Share of the training documents used (for the learning curve), taken after the seeded shuffle. */
  fraction?: number;
  log?: (line: string) => void;
}

function shuffle<T>(list: T[], next: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

function encode(doc: TrainDoc, id: (f: string) => number): Encoded {
  const stats = docStats(doc.tokens);
  const ids = doc.tokens.map((_, i) => Int32Array.from(staticFeatures(doc.tokens, i, stats).map(id).filter((x) => x >= 0)));
  return { doc, ids };
}

export interface SpanScore {
  gold: number;
  predicted: number;
  correct: number;
  f1: number;
  byClass: Record<string, { gold: number; predicted: number; correct: number; f1: number }>;
}

/** Exact-span precision/recall of group, place and person spans (MISC left out), from token labels. */
export function scoreSpans(pairs: readonly { gold: Int32Array; predicted: Int32Array }[]): SpanScore {
  const by: SpanScore['byClass'] = {};
  const key = (labels: Int32Array) =>
    new Set(spansOf({ labels: labels.map((l) => (l < 0 ? O : l)), margins: new Float64Array(labels.length) }).filter((s) => s.cls !== 'MSC').map((s) => `${s.first}:${s.last}:${s.cls}`));
  for (const p of pairs) {
    const g = key(p.gold);
    const q = key(p.predicted);
    for (const k of g) (by[k.split(':')[2]] ??= { gold: 0, predicted: 0, correct: 0, f1: 0 }).gold++;
    for (const k of q) {
      const c = (by[k.split(':')[2]] ??= { gold: 0, predicted: 0, correct: 0, f1: 0 });
      c.predicted++;
      if (g.has(k)) c.correct++;
    }
  }
  const f1 = (c: { gold: number; predicted: number; correct: number }) => (c.gold + c.predicted ? (2 * c.correct) / (c.gold + c.predicted) : 0);
  const all = { gold: 0, predicted: 0, correct: 0 };
  for (const c of Object.values(by)) {
    c.f1 = f1(c);
    all.gold += c.gold;
    all.predicted += c.predicted;
    all.correct += c.correct;
  }
  return { ...all, f1: f1(all), byClass: by };
}

/** A scorer over the perceptron's averaged weights as they stand, for the dev set (no new features). */
function averagedScorer(p: AveragedPerceptron): Scorer {
  const snapshot = p.averaged(1);
  const ids = new Map(snapshot.names.map((n, k) => [n, k]));
  const L = LABELS.length;
  return {
    id: (f) => ids.get(f) ?? -1,
    add(list, out) {
      for (let k = 0; k < list.length; k++) for (let l = 0; l < L; l++) out[l] += snapshot.weights[list[k] * L + l];
    },
  };
}

export function evaluate(docs: readonly TrainDoc[], scorer: Scorer): SpanScore {
  const pairs = docs.map((doc) => {
    const stats = docStats(doc.tokens);
    const ids = doc.tokens.map((_, i) => staticFeatures(doc.tokens, i, stats).map(scorer.id).filter((x) => x >= 0));
    return { gold: doc.gold, predicted: decodeGreedy(doc.tokens, (i) => ids[i], scorer, undefined, { lookahead: true }).labels };
  });
  return scoreSpans(pairs);
}

/** Trains the tagger and returns the weights file (and the dev score after each epoch). */
export function trainNer(options: TrainOptions): { model: NerModelFile; dev: SpanScore[] } {
  const log = options.log ?? (() => {});
  const next = seeded(options.seed);
  const p = new AveragedPerceptron();
  const docs: TrainDoc[] = [];
  const inputs: Record<string, unknown>[] = [];
  const trainedIds: string[] = [];
  const repeats: number[] = [];
  for (const { file, use, repeat = 1 } of options.sources) {
    let n = 0;
    for (const line of file.lines) {
      if (!use(line.id)) continue;
      docs.push(trainDoc(line));
      repeats.push(repeat);
      n++;
    }
    inputs.push({ file: file.path.replace(/^.*\/shared\//u, '../shared/'), sha256: file.sha256, documents: n, repeat });
    log(`  read ${n} documents of ${file.path}`);
  }
  const order = shuffle([...docs.keys()], next);
  const used = order.slice(0, Math.max(1, Math.round(order.length * (options.fraction ?? 1))));
  const encoded = used.map((k) => encode(docs[k], (f) => p.id(f)));
  // A source with `repeat` n is seen n times an epoch (the small conflict sets beside CoNLL's 946 documents).
  const visits = used.flatMap((k, e) => Array.from({ length: repeats[k] }, () => e));
  for (const k of used) trainedIds.push(docs[k].id);
  const dev = options.dev ? options.dev.lines.map(trainDoc) : [];
  const scores: SpanScore[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    p.counting = epoch === 0;
    let mistakes = 0;
    let judged = 0;
    for (const k of shuffle([...visits], next)) {
      const { doc, ids } = encoded[k];
      let prev = O;
      decodeGreedy(doc.tokens, (i) => ids[i], p, (i, all, predicted) => {
        const before = i === 0 || doc.tokens[i - 1].sentence !== doc.tokens[i].sentence ? O : prev;
        prev = predicted;
        if (doc.gold[i] < 0 || !fits(doc.tokens[i], doc.gold[i])) return;
        const gold = oracle(before, doc.gold[i]);
        judged++;
        if (gold !== predicted) mistakes++;
        p.step(all, gold, predicted);
      }, { lookahead: true });
    }
    const line = `  epoch ${epoch + 1}: ${mistakes} mistakes on ${judged} tokens, ${p.size} features`;
    if (dev.length) {
      const s = evaluate(dev, averagedScorer(p));
      scores.push(s);
      log(`${line}; dev exact F1 ${s.f1.toFixed(4)} (${Object.entries(s.byClass).map(([c, x]) => `${c} ${x.f1.toFixed(3)}`).join(', ')})`);
    } else log(line);
  }
  const { names, weights } = p.averaged(2);
  const packed = packWeights(names, weights);
  const model: NerModelFile = {
    about:
      'Weights of sitrep\'s entity tagger (src/ner): an averaged perceptron over BILOU labels, greedy decoding. Derived data, made by `npm run train` from the inputs listed under `training` (their sha256) with its seed; the texts are not shipped.',
    format: 'sitrep-ner/1',
    ...packed,
    training: {
      seed: options.seed,
      epochs: options.epochs,
      fraction: options.fraction ?? 1,
      minCount: 2,
      inputs,
      documents: used.length,
      // Which evaluation documents the weights have seen, so `sitrep eval --unseen` can leave them out.
      trainedIdsSha256: createHash('sha256').update(trainedIds.slice().sort().join('\n')).digest('hex').slice(0, 16),
      calibration: calibrate(dev, packed),
      heldOutRule: 'documents of ../shared/eval files are trained on when the first byte of sha256(id) is even',
    },
    hash: '',
  };
  model.hash = weightsHash(model);
  return { model, dev: scores };
}

/**
 * The confidence unit: half the median mean-margin of the spans the packed weights get right on the
 * dev set, so that a typical correct span gets a confidence of about 0.88 (see tag.ts).
 */
function calibrate(dev: readonly TrainDoc[], packed: ReturnType<typeof packWeights>): { margin: number; devSpans: number } {
  if (dev.length === 0) return { margin: 1, devSpans: 0 };
  const model = loadModel({ ...packed, format: 'sitrep-ner/1', about: '', training: {}, hash: weightsHash(packed) });
  const margins: number[] = [];
  for (const doc of dev) {
    const stats = docStats(doc.tokens);
    const ids = doc.tokens.map((_, i) => staticFeatures(doc.tokens, i, stats).map(model.id).filter((x) => x >= 0));
    const decoded = decodeGreedy(doc.tokens, (i) => ids[i], model, undefined, { lookahead: true });
    const gold = new Set(spansOf({ labels: doc.gold.map((l) => (l < 0 ? O : l)), margins: decoded.margins }).map((s) => `${s.first}:${s.last}:${s.cls}`));
    for (const s of spansOf(decoded)) if (gold.has(`${s.first}:${s.last}:${s.cls}`)) margins.push(s.margin);
  }
  margins.sort((a, b) => a - b);
  const median = margins.length ? margins[margins.length >> 1] : 2;
  return { margin: Math.round((median / 2) * 1e6) / 1e6, devSpans: margins.length };
}

/** Whether an evaluation document (../shared/eval) is in the training half: a fixed split by its id. */
export function inTrainingHalf(id: string): boolean {
  return createHash('sha256').update(id).digest()[0] % 2 === 0;
}

