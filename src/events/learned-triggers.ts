import { triggerForText, triggerInfo } from '../recognize/event-triggers.js';
import { termIndex, termsOf } from './terms.js';
import { stem, triggerFeatures, type LexiconReading } from './trigger-features.js';
import { scoreFeatures, triggerModel } from './trigger-model.js';
import type { Component, PipelineContext } from '../context.js';
import type { Candidate } from '../doc.js';

/** Lexicon trigger types the classifier was trained to judge (the others keep the lexicon's word alone). */
export const JUDGED_TYPES: ReadonlySet<string> = new Set(['attack', 'battle', 'offensive', 'arrest']);

/** One word the classifier reads: its span (a lexicon trigger's whole span), features and lexicon reading. */
export interface TriggerExample {
  start: number;
  end: number;
  features: string[];
  lex?: LexiconReading;
}

type Sink = (ctx: PipelineContext, examples: TriggerExample[]) => void;
let sink: Sink | undefined;

/** Training: hand every document's examples to `s` and leave the lexicon's triggers as they are. */
export function collectTriggerExamples(s: Sink | undefined): void {
  sink = s;
}

/** The trigger entry of events the classifier finds beside the lexicon, per label. */
export const learnedEntry = (label: string): string => `learned-${label}`;

/** Confidence of a classified trigger from its margin over 'none'. */
const confidenceOf = (margin: number): number => Math.round(Math.min(0.9, 0.5 + margin / 20) * 100) / 100;

/**
 * Trained trigger detection: each word that a lexicon trigger covers, or whose stem was a trigger
 * in training, is classified (event type or none) by the shipped averaged perceptron. A lexicon
 * trigger the model calls none is dropped; a word the lexicon does not know that it calls an event
 * becomes a trigger (source `model:event-triggers`). Runs after the lexicon's trigger recognizer.
 */
export const learnedTriggers: Component = {
  name: 'events/learned-triggers',
  run(ctx) {
    const model = triggerModel();
    if (!sink && model.weights.size === 0) return;
    const index = termIndex(ctx);
    const terms = index.terms;
    const lexAt = new Map<number, Candidate>();
    const covered = new Uint8Array(terms.length);
    for (const c of ctx.candidates) {
      if (c.type !== 'event' || !c.key || !c.source.startsWith('lex:event-triggers/')) continue;
      const r = termsOf(index, c.start, c.end);
      if (!r) continue;
      lexAt.set(r[1], c);
      for (let k = r[0]; k <= r[1]; k++) covered[k] = 1;
    }
    const examples: TriggerExample[] = [];
    const drop = new Set<Candidate>();
    const none = model.labels.indexOf('none');
    for (const [lo, hi] of index.sentences) {
      for (let i = lo; i < hi; i++) {
        const lc = lexAt.get(i);
        let lex: LexiconReading | undefined;
        if (lc) {
          const info = triggerInfo(lc.key!);
          if (!info || !JUDGED_TYPES.has(info.type)) continue;
          lex = { entry: info.id, type: info.type };
        } else if (covered[i] || !model.vocab.has(stem(terms[i].normal))) continue;
        // A word the lexicon lists whose context rules declined it ("a heart attack", "a gas explosion") stays declined.
        else if (!sink && triggerForText(ctx.text.slice(terms[i].start, terms[i].end))) continue;
        const features = triggerFeatures(terms, i, lo, hi, lex);
        if (sink) {
          examples.push({ start: lc ? lc.start : terms[i].start, end: lc ? lc.end : terms[i].end, features, ...(lex ? { lex } : {}) });
          continue;
        }
        if (lc && !model.judged.has(lex!.entry)) continue;
        const scores = scoreFeatures(model, features);
        let best = none;
        for (let k = 0; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
        if (lc) {
          if (best === none) drop.add(lc);
        } else if (best !== none) {
          const label = model.labels[best];
          ctx.propose({ type: 'event', start: terms[i].start, end: terms[i].end, source: 'model:event-triggers', confidence: confidenceOf(scores[best] - scores[none]), priority: 2, key: learnedEntry(label), value: triggerInfo(learnedEntry(label))?.type ?? label });
        }
      }
    }
    if (sink) sink(ctx, examples);
    if (drop.size) {
      ctx.keepCandidates((c) => !drop.has(c));
    }
  },
};
