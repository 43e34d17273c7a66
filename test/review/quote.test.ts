import { describe, expect, it } from 'vitest';
import { locateQuote, mentionKey, quoteAt, keyOccurrence } from '../../src/review/quote.js';

const TEXT = 'The Taliban took Kabul in 2021. Since then the Taliban have fought IS-KP in Nangarhar and the Taliban say they won.';

/** A quote of the n-th occurrence of `exact` in TEXT. */
function q(exact: string, n = 0) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = TEXT.indexOf(exact, at + 1);
  return quoteAt(TEXT, at, at + exact.length);
}

describe('locateQuote: finding a reviewed slice again', () => {
  it.each([
    ['unchanged text', TEXT, q('Taliban', 1), 'exact', 'the Taliban have'],
    ['text inserted before', `Editor's note: updated.\n\n${TEXT}`, q('Taliban', 1), 'moved', 'the Taliban have'],
    ['text inserted right after', TEXT.replace('have fought', 'have long fought'), q('Taliban', 1), 'context', 'the Taliban have long'],
    ['the first of three, text appended', `${TEXT} More later.`, q('Taliban', 0), 'exact', 'The Taliban took'],
    ['the last of three, an earlier one removed', TEXT.replace('Since then the Taliban have fought', 'Since then they have fought'), q('Taliban', 2), 'moved', 'the Taliban say'],
    ['a line break became a space', TEXT.replace('IS-KP in', 'IS-KP\nin'), q('IS-KP in Nangarhar'), 'context', 'IS-KP\nin Nangarhar'],
  ])('%s', (_, text, quote, how, around) => {
    const loc = locateQuote(text, quote)!;
    expect(loc).not.toBeNull();
    expect(loc.how).toBe(how);
    expect(text.slice(loc.start, loc.end).replace(/\s+/g, ' ')).toBe(quote.exact.replace(/\s+/g, ' '));
    const at = text.indexOf(around);
    expect(loc.start).toBeGreaterThanOrEqual(at);
    expect(loc.end).toBeLessThanOrEqual(at + around.length);
  });

  it.each([
    ['the quoted words are gone', TEXT.replace(/Taliban/g, 'movement'), q('Taliban', 1)],
    ['a short quote survives only in another context', 'Kabul fell. Rain in Kabul.', quoteAt('Mazar and Kabul in 2021, then Herat.', 10, 15)],
    ['an empty quote', TEXT, { start: 0, end: 0, exact: '', prefix: '', suffix: '' }],
  ])('cannot place it when %s', (_, text, quote) => {
    expect(locateQuote(text, quote)).toBeNull();
  });

  it('places the only occurrence of a long enough quote whose context changed completely', () => {
    const loc = locateQuote('Completely rewritten: Nangarhar is calm.', q('Nangarhar'))!;
    expect(loc.how).toBe('unique');
    expect(loc.start).toBe(22);
  });

  it('breaks a tie between identical contexts by the occurrence the key names', () => {
    const text = 'IS-KP attacked. IS-KP attacked. IS-KP attacked.';
    const quote = { ...quoteAt(text, 16, 21), prefix: '', suffix: ' attacked.' };
    const key = mentionKey(text, 'group', 16, 21);
    expect(key).toBe('group:IS-KP#1');
    // The old place (40, near the third) is not where it was: the key's occurrence wins over nearness.
    expect(locateQuote(text, { ...quote, start: 40, end: 45 }, { occurrence: keyOccurrence(key) })!.start).toBe(16);
    expect(locateQuote(text, { ...quote, start: 40, end: 45 })!.start).toBe(32);
  });
});
