import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/recognize/phrase-matcher.js';
import { wordTokens } from '../../src/recognize/tokens.js';

const base = { source: 'lex:test', type: 'group' as const, key: 'group:x', confidence: 0.9, priority: 4 };

function matcher(): PhraseMatcher {
  const m = new PhraseMatcher();
  m.add('Islamic State', { ...base, key: 'group:is', caseSensitive: false, ambiguous: false });
  m.add('Islamic State Khorasan Province', { ...base, key: 'group:is-kp', caseSensitive: false, ambiguous: false });
  m.add('IS', { ...base, key: 'group:is', caseSensitive: true, ambiguous: true });
  m.add('al-Shabaab', { ...base, key: 'group:al-shabaab', caseSensitive: false, ambiguous: false });
  m.add('city', { ...base, type: 'place', key: '', caseSensitive: false, ambiguous: false, anyCase: true });
  return m;
}

function run(text: string): string[] {
  return matcher()
    .match(text, wordTokens(text))
    .map((x) => `${text.slice(x.start, x.end)}=${x.entry.key}`);
}

describe('PhraseMatcher', () => {
  it.each([
    ['Islamic State-Khorasan Province struck.', ['Islamic State-Khorasan Province=group:is-kp']],
    ['The Islamic State struck.', ['Islamic State=group:is']],
    ['Al Shabaab and al-Shabaab', ['Al Shabaab=group:al-shabaab', 'al-Shabaab=group:al-shabaab']],
    ['Fighters loyal to IS fled.', ['IS=group:is']],
    ['This is it.', []],
    ['Is it over?', []],
    ['THE ARMY SAID IS IS NOT HERE AND THE REBELS WERE THERE.', []],
    ['islamic state', []],
    ['the city fell', ['city=']],
    ['Islamic State - and', ['Islamic State=group:is']],
    ['Islamic\nState', []],
    ['Islamic  State', []],
    ['Islamic State\nKhorasan Province', ['Islamic State=group:is']],
    ['Islamic State-\nKhorasan Province', ['Islamic State=group:is']],
  ])('%j → %j', (text, want) => {
    expect(run(text)).toEqual(want);
  });

  it('answers again for the same text and tokens from what it found, and afresh for others or after a new form', () => {
    const m = matcher();
    const text = 'The Islamic State struck.';
    const tokens = wordTokens(text);
    const first = m.match(text, tokens);
    expect(m.match(text, tokens)).toBe(first);
    // Equal tokens in another list, or the same tokens under another text, are matched again.
    expect(m.match(text, wordTokens(text))).not.toBe(first);
    expect(m.match(text, wordTokens(text))).toEqual(first);
    const other = 'The Islamic State fled.';
    expect(m.match(other, tokens)).not.toBe(m.match(text, tokens));
    // A form added since: the next answer has it.
    m.add('The Islamic State', { ...base, key: 'group:the-is', caseSensitive: false, ambiguous: false });
    expect(m.match(text, tokens).map((x) => x.entry.key)).toEqual(['group:the-is', 'group:is']);
  });
});
