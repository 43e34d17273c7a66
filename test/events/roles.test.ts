import { describe, expect, it } from 'vitest';
import { lines } from './support.js';

/**
 * Who did what to whom, where and when: a sentence in, every event of it out as a compact line
 * (see support.ts). Each row lists ALL the events the sentence holds, so a row also fails when an
 * event or a role is extra. The sentences are written for these tests.
 */
describe('event roles from the grammar of the sentence', () => {
  it.each<[string, string, string[]]>([
    [
      'active verb: coordinated subjects, object, place with its country, date',
      'Taliban gunmen and suicide bombers attacked an army base in Helmand Province, Afghanistan, on 3 March 2019.',
      ['attack "attacked" [asserted] actor=Taliban gunmen; actor=suicide bombers; target=army base; place=Helmand Province; place=Afghanistan; time=3 March 2019'],
    ],
    [
      'passive voice: "by" gives the actor, the subject is the target',
      'The police station was attacked by al-Shabaab fighters in Mogadishu.',
      ['attack "attacked" [asserted] actor=al-Shabaab fighters; target=police station; place=Mogadishu'],
    ],
    [
      'relative clause: the subject is the noun phrase before "who"',
      'Boko Haram militants who attacked the village fled into the forest.',
      ['attack "attacked" [asserted] actor=Boko Haram militants; target=village'],
    ],
    [
      'possessive: "X\'s attack on Y"',
      "IS-KP's attack on the Kabul airport killed at least 170 people.",
      ['attack "attack" [asserted] actor=IS-KP; target=Kabul airport; place=Kabul | dead=170 atLeast "killed at least 170 people"'],
    ],
    [
      'nominal: a group before the noun is the actor, "of" a country is the place, a date after it the time',
      'The M23 takeover of Goma in January 2025 displaced thousands.',
      ['takeover/seizure of power or territory "takeover" [asserted] actor=M23; place=Goma; time=January 2025'],
    ],
    [
      'support verb: the subject of "launched" is the actor of the offensive',
      'HTS launched an offensive against government forces in Idlib in November 2024.',
      ['offensive/offensive "offensive" [asserted] actor=HTS; target=government forces; place=Idlib; time=November 2024'],
    ],
    [
      'a claim of responsibility gives the actor and the factuality',
      'JNIM claimed the ambush near Djibo.',
      ['attack/armed assault "ambush" [claimed] actor=JNIM; place=Djibo'],
    ],
    [
      'a passive governing verb after the noun: "the attack … was carried out by X"',
      'The attack on the convoy was carried out by ISWAP.',
      ['attack "attack" [asserted] actor=ISWAP; target=convoy'],
    ],
    [
      'air strikes: the nationality before the noun is the side that fires; "hit" gives the target, a named place that is also where',
      'Russian airstrikes hit Idlib province overnight.',
      ['attack/air or drone strike "airstrikes" [asserted] actor=Russian; target=Idlib province; place=Idlib province'],
    ],
    [
      'a nationality before a drone strike is its actor, "on" its target',
      'The Houthi drone strike on the tanker came two days after the ceasefire.',
      ['attack/air or drone strike "drone strike" [asserted] actor=Houthi; target=tanker'],
    ],
    [
      'coordinated verbs share their subject; each keeps its own object',
      'Gunmen stormed a school and abducted 80 pupils in Zamfara state.',
      ['attack/armed assault "stormed" [asserted] actor=Gunmen; target=school', 'attack/kidnapping "abducted" [asserted] actor=Gunmen; target=pupils; place=Zamfara state'],
    ],
    [
      'a past tense compromise tags as a noun still reads as the verb',
      'Wagner fighters and Malian troops massacred villagers in Moura in March 2022.',
      ['attack/massacre "massacred" [asserted] actor=Wagner fighters; actor=Malian troops; target=villagers; time=March 2022'],
    ],
    [
      'arrest: subject → actor (the jailer), object → target (the detainee)',
      'Soldiers arrested a suspected ISWAP commander in Maiduguri on Friday.',
      ['arrest/arrest "arrested" [asserted] actor=Soldiers; target=suspected ISWAP commander; place=Maiduguri; time=Friday'],
    ],
    [
      'clash: "between X and Y"',
      'Fighting between the army and the RSF in Khartoum killed dozens.',
      ['battle/armed clash "Fighting" [asserted] actor=army; target=RSF; place=Khartoum'],
    ],
    [
      'the explosion\'s subject is the device; place phrases stack',
      'Police said a bomb exploded in a market in Kano on Monday.',
      ['attack/bombing "exploded" [reported] place=market; place=Kano; time=Monday; instrument=bomb'],
    ],
    [
      'a passive "by" after an "of" phrase',
      'The shelling of Kharkiv by Russian forces damaged a hospital.',
      ['attack/shelling "shelling" [asserted] actor=Russian forces; target=Kharkiv; place=Kharkiv'],
    ],
    [
      'a takeover names its place; a plural noun after "after" is one occasion, not a habit',
      'Shabaab militants seized the town of Mahas after clashes with Ethiopian troops.',
      ['takeover/seizure of power or territory "seized" [asserted] actor=Shabaab militants; place=town of Mahas', 'battle/armed clash "clashes" [asserted] target=Ethiopian troops'],
    ],
    [
      'a place that is the target says where: no other place is borrowed',
      'HTS fighters captured the city of Aleppo in late November.',
      ['takeover/seizure of power or territory "captured" [asserted] actor=HTS fighters; place=city of Aleppo; time=late November'],
    ],
    [
      'the time falls back to a date in the same sentence that no other event has taken',
      'On 12 May, al-Shabaab fighters attacked a checkpoint.',
      ['attack "attacked" [asserted] actor=al-Shabaab fighters; target=checkpoint; time=12 May'],
    ],
    [
      'a date that belongs to another event is not borrowed',
      'Since the Taliban takeover of Afghanistan in 2021, the group has attacked mosques.',
      ['takeover/seizure of power or territory "takeover" [asserted] actor=Taliban; place=Afghanistan; time=2021', 'attack "attacked" [asserted] actor=group; target=mosques'],
    ],
    [
      'the subject of a count is its noun ("hundreds of fighters"), past a date',
      'On 10 May 2024 hundreds of fighters attacked the barracks.',
      ['attack "attacked" [asserted] actor=fighters; target=barracks; time=10 May 2024'],
    ],
    [
      'the subject is the head before a prepositional phrase',
      'Jihadist fighters in the Lake Chad basin have attacked an army base.',
      ['attack "attacked" [asserted] actor=Jihadist fighters; target=army base; place=Lake Chad basin'],
    ],
    [
      'no date and no place in the sentence: the roles stay empty, nothing is invented',
      'The militants attacked again.',
      ['attack "attacked" [asserted] actor=militants'],
    ],
  ])('%s', (_why, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});
