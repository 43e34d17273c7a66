import { describe, expect, it } from 'vitest';
import { annotated } from './support.js';

/**
 * Counts of the dead and the wounded, each with its evidence span: a sentence in, the
 * `kind=value qualifier "evidence"` of every count found (text order of events). Sentences are
 * written for these tests.
 */
function counts(text: string): string[] {
  const doc = annotated(text);
  const out: string[] = [];
  for (const e of doc.events) {
    for (const k of ['fatalities', 'injured'] as const) {
      const c = e[k];
      if (!c) continue;
      expect(doc.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
      out.push(`${e.trigger.text}:${k}=${c.value} ${c.qualifier} "${c.evidence.text}"`);
    }
  }
  return out;
}

describe('casualties with their evidence', () => {
  it.each<[string, string[]]>([
    ['Gunmen attacked a concert hall near Moscow, killing at least 145 people.', ['attacked:fatalities=145 atLeast "killing at least 145 people"']],
    [
      'A car bomb exploded outside a hotel in Mogadishu, killing at least 12 people and wounding 30.',
      ['exploded:fatalities=12 atLeast "killing at least 12 people"', 'exploded:injured=30 exact "wounding 30"'],
    ],
    ['According to local officials, the blast killed five soldiers.', ['blast:fatalities=5 exact "killed five soldiers"']],
    [
      'Three policemen were killed and two dozen were wounded when militants ambushed their patrol.',
      ['ambushed:fatalities=3 exact "Three policemen were killed"', 'ambushed:injured=24 exact "two dozen were wounded"'],
    ],
    ['The attack left 12 dead and more than 40 injured.', ['attack:fatalities=12 exact "left 12 dead"', 'attack:injured=40 atLeast "more than 40 injured"']],
    ['The death toll from the bombing rose to 30 on Sunday.', ['bombing:fatalities=30 exact "death toll from the bombing rose to 30"']],
    ['About 1,200 people were wounded in the shelling.', ['shelling:injured=1200 about "About 1,200 people were wounded"']],
    ['Nearly 40 soldiers died in the ambush.', ['ambush:fatalities=40 atMost "Nearly 40 soldiers died"']],
    // a year is not a count, a vague number is left out, an arrest has no casualties
    ['The 2019 attack killed dozens of people.', []],
    ['Police arrested 12 people after the raid.', []],
    ['In 2015, 30 people were killed in Kabul.', []],
  ])('%s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });
});
