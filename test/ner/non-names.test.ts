import { describe, expect, it } from 'vitest';
import { nameHead, notAName } from '../../src/ner/event-names.js';
import { commonAcronyms } from '../../src/ner/common-acronyms.js';
import { untypeNonNames } from '../../src/ner/non-names.js';
import { tagText } from '../../src/ner/tag-text.js';
import { annotate } from '../../src/index.js';
import { NER_SOURCE } from '../../src/recognize/ner-tagger.js';
import type { NerSpan } from '../../src/ner/tag.js';

describe('names that are none of sitrep types', () => {
  it.each([
    ['Boston Marathon', 'event'],
    ['Brussels Conference', 'event'],
    ['G7 Ise-Shima Summit', 'event'],
    ['London Olympics', 'event'],
    ['Bloody Friday', 'event'],
    ['Gulf War', 'event'],
    ['Minsk Agreement', 'event'],
    ['Al', 'particle'],
    ['bin', 'particle'],
    // Headed by a body of people, not the event word at its end.
    ['Organisation of Islamic Conference', null],
    ['National Football League', null],
    ['Islamic State', null],
    ['Boston', null],
    ['Conference Board of Canada', null],
  ])('%s → %s', (name, why) => {
    expect(notAName(name)).toBe(why);
  });

  it.each([
    ['Organisation of Islamic Conference', 'Organisation'],
    ['Boston Marathon', 'Marathon'],
    ['of', 'of'],
    ['', ''],
  ])('the head of %j is %j', (name, head) => {
    expect(nameHead(name)).toBe(head);
  });
});

describe('acronyms a document defines by a lower-case phrase', () => {
  it.each([
    ['an improvised explosive device (IED) blast', ['IED', 'IEDs']],
    ['unmanned aerial vehicles (UAVs) flew', ['UAV', 'UAVs']],
    ['a vehicle-borne improvised explosive device (VBIED) hit', ['VBIED', 'VBIEDs']],
    ['the internally displaced people (IDPs) in camps', ['IDP', 'IDPs']],
    ['rocket-propelled grenades and (RPG) launchers', []],
    // A capitalised long form names a group or a place: that is recognize/acronym-definitions' case.
    ['the Islamic State (IS) said', []],
    ['the Armed Forces of the Philippines (AFP) said', []],
    // Initials that do not spell it, a bracket with nothing before it, a word too long to be one.
    ['the car bomb (XY)', []],
    ['(IED) at the start', []],
    [`${'x'.repeat(100)} (XX)`, []],
  ])('%s → %j', (text, want) => {
    expect([...commonAcronyms(text)].sort()).toEqual([...want].sort());
  });

  it('costs a bracket its acronym length, whatever the text before it', () => {
    // A megabyte of lower-case words then a bracket: read back two words per letter at most.
    const text = `${'an improvised '.repeat(70_000)}explosive device (IED)`;
    expect([...commonAcronyms(text)]).toEqual(['IED', 'IEDs']);
  });
});

describe('untyping the tagger spans over non-names', () => {
  const span = (text: string, name: string, type: NerSpan['type'] = 'group'): NerSpan => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, cls: 'GRP', type, confidence: 0.8 };
  };

  it('keeps names, untypes events, particles and defined acronyms, and leaves offsets alone', () => {
    const text = 'The Boston Marathon bombers, the Al bu Nimr tribe and al-Shabaab used an improvised explosive device (IED); IEDs again.';
    const spans = [span(text, 'Boston Marathon'), span(text, 'Al', 'place'), span(text, 'al-Shabaab'), span(text, 'IEDs')];
    const out = untypeNonNames(spans, text);
    expect(out.map((s) => [text.slice(s.start, s.end), s.type])).toEqual([
      ['Boston Marathon', null],
      ['Al', null],
      ['al-Shabaab', 'group'],
      ['IEDs', null],
    ]);
    expect(out.map((s) => [s.start, s.end, s.confidence])).toEqual(spans.map((s) => [s.start, s.end, s.confidence]));
  });

  it('leaves a place inside an event name a place (the venue): "the London Olympics"', () => {
    const text = 'The London Olympics opened on Friday.';
    // The raw tagger reads the event as a group; without the untyping London gives way to it.
    expect(tagText(text).map((s) => [text.slice(s.start, s.end), s.type])).toContainEqual(['London Olympics', 'group']);
    const doc = annotate(text, { id: 'olympics' });
    expect(doc.mentions.map((m) => [m.text, m.type])).toContainEqual(['London', 'place']);
    expect(doc.mentions.filter((m) => m.type === 'group')).toEqual([]);
  });

  it('proposes no group for a device the text defines ("IEDs")', () => {
    const text = 'Insurgents have been using home-made IEDs to make roadside bombs, and an improvised explosive device (IED) was found.';
    expect(tagText(text).map((s) => [text.slice(s.start, s.end), s.type])).toContainEqual(['IEDs', 'group']);
    const doc = annotate(text, { id: 'ieds' });
    expect(doc.mentions.filter((m) => m.source === NER_SOURCE).map((m) => m.text)).not.toContain('IEDs');
    expect(doc.mentions.filter((m) => m.type === 'group').map((m) => m.text)).not.toContain('IEDs');
  });
});
