import { describe, expect, it } from 'vitest';
import { entryFor } from '../../src/lexicon/index.js';

const base = { source: 'lex:test/x', type: 'group' as const, key: 'group:x', value: 'x', confidence: 0.9, priority: 4 };

describe('entryFor: the flags of a lexicon form', () => {
  it.each([
    { form: 'IS', caseSensitive: true, ambiguous: true },
    { form: 'US', caseSensitive: true, ambiguous: true },
    { form: 'U.S.', caseSensitive: true, ambiguous: true },
    { form: 'ISKP', caseSensitive: true, ambiguous: false },
    { form: 'AQAP', caseSensitive: true, ambiguous: false },
    { form: 'ABCDEFG', caseSensitive: false, ambiguous: false },
    { form: 'Kabul', caseSensitive: false, ambiguous: false },
    { form: 'Islamic State', caseSensitive: false, ambiguous: false },
    { form: 'Chad', caseSensitive: false, ambiguous: false },
    { form: 'Niger', caseSensitive: false, ambiguous: false },
    { form: 'Let', caseSensitive: false, ambiguous: true },
    { form: 'RSF', caseSensitive: true, ambiguous: true },
    { form: 'Go-Go', caseSensitive: false, ambiguous: false },
    { form: 'C.A.R.', caseSensitive: true, ambiguous: true },
    { form: '123', caseSensitive: false, ambiguous: false },
    // Lower case before letters only: "İ" lower-cases to "i" and a combining dot, which is not a letter.
    { form: 'İS', caseSensitive: true, ambiguous: true },
    { form: 'Ürümqi', caseSensitive: false, ambiguous: false },
  ])('$form: case-sensitive $caseSensitive, ambiguous $ambiguous', ({ form, caseSensitive, ambiguous }) => {
    expect(entryFor(form, base)).toEqual({ ...base, caseSensitive, ambiguous });
  });
});
