import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGold } from '../../src/eval/gold.js';
import { evaluateGold } from '../../src/eval/evaluate.js';
import { newWikiCounts, scoreWikiDoc } from '../../src/eval/events-wikievents.js';
import { countryCode, newMucCounts, scoreMucDoc } from '../../src/eval/events-muc4.js';
import { intervalOfValue, type EvalEvent } from '../../src/eval/events-types.js';
import type { EventsResult } from '../../src/eval/events-section.js';
import type { GoldDoc } from '../../src/eval/gold.js';
import { SHARED_EVAL } from '../support/annotate.js';
import { describeWithGold } from '../support/shared-gold.js';

const ev = (type: string, start: number, end: number, roles: EvalEvent['roles'] = [], subtype?: string): EvalEvent => ({ type, subtype, start, end, roles });

describe('WikiEvents scoring: triggers by overlap, typed and untyped; arguments on matched events', () => {
  const gold = [
    { type: 'Conflict.Attack.DetonateExplode', trigger: { start: 10, end: 17 }, arguments: [{ role: 'Attacker', start: 0, end: 5 }, { role: 'Place', start: 30, end: 36 }, { role: 'ExplosiveDevice', start: 20, end: 24 }] },
    { type: 'Justice.ArrestJailDetain.Unspecified', trigger: { start: 50, end: 58 }, arguments: [{ role: 'Detainee', start: 60, end: 65 }] },
    { type: 'Life.Die.Unspecified', trigger: { start: 70, end: 76 }, arguments: [] },
  ];

  it('counts a typed match, a type mismatch and a prediction of an unscored type', () => {
    const acc = newWikiCounts();
    const pred = [
      ev('attack', 12, 16, [{ role: 'actor', start: 0, end: 8 }, { role: 'place', start: 40, end: 45 }, { role: 'instrument', start: 20, end: 24 }], 'bombing'),
      ev('battle', 52, 56), // overlaps the arrest: matches untyped only
      ev('takeover', 70, 76), // not an attack or an arrest: not scored
    ];
    scoreWikiDoc(acc, gold, pred, 1000);
    expect(acc.untyped).toEqual({ tp: 2, pred: 2, gold: 2 });
    expect(acc.typed).toEqual({ tp: 1, pred: 2, gold: 2 });
    // Arguments of the typed match: actor overlaps Attacker; the place misses; the instrument is not scored.
    expect(acc.roles.actor).toEqual({ tp: 1, pred: 1, gold: 1 });
    expect(acc.roles.place).toEqual({ tp: 0, pred: 1, gold: 1 });
    expect(acc.args).toEqual({ tp: 1, pred: 2, gold: 2 });
  });

  it('does not judge predictions past the annotated part of the text', () => {
    const acc = newWikiCounts();
    scoreWikiDoc(acc, gold, [ev('attack', 12, 16), ev('attack', 900, 906)], 800);
    expect(acc.typed).toEqual({ tp: 1, pred: 1, gold: 2 });
  });
});

describe('MUC-4 scoring: type, country and date of each incident', () => {
  const incident = (type: string, iso: string, qualifier: string, country: string) => ({ type, date: { iso, qualifier }, location: { country } });
  const place = (country: string) => ({ role: 'place' as const, start: 0, end: 1, country });
  const time = (v: string) => ({ role: 'time' as const, start: 2, end: 3, interval: intervalOfValue(v) });

  it.each<[string, EvalEvent, ReturnType<typeof incident>, boolean]>([
    ['same type, country and day', ev('attack', 5, 9, [place('SV'), time('1989-11-12')], 'bombing'), incident('BOMBING', '1989-11-12', 'exact', 'EL SALVADOR'), true],
    ['a day inside a range', ev('attack', 5, 9, [place('CO'), time('1990-01-02')]), incident('ATTACK', '1989-11-27/1990-01-04', 'range', 'COLOMBIA'), true],
    ['on or before the gold date', ev('attack', 5, 9, [place('GT'), time('1990-01-20')], 'kidnapping'), incident('KIDNAPPING', '1990-02-04', 'on_or_before', 'GUATEMALA'), true],
    ['a month is not within one day', ev('attack', 5, 9, [place('SV'), time('1989-11')]), incident('ATTACK', '1989-11-12', 'exact', 'EL SALVADOR'), false],
    ['another country', ev('attack', 5, 9, [place('HN'), time('1989-11-12')]), incident('ATTACK', '1989-11-12', 'exact', 'EL SALVADOR'), false],
    ['an incompatible type', ev('attack', 5, 9, [place('SV'), time('1989-11-12')], 'kidnapping'), incident('BOMBING', '1989-11-12', 'exact', 'EL SALVADOR'), false],
    ['no time', ev('attack', 5, 9, [place('SV')]), incident('ATTACK', '1989-11-12', 'exact', 'EL SALVADOR'), false],
  ])('%s', (_why, e, inc, fits) => {
    const acc = newMucCounts();
    scoreMucDoc(acc, [inc], [e]);
    expect(acc.incidents).toBe(1);
    expect(acc.found).toBe(fits ? 1 : 0);
  });

  it('counts for precision only events of a relevant type that give a country and a date', () => {
    const acc = newMucCounts();
    scoreMucDoc(acc, [incident('ARSON', '1990-02-02', 'exact', 'GUATEMALA')], [
      ev('attack', 1, 2, [place('GT'), time('1990-02-02')], 'arson'),
      ev('attack', 3, 4, [place('GT')]),
      ev('arrest', 5, 6, [place('GT'), time('1990-02-02')]),
      ev('battle', 7, 8, [place('GT'), time('1990-03-02')]),
      ev('attack', 9, 10, [place('GT'), time('1990-03-02')], 'bombing'),
    ]);
    // A clash between armed forces is no MUC-4 incident (event-eval-map.json): the battle does not count.
    expect(acc).toMatchObject({ incidents: 1, found: 1, predicted: 2, correct: 1 });
  });

  it('reads upper-case country names', () => {
    expect(countryCode('EL SALVADOR')).toBe('SV');
    expect(countryCode('UNITED STATES')).toBe('US');
    expect(countryCode('NOWHERE LAND')).toBeUndefined();
  });
});

describe('sitrep eval prints an Events section only when the gold has events', () => {
  const doc = (events: unknown[]): GoldDoc => ({ id: 'g1', text: 'Rebels attacked the town of Goma on 3 May 2024, killing 5 people.', doc_date: '2024-05-04', entities: [], events });

  it('scores WikiEvents-style gold and prints it beside the keyword baseline', () => {
    const { report, text } = evaluateGold([doc([{ type: 'Conflict.Attack.Unspecified', trigger: { start: 7, end: 15 }, arguments: [{ role: 'Attacker', start: 0, end: 6 }] }])], { types: ['events'] });
    const r = report.sections.events as EventsResult;
    expect(r.triggers!.sitrep.typed).toMatchObject({ tp: 1, pred: 1, gold: 1 });
    expect(r.triggers!.sitrep.roles.actor).toMatchObject({ tp: 1, pred: 1, gold: 1 });
    expect(text()).toMatch(/^Events: attack and arrest triggers/m);
  });

  it('leaves the section out for gold without events', () => {
    const { report, text } = evaluateGold([doc([])], { types: ['events'] });
    expect(report.sections.events).toBeUndefined();
    expect(text()).not.toMatch(/Events/);
  });
});

/**
 * Regression guard: the figures reached on the shared dev gold (rounded down a little). Each file
 * is annotated once. The floors are typed trigger F1 ≥ 0.60 and argument F1 ≥ 0.40 on
 * WikiEvents; MUC-4 is reported (see the closing note for the figures and the command).
 */
const WIKI = join(SHARED_EVAL, 'wikievents_dev.jsonl');
const MUC = join(SHARED_EVAL, 'muc4_tst1_tst2.jsonl');

describeWithGold('event floors on WikiEvents dev', [WIKI], () => {
  const r = evaluateGold(readGold(WIKI), { types: ['events'] }).report.sections.events as EventsResult;
  const s = r.triggers!.sitrep;
  const b = r.triggers!.baseline;

  it('typed trigger F1 ≥ 0.70 (issue floor 0.60), untyped ≥ 0.70', () => {
    expect(s.typed.f1).toBeGreaterThanOrEqual(0.7);
    expect(s.untyped.f1).toBeGreaterThanOrEqual(0.7);
    expect(s.typed.f1).toBeGreaterThanOrEqual(b.typed.f1);
  });

  it('argument F1 ≥ 0.55 (issue 22), well above the keyword baseline', () => {
    expect(s.args.f1).toBeGreaterThanOrEqual(0.55);
    expect(s.args.f1).toBeGreaterThan(b.args.f1 + 0.15);
  });
});

describeWithGold('event floors on MUC-4 TST1+TST2', [MUC], () => {
  const r = evaluateGold(readGold(MUC), { types: ['events'] }).report.sections.events as EventsResult;
  const s = r.incidents!.sitrep;

  // Incidents, not event mentions: the document-level incidents the incident scorer keeps
  // (trained on MUC-4 DEV only; TST1+TST2 is never trained on). Issue floor: recall 0.45 at precision 0.50.
  it('finds incidents by type, country and date: recall ≥ 0.45 at precision ≥ 0.50', () => {
    expect(s.incidents).toBe(191);
    expect(s.recall).toBeGreaterThanOrEqual(0.45);
    expect(s.precision).toBeGreaterThanOrEqual(0.5);
  });
});
