import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

/** The apposition's people and the places and groups of a text as `type:text`, with every span checked against the text. */
function mentions(text: string): string[] {
  const doc = annotate(text);
  for (const m of doc.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  return doc.mentions.filter((m) => m.source === 'rule:person/apposition' || ['place', 'country', 'group'].includes(m.type)).map((m) => `${m.type}:${m.text}`);
}

describe('people named before a describing apposition (recognize/appositive-people)', () => {
  it.each([
    // A role noun (compromise's Actor tag, a demonym, or a role word of the lexicon) or "who": a person, not the town inside the name.
    ['Neighbours of Salman Abedi, the British-Libyan who carried out the attack, spoke.', ['person:Salman Abedi']],
    ['FILE - Salman Abedi, the bomber behind the attack.', ['person:Salman Abedi']],
    ['Knox Thames, the Special Advisor, will travel.', ['person:Knox Thames']],
    ['Azamat Tazhayakov, a foreign student from Kazakhstan, was convicted.', ['person:Azamat Tazhayakov', 'country:Kazakhstan']],
    // Negative cases: a sentence's opening word, a place after a preposition, a name a table knows, one word only.
    ['But José, a bus driver, said he would vote.', []],
    ['He ate at Hunam Palace, in Junction City, who testified later.', ['place:Junction City']],
    ['Boko Haram, the group who kidnapped the girls, struck again.', ['group:Boko Haram', 'group:group']], // "the group": Boko Haram again, by coreference (issue 23)
    ['Kabul, the capital, was quiet.', ['place:Kabul', 'place:capital']],
  ])('%s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it('says what made it and is less sure than a listed name', () => {
    const doc = annotate('FILE - Salman Abedi, the bomber behind the attack.');
    const p = doc.mentions.find((m) => m.type === 'person')!;
    expect(p.source).toBe('rule:person/apposition');
    expect(p.confidence).toBeLessThan(0.7);
  });
});
