import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mostlyUpper, truecaseView, truecaseWord } from '../../src/segment/truecase.js';
import { ingestDocument } from '../../src/ingest/index.js';
import { annotateIngested } from '../../src/pipeline.js';
import { CORPUS, SAMPLE } from '../support/annotate.js';
import type { AnnotatedDoc } from '../../src/doc.js';

describe('the truecased view of text in capitals', () => {
  it.each([
    ['English words go to lower case, names are capitalised, a date\'s month too', 'GUERRILLAS ATTACKED THE FARM IN SAN SALVADOR ON 4 FEB 90, THE ARMY SAID.', 'Guerrillas attacked the farm in San Salvador on 4 Feb 90, the army said.'],
    ['acronyms the tables know stay in capitals, and the short parts of a compound beside one', 'THE FMLN AND ISIS CLAIMED THE IS-KP ATTACK ON THE EMBASSY IN KABUL.', 'The FMLN and ISIS claimed the IS-KP attack on the embassy in Kabul.'],
    ['a word after a full stop starts a sentence', 'POLICE ARRESTED TWO MEN. THEY WERE RELEASED ON MONDAY.', 'Police arrested two men. They were released on Monday.'],
    ['an unknown long word is a name; an unknown English derivative is not', 'COLONEL ISAACS SAID THE REACTIVATED CELLS WERE COLLABORATING.', 'Colonel Isaacs said the reactivated cells were collaborating.'],
    ['a word often in lower case is Capitalised only before a capitalised word', 'WHILE INTERSTATE COORDINATION IMPROVES IN THE NORTH OF KABUL AND IN NORTH KABUL.', 'While interstate coordination improves in the north of Kabul and in North Kabul.'],
    ['…not across punctuation, nor at the end of a passage', 'THE NORTH, KABUL SAID, AND THE NORTH', 'The north, Kabul said, and the north'],
  ])('%s', (_why, text, expected) => {
    const view = truecaseView(text);
    expect(view).toBe(expected);
    expect(view).toHaveLength(text.length);
  });

  it.each([
    ['mixed-case text', 'Mixed case text stays as it is, even with NATO in it.'],
    ['a short heading in capitals', 'BREAKING NEWS'],
    ['a mixed paragraph beside a paragraph in capitals keeps its case', 'An Ordinary Paragraph.'],
  ])('leaves alone %s', (_why, text) => {
    expect(truecaseView(text)).toBe(text);
  });

  it('reads each paragraph apart: only the one in capitals changes, offsets stay', () => {
    const text = 'A normal first paragraph by Reuters.\n\nTHE ARMY SAID THAT REBELS ATTACKED A CONVOY NEAR GOMA.';
    const view = truecaseView(text);
    expect(view).toBe('A normal first paragraph by Reuters.\n\nThe army said that rebels attacked a convoy near Goma.');
    expect(view.toUpperCase()).toBe(text.toUpperCase());
  });

  it('keeps a character whose lower case has another length (offsets never move)', () => {
    const text = 'THE MAYOR OF İSTANBUL SAID THE CITY WAS CALM TODAY.';
    const view = truecaseView(text);
    expect(view).toHaveLength(text.length);
    expect(view[text.indexOf('İ')]).toBe('İ');
    expect(view.startsWith('The mayor of')).toBe(true);
  });

  it('tells a mostly upper-case stretch', () => {
    expect(mostlyUpper('THE ARMY SAID THAT REBELS ATTACKED (AFP)')).toBe(true);
    expect(mostlyUpper('The army said that REBELS attacked a convoy near Goma today')).toBe(false);
    expect(truecaseWord('THE', true)).toBe('The');
    expect(truecaseWord('THE', false)).toBe('the');
  });
});

/** What a reader of the output compares: mentions by type, span and entity; events by type, trigger and roles. */
function summary(d: AnnotatedDoc): { mentions: string[]; entities: string[]; events: string[] } {
  return {
    mentions: d.mentions.map((m) => `${m.type} ${m.start}-${m.end} ${m.entity ?? ''}`),
    entities: d.entities.map((e) => e.id).sort(),
    events: d.events.map((e) => `${e.type}/${e.subtype ?? ''} ${e.trigger.start}-${e.trigger.end} ${e.factuality} ${e.roles.map((r) => `${r.role}:${r.start}-${r.end}`).join(',')}`),
  };
}

describe('a capitalised copy of the sample report', () => {
  const source = readFileSync(join(CORPUS, SAMPLE), 'utf8');
  const mixed = annotateIngested(ingestDocument(source, `corpus/${SAMPLE}`, SAMPLE, 'txt'));
  const upper = annotateIngested(ingestDocument(source.toUpperCase(), `corpus/${SAMPLE}`, SAMPLE, 'txt'));

  it('gives the same mentions, entities and events, its three attacks and takeovers with their roles', () => {
    expect(upper.text).toBe(mixed.text.toUpperCase());
    const a = summary(mixed);
    const b = summary(upper);
    expect(b.mentions).toEqual(a.mentions);
    expect(b.entities).toEqual(a.entities);
    expect(b.events).toEqual(a.events);
    expect(upper.events.filter((e) => e.roles.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps every span an exact slice of the text in capitals', () => {
    for (const m of upper.mentions) expect(upper.text.slice(m.start, m.end)).toBe(m.text);
    for (const e of upper.events) {
      expect(upper.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      for (const r of e.roles) expect(upper.text.slice(r.start, r.end)).toBe(r.text);
    }
    expect(upper.mentions.find((m) => m.entity === 'group:taliban')?.text).toBe('TALIBAN');
  });
});
