import { describe, expect, it } from 'vitest';
import { nlp } from '../../src/nlp.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { wordTokens } from '../../src/recognize/tokens.js';
import { nerTokens } from '../../src/ner/tokens.js';
import { shape, docStats, staticFeatures } from '../../src/ner/features.js';

const tokens = (text: string) => nerTokens(text, nlp(text), loadLexicon().matcher.match(text, wordTokens(text)));

describe('the tagger reads words', () => {
  it.each([
    ["England's captain", ['England', 'captain']],
    ["the rebels' camp", ['the', 'rebels', 'camp']],
    ['work for Syria.The European Union', ['work', 'for', 'Syria', 'The', 'European', 'Union']],
    ['President Bashar al-Assad fled', ['President', 'Bashar', 'al-Assad', 'fled']],
    ['Fighting in Idlib, Syria.', ['Fighting', 'in', 'Idlib', 'Syria']],
  ])('%s', (text, words) => {
    const t = tokens(text);
    expect(t.map((x) => x.word)).toEqual(words);
    for (const x of t) expect(text.slice(x.start, x.end)).toBe(x.word);
  });

  it('marks a possessive and the punctuation after a word', () => {
    const t = tokens("Kabul's police, they said.");
    expect(t[0]).toMatchObject({ word: 'Kabul', possessive: true });
    expect(t[1]).toMatchObject({ word: 'police', post: ',' });
  });

  it('puts a glued full stop between sentences', () => {
    const t = tokens('work for Syria.The European Union');
    expect(t[3].sentence).toBe(t[2].sentence + 1);
  });

  it('knows the lexicon entries a word is in, with its place in them', () => {
    const t = tokens('Fighters of the Islamic State Khorasan Province entered Kabul.');
    expect(t.find((x) => x.word === 'Kabul')!.gazetteer).toContain('place:U');
    expect(t.find((x) => x.word === 'Islamic')!.gazetteer.some((g) => g.startsWith('group:B'))).toBe(true);
  });

  it.each([
    ['Kabul', 'Xx'],
    ['ISIL', 'X'],
    ['CTF-50', 'X-d'],
    ['al-Shabaab', 'x-Xx'],
    ['1996-08-22', 'd-d-d'],
  ])('shape of %s is %s', (w, s) => {
    expect(shape(w)).toBe(s);
  });

  it('reads case from the whole document: a capitalised word in upper-case copy says little', () => {
    const upper = tokens('REBELS ATTACKED THE TOWN OF SAN MIGUEL ON FRIDAY, THE ARMY SAID IN A STATEMENT ISSUED IN SAN SALVADOR.');
    const stats = docStats(upper);
    expect(stats.upperCase).toBe(true);
    expect(staticFeatures(upper, 0, stats)).toContain('doc=upper');
    const mixed = tokens('Rebels attacked the town of San Miguel on Friday, the army said in a statement issued in San Salvador.');
    expect(docStats(mixed).upperCase).toBe(false);
  });
});
