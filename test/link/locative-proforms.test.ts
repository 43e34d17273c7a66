import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

/** The pro-form mentions of a text as `form→antecedent entity` (or `form→-` when the antecedent is a common noun). */
function proforms(text: string): string[] {
  const doc = annotate(text);
  return doc.mentions
    .filter((m) => m.type !== 'person' && /^rule:(?:nominal\/)?proform/.test(m.source))
    .map((m) => `${m.type}:${m.text}→${m.entity ?? '-'}`);
}

describe('locative pro-forms (link/locative-proforms)', () => {
  it.each([
    // "where" is left out (re3d never marks it as a location): no mention, even right after a place.
    ['He was killed in the east London district of Barking, where he lived.', []],
    // Relative ", which" after a place, not when its verb tells of an event.
    ['Killings rocked Deir ez-Zor, which is controlled by the SDF.', ['place:which→place:geonames-170794']],
    ['Japan, which accounts for 7% of world output, entered recession.', ['country:which→country:JP']],
    ['Da’esh claimed the attack in Hasaka Province, which killed scores of civilians.', []],
    ['A bomb went off in Madrid, which killed 13 people.', []],
    ['Those countries which use the euro agreed.', []],
    // Possessive "its": the nearest noun heading its phrase decides; nouns inside prepositional phrases are passed over.
    ['Fighting spread to the north. The region became infamous for its lawlessness.', ['place:its→-']],
    ['The UK is working with its allies.', []],
    ['ISIL’s presence in the ancient site of Palmyra is a tragedy and its destruction would be terrible.', []],
    ['The group carried out atrocities in Dabiq and named its magazine after the town.', []],
    ['The company has told the US Treasury that it intends to use its option.', []],
    // Locative "there" after a place, in its sentence or the one after.
    ['US forces at the al-Tanf base in the Badia are there to keep pressure on IS.', ['place:there→place:badia']],
    ['Fighting went on in Mosul. They have changed their tactics there, a source said.', ['place:there→place:geonames-99072']],
    // Question words, existential "there" and the speaker's idioms are not pro-forms.
    ['Nobody knew where the bombs were.', []],
    ['There were no casualties in Kabul.', []],
    ['In Kabul, is there any doubt about it?', []],
    ['Kabul is calm, but there is a big debate out there about it.', []],
    ['He pointed from Kabul to the door: "Right over there."', []],
    ['Kabul was quiet. Two days later there, the talks began.', ['place:there→place:kabul']],
    // After a copula it speaks of presence unless a preposition follows; contractions are existential.
    ['Kabul was calm, but the will to fight is most definitely there.', []],
    ['Kabul was calm. What evidence is there of fraud?', []],
    ['Visitors love Kabul. There’s a museum and a market.', []],
  ])('%s', (text, expected) => {
    expect(proforms(text)).toEqual(expected);
  });

  it('a pro-form joins the entity of a named antecedent, and its span is its own word', () => {
    const text = 'Killings rocked Deir ez-Zor, which is controlled by the SDF.';
    const doc = annotate(text);
    const which = doc.mentions.find((m) => m.source === 'rule:proform/which')!;
    expect(text.slice(which.start, which.end)).toBe('which');
    expect(which.confidence).toBeLessThan(0.6);
    const entity = doc.entities.find((e) => e.id === which.entity)!;
    expect(entity.mentions).toContain(which.id);
    expect(entity.mentions.map((id) => doc.mentions.find((m) => m.id === id)!.text)).toContain('Deir ez-Zor');
    // No entity is named after the pro-form itself.
    expect(doc.entities.some((e) => /which/i.test(e.name))).toBe(false);
  });
});
