import { describe, expect, it } from 'vitest';
import roleModelData from '../../src/lexicon/event-role-model.json' with { type: 'json' };
import triggerModelData from '../../src/lexicon/event-trigger-model.json' with { type: 'json' };
import { cueBefore, roleFeatures } from '../../src/events/role-features.js';
import { compileRoleModel, roleProbability, type RoleModelData } from '../../src/events/role-model.js';
import { heldOutCalibration, trainRoleScorer, weightsId, type LabelledRole } from '../../src/events/train/roles.js';
import { annotate } from '../../src/index.js';

const shipped = roleModelData as unknown as RoleModelData & { training: { inputsSha256: string; weightsSha256: string; examples: number; right: number; heldOut: { brier: number } } };

describe('the cue word before a role filler', () => {
  const at = (text: string, word: string): string => cueBefore(text, text.lastIndexOf(word));
  it.each([
    ['Fighting in Kabul', 'Kabul', 'in'],
    ['Fighting in the town', 'town', 'in'],
    ['on its way to Herat', 'way', 'on'],
    ['Fighters stormed Herat', 'Herat', 'other'],
    ['Herat', 'Herat', ''],
    ['Fighting\nKabul', 'Kabul', ''],
    // A word too long to be a cue is not read to its start (linear whatever the token's length).
    [`${'x'.repeat(1_000_000)} Kabul`, 'Kabul', ''],
  ])('%#: before %s', (text, word, want) => {
    expect(at(text, word)).toBe(want);
  });
});

describe('the features of a role candidate', () => {
  it('are its role’s own: path, type, name, cue, distance, side, rank and factuality', () => {
    const text = 'Gunmen attacked a checkpoint in Kandahar on Friday.';
    const m = annotate(text).mentions.find((x) => x.text === 'Kandahar')!;
    const f = roleFeatures({ role: 'place', start: m.start, end: m.end, mention: m, how: 'near' }, { text, trigger: { start: 7, end: 15 }, factuality: 'asserted', rank: 0 });
    expect(f).toEqual(['place|bias', 'place|how=near', 'place|type=place', 'place|how=near&type=place', 'place|named=yes', 'place|cue=in', 'place|dist=2', 'place|side=after', 'place|rank=0', 'place|fact=asserted']);
  });
});

describe('the role scorer (logistic regression, src/events/train/roles.ts)', () => {
  const table: LabelledRole[] = [];
  for (let i = 0; i < 40; i++) {
    table.push({ features: ['place|bias', 'place|cue=in'], label: i % 10 === 0 ? 0 : 1, doc: i });
    table.push({ features: ['place|bias', 'place|cue=from'], label: i % 10 === 0 ? 1 : 0, doc: i });
  }
  table.push({ features: ['place|bias', 'place|once'], label: 1, doc: 99 });
  const opts = { iterations: 300, l2: 0.001, minCount: 2 };

  it('learns which features make a filler right, and is deterministic', () => {
    const a = trainRoleScorer(table, opts);
    const m = compileRoleModel(a);
    expect(roleProbability(['place|bias', 'place|cue=in'], m)).toBeGreaterThan(0.8);
    expect(roleProbability(['place|bias', 'place|cue=from'], m)).toBeLessThan(0.2);
    expect(trainRoleScorer(table, opts)).toEqual(a);
    // A feature seen once has no weight.
    expect(a.weights['place|once']).toBeUndefined();
  });

  it('reports calibration on held-out documents', () => {
    const c = heldOutCalibration(table, opts);
    expect(c.examples).toBe(table.length);
    expect(c.bands.reduce((n, b) => n + b.n, 0)).toBe(table.length);
    expect(c.brier).toBeLessThan(0.15);
  });

  it('ships the weights its training wrote, from the trigger model’s inputs', () => {
    expect(weightsId(shipped)).toBe(shipped.training.weightsSha256);
    expect(shipped.training.inputsSha256).toBe((triggerModelData as unknown as { training: { inputsSha256: string } }).training.inputsSha256);
    expect(Object.keys(shipped.weights).length).toBeGreaterThan(50);
    // On held-out documents, better than a constant guess of the share right.
    const share = shipped.training.right / shipped.training.examples;
    expect(shipped.training.heldOut.brier).toBeLessThan(share * (1 - share));
  });
});

describe('every event role says what made it and how sure sitrep is', () => {
  it.each([
    ['The Taliban attacked a checkpoint in Kandahar on Friday.'],
    ['Islamic State militants bombed a mosque. The attack in Kabul killed 12 people on 3 March 2024.'],
  ])('%s', (text) => {
    const doc = annotate(text, { date: '2024-03-10' });
    const roles = doc.events.flatMap((e) => e.roles);
    expect(roles.length).toBeGreaterThan(0);
    for (const r of roles) {
      expect(r.source).toMatch(/^rule:role\/(subject|object|pre|post|support|shared|nearest)$/);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(doc.text.slice(r.start, r.end)).toBe(r.text);
    }
  });
});
