import { describe, expect, it } from 'vitest';
import triggers from '../../src/lexicon/event-triggers.json' with { type: 'json' };
import roles from '../../src/lexicon/event-roles.json' with { type: 'json' };
import factuality from '../../src/lexicon/event-factuality.json' with { type: 'json' };
import { codesFor, eventData } from '../../src/events/data.js';
import { annotated } from './support.js';

const found = (text: string): string[] => annotated(text).events.map((e) => `${e.trigger.text}=${e.type}${e.subtype ? `/${e.subtype}` : ''}`);

describe('event triggers: the lexicon proposes, part of speech and context decide', () => {
  it.each<[string, string[]]>([
    ['Police shot the gunman.', ['shot=attack/shooting']],
    ['The army launched a counter-offensive in the east.', ['counter-offensive=offensive/offensive']],
    ["The rebels' offensive stalled.", ['offensive=offensive/offensive']],
    ['The coup in Niger ousted President Bazoum.', ['coup=takeover/coup']],
    ['Security forces raided a hideout in Kano.', ['raided=clampdown/raid']],
    ['The Taliban seized Kabul in August 2021.', ['seized=takeover/seizure of power or territory']],
    ['Rebels overran the garrison.', ['overran=takeover/seizure of power or territory']],
    ['Troops clashed with protesters.', ['clashed=battle/armed clash']],
    ['The militants ambushed a convoy.', ['ambushed=attack/armed assault']],
    ['A drone strike killed the commander.', ['drone strike=attack/air or drone strike']],
    ['They were taken hostage in Mali.', ['taken hostage=attack/kidnapping']],
    ['The bomb went off near the market.', ['went off=attack/bombing']],
    ['A suicide bomber blew himself up.', ['blew himself up=attack/suicide bombing']],
    ['Fighting erupted in Goma.', ['Fighting=battle/armed clash']],
    ['He was extradited to France.', ['extradited=arrest/extradition or rendition']],
    ["The government's crackdown on dissent intensified.", ['crackdown=clampdown/crackdown']],
    ['Attackers set fire to the church.', ['set fire to=attack/arson']],
    ['The missile attack on the port failed.', ['missile attack=attack/shelling']],
    ['An offensive in the country began in May.', ['offensive=offensive/offensive']],
  ])('%s → %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'Workers began a 48-hour strike in Lagos.',
    'He suffered a heart attack in 2019.',
    'The lawyer called the remarks offensive.',
    'It was an offensive remark.',
    'They bought a plot of land near Kabul.',
    'A court issued an arrest warrant for the commander.',
    'The minister struck a deal with the rebels.',
    "The film's plot twist surprised critics.",
    'The company announced a takeover bid.',
    'The fighting against corruption continues.',
    'A gas explosion destroyed a bakery.',
    'Soldiers captured the suspect.',
    'Dozens were held in a detention centre.',
    'She shot a video of the protest.',
    'The attack helicopters flew over the town.',
    'A sexual assault case was opened.',
    'An assault rifle was found.',
  ])('finds no event in "%s"', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('event lexicons are data with ids and reasons', () => {
  const d = eventData();

  it('gives every trigger entry a unique id, a reason, a known frame and codes for its type', () => {
    const ids = new Set<string>();
    for (const e of triggers.entries) {
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
      expect(e.reason.length, e.id).toBeGreaterThan(10);
      expect(d.frames.has(e.frame), `${e.id}: frame ${e.frame}`).toBe(true);
      const c = codesFor(e.type, (e as { subtype?: string }).subtype);
      expect(c.acled?.eventType, e.id).toBeTruthy();
      expect(c.plover?.category, e.id).toBeTruthy();
      expect(c.cameo, e.id).toMatch(/^\d{2}$/);
    }
  });

  it('covers the taxonomy of the issue: seven types and the attack subtypes', () => {
    const types = new Set(triggers.entries.map((e) => e.type));
    expect([...types].sort()).toEqual(['arrest', 'attack', 'battle', 'clampdown', 'offensive', 'plot', 'takeover']);
    const subtypes = new Set(triggers.entries.filter((e) => e.type === 'attack').map((e) => (e as { subtype?: string }).subtype));
    for (const s of ['armed assault', 'shooting', 'bombing', 'suicide bombing', 'arson', 'air or drone strike', 'shelling', 'kidnapping', 'assassination', 'massacre']) expect(subtypes.has(s), s).toBe(true);
  });

  it('uses only ACLED event types that exist', () => {
    const acled = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']);
    for (const [k, v] of d.codes) expect(acled.has(v.acled!.eventType), k).toBe(true);
  });

  it('gives every frame, support verb group and factuality cue a reason or an id', () => {
    for (const [id, f] of Object.entries(roles.frames)) expect((f as { reason?: string }).reason, id).toBeTruthy();
    for (const e of roles.supportVerbs.entries) expect(e.id).toBeTruthy();
    for (const c of factuality.cues) expect(c.reason, c.id).toBeTruthy();
  });
});
