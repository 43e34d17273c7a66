import { describe, expect, it } from 'vitest';
import { cutLongSentence, MAX_CHARS } from '../../src/compromise-chunks.js';
import { nlp, viewTerms } from '../../src/nlp.js';

describe('long sentences cut for compromise', () => {
  it.each([
    // [sentence, max, pieces]
    ['short enough', 20, ['short enough']],
    ['aaaa bbbb; cccc dddd eeee', 12, ['aaaa bbbb; ', 'cccc dddd ', 'eeee']],
    ['aaaa, bbbb cccc dddd eeee', 12, ['aaaa, bbbb ', 'cccc dddd ', 'eeee']],
    ['aaaa\nbbbb; cccc dddd', 12, ['aaaa\nbbbb; ', 'cccc dddd']],
    // A token longer than the limit is never cut: the piece ends after it.
    ['a ' + 'x'.repeat(30) + ' b', 12, ['a ' + 'x'.repeat(30) + ' ', 'b']],
    ['x'.repeat(30), 12, ['x'.repeat(30)]],
  ])('%j at %i', (sentence, max, want) => {
    const got = cutLongSentence(sentence, max);
    expect(got).toEqual(want);
    expect(got.join('')).toBe(sentence);
  });

  it('parses a run-on line in pieces whose terms keep their offsets', () => {
    const text = `${'Rebels attacked the town, troops moved in '.repeat(200)}and left`;
    expect(text.length).toBeGreaterThan(MAX_CHARS * 2);
    const sentences = viewTerms(nlp(text));
    expect(sentences.length).toBeGreaterThan(2);
    for (const s of sentences) expect(s.map((t) => t.text).join(' ').length).toBeLessThanOrEqual(MAX_CHARS);
    for (const t of sentences.flat()) if (t.text) expect(text.slice(t.offset.start, t.offset.start + t.text.length)).toBe(t.text);
  });

  it('leaves a sentence of prose as compromise splits it', () => {
    const text = 'The Taliban took Kabul in August 2021. Rebels attacked the town; troops moved in.';
    expect(viewTerms(nlp(text)).length).toBe(2);
  });
});
