import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

/** `type:text` for every non-event mention of a text. */
function mentions(text: string): string[] {
  return annotate(text).mentions.filter((m) => m.type !== 'event' && m.type !== 'date').map((m) => `${m.type}:${m.text}`);
}

describe('entity recognizers: what they find', () => {
  it.each([
    ['Fighting in Idlib and Nangarhar spread to the Sahel.', ['place:Idlib', 'place:Nangarhar', 'place:Sahel']],
    ['Attacks in Moscow, Europe and Central Asia.', ['place:Moscow', 'place:Europe', 'place:Central Asia']],
    ['Talks were held in the U.S., the UK, the Netherlands, DRC and Ivory Coast.', ['country:U.S.', 'country:UK', 'country:Netherlands', 'country:DRC', 'country:Ivory Coast']],
    ['ISIS-K and Islamic State Khorasan Province are one.', ['group:ISIS-K', 'group:Islamic State Khorasan Province']],
    ['Al-Shabaab, HTS, JNIM and ISWAP attacked.', ['group:Al-Shabaab', 'group:HTS', 'group:JNIM', 'group:ISWAP']],
    ['The Houthis and Hezbollah condemned Wagner.', ['group:Houthis', 'group:Hezbollah', 'group:Wagner']],
    ['The Syrian government and the Ministry of Interior said so.', ['group:Syrian government', 'group:Ministry of Interior']],
    ['The Kachin Independence Army fought the Arakan Liberation Front.', ['group:Kachin Independence Army', 'group:Arakan Liberation Front']],
    ['The Government of Iraq and the Asad regime talked.', ['group:Government of Iraq', 'group:Asad regime']],
    ['With the Syria Recovery Trust Fund (SRTF) in place, the SRTF paid.', ['group:Syria Recovery Trust Fund', 'group:SRTF', 'group:SRTF']],
    // A titled person is the name; the title's words make no mention of their own; a title without a name is the person.
    ['Prime Minister Theresa May spoke.', ['person:Theresa May']],
    ['Russian Prime Minister Viktor Chernomyrdin said so.', ['nationality:Russian', 'person:Viktor Chernomyrdin']],
    ['Minister for the Middle East Tobias Ellwood met refugees.', ['person:Tobias Ellwood']],
    ['Education Minister Nagoum Yamassoum was freed.', ['person:Nagoum Yamassoum']],
    ['The Foreign Secretary spoke.', ['person:Foreign Secretary']],
    ['Afghan and Syrian refugees.', ['nationality:Afghan', 'nationality:Syrian']],
    ['Police arrested him near the city.', ['group:Police', 'person:him', 'place:city']],
    // A name across a bracket is the side with more words; the other is its acronym.
    ['The FOMC ( Federal Open Market Committee ) held rates.', ['group:FOMC', 'group:Federal Open Market Committee']],
    ['The UN Independent Commission of Inquiry (CoI) reported.', ['group:UN Independent Commission of Inquiry']],
    // A lower-case head after a name the tagger reads as a group describes it; after a person or a demonym it is part of the group.
    ["Russia 's Interfax news agency reported on Friday.", ['country:Russia', 'group:Interfax']],
    ['The NLD party won a landslide victory.', ['group:NLD']],
    ['The Assad government fell.', ['group:Assad government']],
  ])('%s', (text, want) => {
    expect(mentions(text)).toEqual(want);
  });

  it('links a country to ISO 3166 alpha-2 and alpha-3, and a demonym to its country', () => {
    const d = annotate('Syrian forces entered Syria.');
    const syria = d.entities.find((e) => e.id === 'country:SY')!;
    expect(syria.ids).toMatchObject({ iso2: 'SY', iso3: 'SYR' });
    expect(d.mentions.find((m) => m.text === 'Syria')!.value).toBe('SY');
  });

  it('links a gazetteer place to its country', () => {
    const d = annotate('Clashes in Tikrit.');
    const m = d.mentions.find((x) => x.text === 'Tikrit')!;
    expect(d.entities.find((e) => e.id === m.entity)!.country).toBe('country:IQ');
  });

  it('credits UCDP: a UCDP actor carries its UCDP id', () => {
    const d = annotate('The Kosovo Liberation Army attacked.');
    const e = d.entities.find((x) => x.type === 'group')!;
    expect(e.ids.ucdp).toMatch(/^\d+$/);
  });
});

describe('entity recognizers: what they must not find', () => {
  it.each([
    ['"is" is never a group', 'This is what it is. The army is here.', /^group:(is|Is|IS)$/],
    ['"US" in an all-capital wire is the pronoun', 'LET US KNOW WHAT THEY TOLD US ABOUT THE ATTACK.', /:US$/],
    ['"us" the pronoun is nothing', 'The minister told us about it.', /:us$/],
    ['"Jordan" in a person\'s name is not the country', 'Michael Jordan and Jordan Peterson spoke.', /^country:Jordan$/],
    ['"May" the verb is never a date', 'Talks may resume and troops may march.', /^date:/],
    ['a street is not its city', 'A bomb exploded on Oxford Street.', /^place:Oxford$/],
    ['a university is not its city', 'She studied at the University of York.', /^place:York$/],
    ['a town named like a surname is the surname', 'Construction worker Antonio Durán was hurt.', /^place:/],
    ['"city" in "city council" is not a place', 'The city council met.', /^place:city$/],
    ['a possessive country is still a place', "Venezuela's flag flew.", /^group:Venezuela$/],
    ['a name never runs across a comma', 'The attack came on Sunday, police said.', /^group:.*, /],
    ['a name never runs across a closing bracket and a dash', 'BOGOTA, 4 JAN 90 (AFP) -- POLICE ARRESTED FOUR MEN.', /^group:.*\) /],
    ['a name never runs across a spaced dash', 'The Abu Sayyaf group – Philippine Army officers said – fled.', /^group:.* – /],
  ])('%s', (_why, text, bad) => {
    const all = annotate(text, { date: '2025-08-10' }).mentions.map((m) => `${m.type}:${m.text}`);
    expect(all.filter((m) => bad.test(m))).toEqual([]);
  });
});
