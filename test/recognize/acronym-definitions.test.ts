import { describe, expect, it } from 'vitest';
import { acronymDefinitions } from '../../src/recognize/acronym-definitions.js';
import type { PipelineContext } from '../../src/context.js';
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

/** The pattern this recognizer was first written with, over the whole text (quadratic in a long token): the reference. */
function byPattern(text: string): string[] {
  const DEFINITION = /((?:\p{Lu}[\p{L}\p{M}'’-]*|of|for|and|the|on|in|de|du|des|la|al)(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’-]*|of|for|and|the|on|in|de|du|des|la|al)){1,9})[ \t]+\((\p{Lu}[\p{Lu}\d&-]{1,9})\)/gu;
  const SMALL = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'des', 'la', 'al']);
  const longForm = (words: string[], acronym: string): number | undefined => {
    const letters = acronym.replace(/[^\p{Lu}]/gu, '');
    let k = letters.length - 1;
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i];
      if (SMALL.has(w.toLowerCase())) {
        if (k < 0) return i + 1;
        continue;
      }
      if (k < 0) return i + 1;
      if (w[0].toUpperCase() !== letters[k]) return undefined;
      k--;
      if (k < 0) return i;
    }
    return k < 0 ? 0 : undefined;
  };
  const out: string[] = [];
  for (let m = DEFINITION.exec(text); m; m = DEFINITION.exec(text)) {
    const acronym = m[2];
    const words = m[1].split(/[ \t]+/);
    const from = longForm(words, acronym);
    if (from === undefined) continue;
    const phrase = words.slice(from).join(' ').replace(/^(?:the|of|and)\s+/i, '');
    out.push(`${m.index + m[1].length - phrase.length}-${m.index + m[1].length}:${acronym}`);
    const use = new RegExp(`(?<![\\p{L}\\d-])${acronym.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\d-])`, 'gu');
    for (let u = use.exec(text); u; u = use.exec(text)) out.push(`${u.index}-${u.index + acronym.length}:${acronym}`);
  }
  return out;
}

/** What the recognizer proposes for `text`, with no lexicon names to leave out. */
function proposed(text: string): string[] {
  const out: string[] = [];
  const ctx = { text, lexicon: { matcher: { matchDocument: () => [] } }, propose: (c: { start: number; end: number; value?: string }) => out.push(`${c.start}-${c.end}:${c.value}`) };
  acronymDefinitions.run(ctx as unknown as PipelineContext);
  return out;
}

describe('acronym definitions found by a walk back from each bracket', () => {
  it.each([
    'The Popular Liberation Front (PLF) met. Later the PLF withdrew.',
    'xPopular Liberation Front (PLF) and within Liberation Front (ILF), PLF&ILF',
    'the Syria Recovery Trust Fund (SRTF) and the Fund\t\t(F) (SRTF)(SRTF) SRTF-x SRTF',
    'One Two Three Four Five Six Seven Eight Nine Ten Eleven (TE) and (NE) Eleven (ET)',
    'A B C D E F G H I J K (JK) 𝐀lpha Beta (𝐀B) Ébène Ville (ÉV) ÉV',
  ])('%s', (text) => {
    expect(proposed(text)).toEqual(byPattern(text));
  });

  it('agrees with the pattern on 3,000 random texts', () => {
    const pieces = ['Foo', 'Bar', 'Baz', 'of', 'in', 'the', 'des', 'de', 'within', 'xQ', ' ', ' ', ' ', '\t', '\n', ',', '(', ')', '(FB)', '(BF)', '(FBB)', '(F-B)', 'FB', 'BF', '-', '1', 'É', 'é'];
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (let t = 0; t < 3000; t++) {
      let text = '';
      for (let n = rand(40); n > 0; n--) text += pieces[rand(pieces.length)];
      expect(proposed(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('reads a long token once, not once per capital in it', () => {
    // 200,000 capitals in one token before a definition: the pattern's backtracking took seconds on 80,000.
    const token = 'Q'.repeat(200_000);
    const text = `${token} Popular Liberation Front (PLF) ${token}x (QX) PLF`;
    expect(proposed(text)).toEqual([`${200_001}-${200_025}:PLF`, `${200_027}-${200_030}:PLF`, `${text.length - 3}-${text.length}:PLF`]);
  });
});
