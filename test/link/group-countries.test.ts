import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { stateBodyCountry } from '../../src/link/group-countries.js';
import { EntityBook } from '../../src/review/link-reviewed.js';
import type { AnnotatedDoc, Mention } from '../../src/doc.js';

/** The entity of the mention written as `text` in the annotated sentence. */
function entityOf(sentence: string, text: string) {
  const doc = annotate(sentence);
  const m = doc.mentions.find((x) => x.text === text);
  return { mention: m, entity: m?.entity ? doc.entities.find((e) => e.id === m.entity) : undefined };
}

describe('a group named for a country state body gets the country (link/group-countries)', () => {
  it.each([
    ['The Somali government said al-Shabaab fighters attacked a base.', 'Somali government', 'group:somali-government', 'country:SO'],
    ['The government of Somalia responded.', 'government of Somalia', 'group:government-of-somalia', 'country:SO'],
    ["Somalia's army attacked the town.", "Somalia's army", 'group:somalias-army', 'country:SO'],
    ['Kenyan troops responded on Monday.', 'Kenyan troops', 'group:kenyan-troops', 'country:KE'],
    ['The Nigerian army arrested ten men.', 'Nigerian army', 'group:nigerian-army', 'country:NG'],
    ['American troops left the base.', 'American troops', 'group:american-troops', 'country:US'],
    ['The U.S. Army left the base.', 'U.S. Army', 'group:u-s-army', 'country:US'],
    ['The Nigerian Air Force bombed the camp.', 'Nigerian Air Force', 'group:nigerian-air-force', 'country:NG'],
    ['The Federal Government of Somalia met elders.', 'Federal Government of Somalia', 'group:federal-government-of-somalia', 'country:SO'],
    ['The Government of the Sudan said so.', 'Government of the Sudan', 'group:government-of-the-sudan', 'country:SD'],
    ['The Taliban and Syrian governments met.', 'Syrian governments', 'group:syrian-governments', 'country:SY'],
    // A table's group keeps the table's country, whatever its name holds.
    ['Islamic State-Khorasan Province claimed it.', 'Islamic State-Khorasan Province', 'group:is-kp', 'country:AF'],
    // Not a state body, or no country: no country.
    ['The Syrian opposition rejected the plan.', 'Syrian opposition', 'group:syrian-opposition', undefined],
    ['Fighters clashed with Kurdish forces near the town.', 'Kurdish forces', 'group:kurdish-forces', undefined],
    ['The Somali Regional Government replied.', 'Somali Regional Government', 'group:somali-regional-government', undefined],
    ['Talks went on among the Taliban, Russia and Western governments.', 'Western governments', 'group:western-governments', undefined],
    // "South [Sudanese troops]": the mention lost "South", so "Sudanese" is not its country.
    ['South Sudanese troops arrived.', 'Sudanese troops', 'group:sudanese-troops', undefined],
  ])('%s → %s: %s, %s', (sentence, text, id, country) => {
    const { entity } = entityOf(sentence, text);
    expect(entity?.id).toBe(id);
    expect(entity?.country).toBe(country);
  });

  it('"Somali refugees" stays a nationality of Somalia, and "the government" alone makes no entity', () => {
    const doc = annotate('Somali refugees fled. The government said nothing.');
    expect(doc.mentions.filter((m) => m.type === 'group' && m.entity)).toEqual([]);
    expect(doc.mentions.find((m) => m.text === 'Somali')).toMatchObject({ type: 'nationality', entity: 'country:SO' });
    expect(doc.mentions.find((m) => m.text === 'government')?.entity).toBeUndefined();
  });
});

describe('the country of a state-body name', () => {
  const lexicon = loadLexicon();
  it.each([
    ['Somali government', 'country:SO'],
    ['Somalia’s army', 'country:SO'],
    ['Nigerian Armed Forces', 'country:NG'],
    ['Syrian government forces', 'country:SY'],
    ['the Government of Iraq', 'country:IQ'],
    ['US forces', 'country:US'],
    // "Congolese" is the demonym of both Congos; country-aliases.json writes it for the DRC.
    ['Congolese army', 'country:CD'],
    // A table's name starting there hides the demonym (the table gives its group's country).
    ['Somali National Army', undefined],
    ['Government of Iraq and Syria', undefined],
    ['Syrian Democratic Forces', undefined],
    ['Free Syrian Army', undefined],
    ['Kurdistan Regional Government', undefined],
    ['Qatar Airways', undefined],
    ['Somali refugees', undefined],
    ['government', undefined],
  ])('%s → %s', (text, country) => {
    expect(stateBodyCountry(text, lexicon)).toBe(country);
  });
});

describe("a reviewer's group mention", () => {
  it('named for a state body gets the country as the pipeline would give it', () => {
    const text = 'The Kenyan army moved.';
    const doc = { text, mentions: [], entities: [] } as unknown as AnnotatedDoc;
    const book = new EntityBook(doc);
    const m = { id: 'group-4-16', type: 'group', start: 4, end: 16, text: 'Kenyan army', source: 'review', confidence: 1 } as Mention;
    book.attach(m, 'group:kenyan-army');
    book.commit();
    expect(doc.entities).toMatchObject([{ id: 'group:kenyan-army', country: 'country:KE' }]);
  });
});
