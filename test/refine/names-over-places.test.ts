import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

/** Place and country mentions of a text, as their words. */
const places = (text: string): string[] => annotate(text).mentions.filter((m) => m.type === 'place' || m.type === 'country').map((m) => m.text);

describe('names over places (refine/person-names, refine/facility-names)', () => {
  it.each([
    // A place inside a person's name: after a given name, or joined by a patronymic.
    ['Abdifatah Aden Hassan spoke to reporters.', []],
    ['The aide, Ali Mosul Ahmed, left.', []],
    // A place inside a facility's name: a one-word prefix, a lower-case head after a name of several words.
    ['Troops guarded Villa Somalia overnight.', []],
    ['Flights left the Aden Adde airport at noon.', []],
    ['Gunmen attacked Lido beach at night.', []],
    // A place inside an organisation's name, before its head.
    ['The Syria Recovery Trust Fund paid.', []],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it.each([
    // A town a table knows under the whole name stays a place; a curated city before a facility head stays.
    ['Flights to Abu Dhabi resumed.', ['Abu Dhabi']],
    ['Flights left Mogadishu airport at noon.', ['Mogadishu']],
    ['Hassan met officials in Mosul.', ['Mosul']],
    ['Troops left Somalia in May.', ['Somalia']],
    // A full stop without its space ends the name: the country is not inside "Syria.The European Union".
    ['We coordinate our work for Syria.The European Union said so.', ['Syria']],
  ])('still a place: %s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });
});
