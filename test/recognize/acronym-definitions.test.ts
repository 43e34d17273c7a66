import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

const groups = (text: string): string[] =>
  annotate(text, {}).mentions.filter((m) => m.type === 'group' && m.source === 'rule:group/acronym-definition').map((m) => `${m.text}@${m.start}`);

describe('organisations defined with their acronym', () => {
  it.each([
    ['The Popular Liberation Front (PLF) met. Later the PLF withdrew.', ['Popular Liberation Front@4', 'PLF@30', 'PLF@50']],
    // A hyphen in the acronym is a plain character, not pattern syntax (this once threw).
    ['Fighters of the Popular Liberation Front (PLF-2) attacked. Later the PLF-2 withdrew.', ['Popular Liberation Front@16', 'PLF-2@42', 'PLF-2@69']],
    // Later uses inside longer tokens are not the acronym.
    ['The Popular Liberation Front (PLF) met. XPLF and PLF-ish are other words.', ['Popular Liberation Front@4', 'PLF@30']],
    // Initials that do not spell the acronym: no definition.
    ['The Popular Liberation Front (ABC) met.', []],
  ])('%s', (text, want) => {
    expect(groups(text)).toEqual(want);
  });
});
