import { describe, expect, it } from 'vitest';
import { annotated } from './support.js';

/**
 * Factuality from cue lexicons: a sentence in, `trigger=factuality` for every event out (text
 * order). Sentences are written for these tests.
 */
const facts = (text: string): string[] => annotated(text).events.map((e) => `${e.trigger.text}=${e.factuality}`);

describe('factuality', () => {
  it.each<[string, string[]]>([
    ['Rebels attacked the town on Monday.', ['attacked=asserted']],
    // negated
    ['The rebels did not attack the town.', ['attack=negated']],
    ["The rebels didn't attack the town.", ['attack=negated']],
    ['There were no attacks in Kabul last week.', ['attacks=negated']],
    ['The army denied that rebels attacked the town.', ['attacked=negated']],
    // hypothetical
    ['IS-KP could attack Kabul again.', ['attack=hypothetical']],
    ['The group might launch new attacks.', ['attacks=hypothetical']],
    ['Officials fear an attack on the capital.', ['attack=hypothetical']],
    ['Its offensive could resurge next year.', ['offensive=hypothetical']],
    ['Iran was accused of plotting an attack in Paris.', ['plotting=reported', 'attack=hypothetical']],
    ['Militants who can still strike at will remain in the forest.', ['strike=hypothetical']],
    // the words of a date are no cue: 'May' is a month here, not a modal
    ['On 10 May 2024 hundreds of fighters raided the town.', ['raided=asserted']],
    // claimed
    ['IS-KP claimed responsibility for the bombing in Kabul on Friday.', ['bombing=claimed']],
    ['JNIM claimed the ambush near Djibo.', ['ambush=claimed']],
    // reported
    ['According to the police, gunmen attacked a bus in Kano.', ['attacked=reported']],
    ['Gunmen reportedly attacked a bus in Kano.', ['attacked=reported']],
    ['Police said a bomb exploded in a market in Kano on Monday.', ['exploded=reported']],
    // generic
    ['The group carries out attacks abroad.', ['attacks=generic']],
    ['Militants frequently attack convoys.', ['attack=generic']],
    ['Such attacks are rare.', ['attacks=generic']],
    ['Attacks on aid workers have risen.', ['Attacks=generic']],
    ['Civilians are often killed in air strikes.', ['air strikes=generic']],
    // a plural tied to one occasion is not generic
    ['Dozens of militants were killed in Nigerian air strikes.', ['air strikes=asserted']],
    ['There were attacks in Kabul on Friday.', ['attacks=asserted']],
    // a foiled plot is still a plot
    ['Authorities foiled a plot against the parliament.', ['plot=asserted']],
  ])('%s → %j', (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });
});
