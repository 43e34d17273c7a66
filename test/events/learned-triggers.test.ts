import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import triggerModelData from '../../src/lexicon/event-trigger-model.json' with { type: 'json' };
import incidentModelData from '../../src/lexicon/event-incident-model.json' with { type: 'json' };
import { trainPerceptron, seeded } from '../../src/events/train/perceptron.js';
import { inputsHash, weightsHash, INPUTS } from '../../src/events/train/run.js';
import { stem } from '../../src/events/trigger-features.js';
import type { TriggerModelData } from '../../src/events/trigger-model.js';
import { ROOT } from '../support/annotate.js';
import { describeWithGold } from '../support/shared-gold.js';
import { annotated } from './support.js';

const SHARED = join(ROOT, '..', 'shared');
const model = triggerModelData as unknown as TriggerModelData & { training: { inputsSha256: string; weightsSha256: string } };
const incident = incidentModelData as unknown as { scale: number; threshold: number; weights: Record<string, number[]>; training: { inputsSha256: string; weightsSha256: string } };

describe('the shipped trigger classifier and incident scorer', () => {
  it('are the weights their training wrote (sha256 of labels, scale, vocabulary, judged entries and weights)', () => {
    expect(weightsHash(model)).toBe(model.training.weightsSha256);
    expect(createHash('sha256').update(JSON.stringify([incident.scale, incident.threshold, incident.weights])).digest('hex')).toBe(incident.training.weightsSha256);
  });

  it('are small: integer weights, features seen at least twice', () => {
    expect(Object.keys(model.weights).length).toBeGreaterThan(100);
    expect(Object.keys(model.weights).length).toBeLessThan(20_000);
    for (const ws of Object.values(model.weights)) for (const w of ws) expect(Number.isInteger(w)).toBe(true);
    expect(model.training.inputsSha256).toBe(incident.training.inputsSha256);
  });
});

describeWithGold('the training inputs', INPUTS.map((f) => join(SHARED, f)), () => {
  it('are the ones the shipped weights were trained on (sha256 of the three files, seed, epochs; retrain with npm run train:events)', () => {
    expect(model.training.inputsSha256).toBe(inputsHash(SHARED));
  });
});

describe('the averaged perceptron', () => {
  const examples = [
    { features: ['b', 'w=attack', 'lex=attack'], label: 1 },
    { features: ['b', 'w=attack', 'p1=heart'], label: 0 },
    { features: ['b', 'w=bombing', 'lex=bombing'], label: 1 },
    { features: ['b', 'w=market'], label: 0 },
    { features: ['b', 'w=market', 'lex=-'], label: 0 },
    { features: ['b', 'w=blast', 'lex=bombing'], label: 1 },
  ];
  const score = (w: Map<string, Float64Array>, fs: string[]): number => fs.reduce((s, f) => s + (w.get(f)?.[1] ?? 0) - (w.get(f)?.[0] ?? 0), 0);

  it('is the same for the same seed, and learns a separable set', () => {
    const a = trainPerceptron(examples, 2, { epochs: 5, seed: 7, minCount: 1 });
    const b = trainPerceptron(examples, 2, { epochs: 5, seed: 7, minCount: 1 });
    expect([...a].map(([f, w]) => [f, [...w]])).toEqual([...b].map(([f, w]) => [f, [...w]]));
    for (const e of examples) expect(score(a, e.features) > 0).toBe(e.label === 1);
  });

  it('leaves out features seen fewer than minCount times', () => {
    const w = trainPerceptron(examples, 2, { epochs: 5, seed: 7, minCount: 2 });
    expect(w.has('p1=heart')).toBe(false);
    expect(seeded(1)()).toBe(seeded(1)());
  });
});

describe('triggers the classifier reads', () => {
  it.each([
    ['attacks', 'attack'],
    ['attacked', 'attack'],
    ['bombings', 'bombing'],
    ['detonated', 'detonat'],
    ['kidnapping', 'kidnapp'],
    ['arrest', 'arrest'],
  ])('stem(%s) = %s', (w, s) => expect(stem(w)).toBe(s));

  it.each([
    ['A lexicon trigger it knows stays, with its roles', 'A bomb exploded near the market in Kabul on Monday.', 'exploded', 'lex:event-triggers/explosion'],
    ['an arrest stays an arrest', 'Police arrested two suspects in Lagos on Friday.', 'arrested', 'lex:event-triggers/arrest'],
  ])('%s', (_why, text, trigger, source) => {
    const d = annotated(text);
    const e = d.events.find((x) => x.trigger.text === trigger);
    expect(e?.source).toBe(source);
  });

  it('makes no event of a word outside the lexicon and its vocabulary', () => {
    const d = annotated('The market was quiet and the shops opened on Monday.');
    expect(d.events).toEqual([]);
  });
});
