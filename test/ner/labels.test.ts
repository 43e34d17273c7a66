import { describe, expect, it } from 'vitest';
import { LABELS, O, allowed, canEnd, labelOf, oracle } from '../../src/ner/labels.js';

const L = (s: string) => (s === 'O' ? O : LABELS.indexOf(s));

describe('BILOU labels', () => {
  it.each([
    ['O', 'B-GRP', true],
    ['O', 'U-PLC', true],
    ['O', 'I-GRP', false],
    ['O', 'L-PER', false],
    ['B-GRP', 'I-GRP', true],
    ['B-GRP', 'L-GRP', true],
    ['B-GRP', 'L-PLC', false],
    ['B-GRP', 'O', false],
    ['I-PER', 'U-PER', false],
    ['L-PLC', 'B-PLC', true],
    ['U-MSC', 'O', true],
  ])('%s → %s allowed: %s', (a, b, want) => {
    expect(allowed(L(a), L(b))).toBe(want);
  });

  it('only closed labels end a sentence', () => {
    expect(['O', 'L-GRP', 'U-PER'].map((l) => canEnd(L(l)))).toEqual([true, true, true]);
    expect(['B-GRP', 'I-PLC'].map((l) => canEnd(L(l)))).toEqual([false, false]);
  });

  // The dynamic oracle: what training asks for when the gold label cannot follow the prediction.
  it.each([
    ['O', 'B-GRP', 'B-GRP'],
    ['O', 'I-GRP', 'B-GRP'],
    ['O', 'L-GRP', 'U-GRP'],
    ['B-PLC', 'O', 'L-PLC'],
    ['I-PLC', 'B-PER', 'L-PLC'],
    ['B-PLC', 'L-GRP', 'L-PLC'],
    ['B-PER', 'I-PER', 'I-PER'],
  ])('after %s, gold %s: train towards %s', (prev, gold, want) => {
    expect(LABELS[oracle(L(prev), L(gold))]).toBe(want);
  });

  it('names 17 labels', () => {
    expect(LABELS).toHaveLength(17);
    expect(labelOf('U', 'PER')).toBe(LABELS.indexOf('U-PER'));
  });
});
