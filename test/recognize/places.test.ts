import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';
import towns from '../../src/lexicon/places-conflict-towns.json' with { type: 'json' };

/** `type:text` of every mention but dates and events, in text order. */
function mentions(text: string): string[] {
  return annotate(text)
    .mentions.filter((m) => m.type !== 'date' && m.type !== 'event')
    .map((m) => `${m.type}:${m.text}`);
}

describe('names of several words in text written in capitals', () => {
  // The truecased view lower-cases a common first word ("NEW" → "new"); the writer's capitals say nothing of it.
  it.each([
    ['POLICE IN NEW YORK SAID ON FRIDAY THAT THE GUNMEN FLED TO NEW JERSEY.', ['place:NEW YORK', 'place:NEW JERSEY'], ['place:YORK', 'country:JERSEY']],
    ['EASTERN DIVISION\nW L PCT GB\nNEW YORK 74 59 .556 -\nBALTIMORE 70 63 .526 4', ['place:NEW YORK'], ['place:YORK']],
    // In mixed case a lower-case first word is still no part of the name.
    ['Officials met in east London on Friday.', ['place:London'], ['place:east London']],
  ])('%s', (text, want, not) => {
    const got = mentions(text);
    for (const w of want) expect(got).toContain(w);
    for (const n of not) expect(got).not.toContain(n);
  });
});

describe('places a gazetteer of conflict zones knows', () => {
  it.each([
    ['Dabiq held symbolic importance to ISIL.', 'place:Dabiq'],
    ['Aid finally reached Madaya.', 'place:Madaya'],
    ['The regime attacked Daraya again.', 'place:Daraya'],
    ['ISIL was pushed out of Kobane.', 'place:Kobane'],
    ['Fighters entered Kobani in 2014.', 'place:Kobani'],
    ['ISIL reached Palmyra.', 'place:Palmyra'],
    ['Chemical weapons were used in Marea.', 'place:Marea'],
    ['Clashes were reported near Sarmin.', 'place:Sarmin'],
    ['The army entered Deir ez-Zor.', 'place:Deir ez-Zor'],
    ['Shelling hit Deir al-Zour overnight.', 'place:Deir al-Zour'],
    ['Militants attacked Mocímboa da Praia.', 'place:Mocímboa da Praia'],
    ['Troops withdrew from Bakhmut.', 'place:Bakhmut'],
  ])('%s → %s', (text, want) => {
    expect(mentions(text)).toContain(want);
  });

  it('links a curated town to its GeoNames entry and country, and spellings of it to one entity', () => {
    const d = annotate('ISIL was pushed out of Kobane. Kobani was rebuilt. Ayn al-Arab lies on the border.');
    const ids = new Set(d.mentions.filter((m) => m.type === 'place' && m.source.startsWith('lex:')).map((m) => m.entity));
    expect(ids.size).toBe(1);
    const e = d.entities.find((x) => x.id === [...ids][0])!;
    expect(e).toMatchObject({ name: 'Kobani', country: 'country:SY', ids: { geonames: '172256' } });
  });

  it('has no form that is an English word on its own', () => {
    const forms = towns.entries.flatMap((t) => t.forms.map((f) => f.toLowerCase()));
    for (const word of ['hit', 'tank', 'mari', 'kale', 'karen', 'chin', 'sana', 'ana']) expect(forms).not.toContain(word);
  });
});

describe('places named with a classifying noun', () => {
  it.each([
    ['He preached in the east London district of Barking.', ['person:He', 'place:London district', 'place:Barking']],
    ['The army moved in to the Bogside area of Derry.', ['group:army', 'place:Bogside area', 'place:Derry']],
    ['Police in the city of Lyon were searching.', ['group:Police', 'place:city', 'place:Lyon']],
    // A plural place noun that introduces examples names a kind; part of a hyphenated word is no noun.
    ['Historic cities such as Aleppo were destroyed.', ['place:Aleppo']],
    ['They freed key towns in Northern Iraq including Rabiyah and Zumar.', ['country:Iraq', 'place:Rabiyah', 'place:Zumar']],
    ['The towns were shelled.', ['place:towns']],
    ['A Land-Rover exploded.', []],
    // A predicate nominal describes its subject and names no place of its own.
    ['Mosul is the largest city controlled by Daesh.', ['place:Mosul', 'group:Daesh']],
    ["Badia remains the country's last hot spot.", ['place:Badia', 'place:country']],
  ])('%s', (text, want) => {
    expect(mentions(text)).toEqual(want);
  });
});

describe('a US city with its state abbreviated', () => {
  it('finds both, the state linked to its ISO 3166-2 entry', () => {
    const d = annotate('It showed an address in Redfield, S.D., Elliott said. Pa. said no.');
    expect(d.mentions.filter((m) => m.type === 'place').map((m) => [m.text, m.entity ?? null])).toEqual([
      ['Redfield', 'place:redfield'],
      ['S.D.', 'place:iso-US-SD'],
      // "Pa." (Pennsylvania) the trained tagger reads as a place of its own.
      ['Pa', 'place:pa'],
    ]);
    expect(d.entities.find((e) => e.id === 'place:iso-US-SD')).toMatchObject({ name: 'South Dakota', country: 'country:US' });
  });
});

describe('a place inside a longer name is part of that name', () => {
  it.each([
    ['There are continued violations of the Minsk agreements.', []],
    ['This is in accordance with the Geneva Communique of 2012.', []],
    ['He spoke at the Manama Dialogue.', ['person:He']],
    ['It supports the U.S.-Iraq Strategic Framework Agreement.', []],
    // The street is a place where the tagger reads its whole name; the city in it is not.
    ['He visited Oxford Street.', ['person:He', 'place:Oxford Street']],
    // A facility run by a body of its name is that body where the tagger reads it so; the city in it is no place.
    ['James Rogers, a lecturer at the University of York, said so.', ['person:James Rogers', 'group:University of York']],
    // Other facilities are never groups ('Villa Somalia', the tagger's group at 0.81 here).
    ['Oxford Street and Villa Somalia were shelled.', ['place:Oxford Street']],
    ['The London conference on Syria met.', ['place:London', 'country:Syria']],
    ['The Minister of Foreign Affairs of Iraq met Julie Bishop.', ['person:Minister of Foreign Affairs of Iraq', 'person:Julie Bishop']],
    ['Gareth Bayley, the UK Special Representative for Syria, said so.', ['person:Gareth Bayley', 'person:UK Special Representative for Syria']],
    // The name is cut where a given name begins or the title's grammar ends; 'Ash' is no given name compromise knows, so that title stays whole.
    ['U.S. Secretary of State Kerry and U.S. Secretary of Defense Ash Carter will host them.', ['person:Kerry', 'person:U.S. Secretary of Defense Ash Carter']],
    ['The UN commission of Inquiry on Syria published a report.', ['group:UN commission of Inquiry on Syria']],
    ['We stand with the people of Iraq.', ['group:people of Iraq']],
    // The trained tagger adds the two acronyms (issue 20).
    ["At the request of DFAT's Middle East Branch, ODE evaluated it.", ['group:DFAT', 'group:Middle East Branch', 'group:ODE']],
  ])('%s', (text, want) => {
    expect(mentions(text)).toEqual(want);
  });

  it.each([
    ['Neither MI5 nor the Manchester police responded.', ['group:MI5', 'place:Manchester', 'group:police']],
    ["The IRA's Belfast brigade detonated bombs.", ['group:IRA', 'place:Belfast']],
    ['Fighting reached Port Sudan.', ['place:Port Sudan']],
    ['However Eva Forest remained in prison.', ['person:Eva Forest']],
  ])('a city before a common noun is a place: %s', (text, want) => {
    expect(mentions(text)).toEqual(want);
  });

  it('a name never runs across a full stop', () => {
    expect(mentions('The gate stands in Babylon in Iraq. The U.S. Embassy paid for it.')).toContain('country:Iraq');
  });
});
