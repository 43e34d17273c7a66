import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

/** The person pro-forms of a text: "word→name of the entity it is linked to" ('-' when none). */
function pronouns(text: string): string[] {
  const doc = annotate(text);
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  for (const m of doc.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  return doc.mentions
    .filter((m) => m.type === 'person' && /^rule:(?:nominal\/)?proform/.test(m.source))
    .map((m) => `${m.text}→${m.entity ? names.get(m.entity) : '-'}`);
}

describe('person pro-forms (link/person-proforms)', () => {
  it.each([
    // A third-person pronoun refers to the nearest person before it.
    ['John Kerry arrived in Kabul on Monday. He met the president.', ['He→John Kerry']],
    ['Hamid Karzai was seen in Kabul. His convoy was attacked.', ['His→Hamid Karzai']],
    // Gender: a given name or a title before the name rules a person out.
    ['Mary Robinson met John Smith in Geneva. She said the talks went well.', ['She→Mary Robinson']],
    ['Mrs Jones met Peter Brown in Geneva. She spoke first.', ['She→Jones']],
    ['Mr Jones met Mary Brown in Geneva. He spoke first.', ['He→Mr Jones']],
    // A chain: a later pronoun follows an earlier one when the name is further back than the window.
    ['Maria Lopez left. She came back. It rained. It snowed. Later she spoke.', ['She→Maria Lopez', 'she→Maria Lopez']],
    // Too far back: no referent.
    ['Maria Lopez left. It rained. It snowed. It cleared. She came back.', ['She→-']],
    // The first person: the speaker named in the sentence, or introduced by the one before.
    ['"I will not resign," Nicolas Maduro said.', ['I→Nicolas Maduro']],
    ['Minister Tobias Ellwood said:\n\nI am deeply relieved by the news.', ['I→Tobias Ellwood']],
    // No person to refer to: still a person, of no entity.
    ['He was arrested at the border.', ['He→-']],
  ])('%s', (text, expected) => {
    expect(pronouns(text)).toEqual(expected);
  });

  it.each([
    // Not the pronoun: a numeral of a name, Maine in capitals, a unit.
    ['World War I ended in 1918.'],
    ['Louis I was crowned.'],
    ['The I Corps moved north.'],
    ['The company is based in PORTLAND, ME.'],
    // Plural and other pronouns are left to the group linker or to no one.
    ['The rebels said they would fight.'],
    ['We will stand by you.'],
  ])('no person pro-form in %s', (text) => {
    expect(pronouns(text)).toEqual([]);
  });
});
