import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { evaluateGold, parseTypes, annotatedExtent } from '../../src/eval/evaluate.js';
import { readGold, type GoldDoc } from '../../src/eval/gold.js';
import { compromiseDateValue } from '../../src/eval/baseline.js';
import { isDemonym } from '../../src/eval/spans.js';
import { SitrepInputError, SitrepOptionError } from '../../src/errors.js';
import type { EntitySpansResult } from '../../src/eval/entity-spans.js';
import type { DateValuesResult } from '../../src/eval/date-values.js';
import { ROOT } from '../support/annotate.js';

const text = 'The Taliban seized Kabul on 15 August 2021. Syrian officials met in Moscow.';
const span = (t: string, coarse: string, value?: string) => {
  const start = text.indexOf(t);
  return { start, end: start + t.length, type: coarse, coarse, text: t, ...(value ? { value } : {}) };
};
const doc: GoldDoc = {
  id: 'd1',
  text,
  doc_date: '2021-08-20',
  entities: [span('Taliban', 'GROUP'), span('Kabul', 'LOCATION'), span('15 August 2021', 'DATE', '2021-08-15'), span('Syrian', 'LOCATION'), span('Moscow', 'LOCATION')],
};

describe('evaluateGold on a hand-made document', () => {
  const { report, text: printed } = evaluateGold([doc]);
  const ent = report.sections.entities as EntitySpansResult;

  it('scores sitrep per type, exact and relaxed, beside the baseline', () => {
    expect(ent.types.group!.gold).toBe(1);
    expect(ent.types.group!.sitrep.exact.tp).toBe(1);
    expect(ent.types.location!.sitrep.exact).toMatchObject({ tp: 2, gold: 2 });
    expect(ent.types.date!.sitrep.exact.f1).toBe(1);
    expect(ent.types.group!.baseline).toBeDefined();
  });

  it('scores the parts alone too: the tagger without the rules, the rules without the tagger', () => {
    expect(ent.micro.tagger).toBeDefined();
    expect(ent.micro.rules).toBeDefined();
    expect(ent.types.location!.tagger!.exact.tp).toBeGreaterThan(0);
    expect(printed()).toMatch(/Entities by part: exact F1 \/ relaxed F1\n.*tagger alone.*rules alone.*sitrep \(both\).*plain compromise/u);
  });

  it('leaves nominal mentions unscored for gold that annotates names only (CoNLL), and says so', () => {
    const t = 'The government said police had arrested Taliban fighters in Kabul.';
    const at = t.indexOf('Kabul');
    const tb = t.indexOf('Taliban');
    const gold = (id: string): GoldDoc => ({
      id,
      text: t,
      entities: [
        { start: at, end: at + 5, type: 'LOC', coarse: 'LOCATION', text: 'Kabul' },
        { start: tb, end: tb + 7, type: 'ORG', coarse: 'GROUP', text: 'Taliban' },
      ],
    });
    const names = evaluateGold([gold('conll2003_testa-999')], { types: ['group', 'location'] }).report;
    const all = evaluateGold([gold('other-1')], { types: ['group', 'location'] }).report;
    const fp = (r: typeof names) => {
      const c = (r.sections.entities as EntitySpansResult).micro.sitrep.exact;
      return c.pred - c.tp;
    };
    expect(fp(names)).toBe(0);
    expect(fp(all)).toBeGreaterThan(0);
    expect(names.notes.some((n) => /nominal, pro-form and coreference mentions not scored/u.test(n))).toBe(true);
  });

  it('leaves a gold location that is a demonym out of scoring, and says so', () => {
    expect(ent.demonymsExcluded).toBe(1);
    expect(printed()).toContain('demonyms left out');
  });

  it('scores date values on matched spans', () => {
    const dv = report.sections.dateValues as DateValuesResult;
    expect(dv).toMatchObject({ gold: 1, sitrep: { matched: 1, correct: 1, accuracy: 1 } });
  });

  it('leaves out types that the gold never annotates', () => {
    expect(report.typesWithoutGold).toEqual(['person']);
    expect(ent.types.person).toBeUndefined();
  });
});

describe('eval inputs', () => {
  it('--types group,date selects those two; by default every entity type is scored', () => {
    expect(parseTypes('group,date')).toEqual(['group', 'date']);
    expect(parseTypes(undefined)).toEqual(expect.arrayContaining(['group', 'location', 'date', 'person']));
  });

  it.each(['groups', 'group,places', ''])('rejects --types %j naming the bad value', (value) => {
    expect(() => parseTypes(value)).toThrow(SitrepOptionError);
  });

  it('names the file and line of a bad gold line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-gold-'));
    const f = join(dir, 'bad.jsonl');
    writeFileSync(f, `${JSON.stringify(doc)}\n{"id": "x", "text": "abc", "entities": [{"start": 1, "end": 9, "coarse": "GROUP"}]}\n`);
    expect(() => readGold(f)).toThrow(SitrepInputError);
    expect(() => readGold(f)).toThrow(/bad\.jsonl:2:1: .*outside the text/);
  });

  it('warns about a doc_date that is not ISO and annotates the document without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-gold-'));
    const f = join(dir, 'date.jsonl');
    writeFileSync(f, `${JSON.stringify({ ...doc, doc_date: '03-02-2009' })}\n`);
    const warnings: string[] = [];
    expect(readGold(f, warnings)[0].doc_date).toBeNull();
    expect(warnings[0]).toMatch(/date\.jsonl:1:1: .*doc_date/);
  });

  it('scores the whole text, except the lines a dataset profile says are annotated', () => {
    const text = 'L1\nL2\nL3\nL4\nL5\nL6\nL7 more.\nL8.';
    const entities = [{ start: 0, end: 2, type: 'X', coarse: 'OTHER', text: 'L1' }];
    expect(annotatedExtent({ id: 're3d-x', text, entities })).toBe(text.length);
    expect(annotatedExtent({ id: 'meantime-x', text, entities })).toBe(text.indexOf('\nL7'));
    expect(annotatedExtent({ id: 'meantime-short', text: 'A\nB', entities })).toBe(3);
  });

  it.each([
    [{ start: '2024-03-01T00:00:00.000Z', unit: 'month' }, '2024-03'],
    [{ start: '2021-01-01T00:00:00.000Z', unit: 'year' }, '2021'],
    [{ start: '2025-08-09T00:00:00.000Z', unit: 'day' }, '2025-08-09'],
    [{ start: null }, undefined],
  ])('baseline date value of %j is %s', (d, want) => {
    expect(compromiseDateValue(d)).toBe(want);
  });

  it.each([
    ['Syrian', true],
    ['Syrians', true],
    ['the Chechen', true],
    ['Syria', false],
    ['Moscow', false],
  ])('isDemonym(%s) is %s', (t, want) => {
    expect(isDemonym(t)).toBe(want);
  });
});

describe('sitrep eval (CLI)', () => {
  const cli = join(ROOT, 'dist', 'cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
  const gold = join(dir, 'gold.jsonl');
  writeFileSync(gold, `${JSON.stringify(doc)}\n`);

  it('prints per-type figures with the baseline in brackets', () => {
    const out = execFileSync('node', [cli, 'eval', '--gold', gold], { encoding: 'utf8' });
    expect(out).toMatch(/^group\s+1\s+\d+ \(\d+\)\s+\d\.\d\d \(\d\.\d\d\)/m);
    expect(out).toMatch(/^micro\s/m);
    expect(out).toContain('Date values');
  });

  it('prints one JSON object with --json, limited to --types', () => {
    const out = JSON.parse(execFileSync('node', [cli, 'eval', '--gold', gold, '--types', 'date', '--json'], { encoding: 'utf8' }));
    expect(out.types).toEqual(['date']);
    expect(Object.keys(out.sections.entities.types)).toEqual(['date']);
    expect(out.sections.dateValues.sitrep.accuracy).toBe(1);
  });

  it('exits 2 with a clear message for a bad --types or a missing file', () => {
    const bad = spawnSync('node', [cli, 'eval', '--gold', gold, '--types', 'groups'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('`groups`');
    const missing = spawnSync('node', [cli, 'eval', '--gold', join(dir, 'nope.jsonl')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.jsonl');
  });
});

describe('a country named as an actor (dataset-profiles.json: countryActors)', () => {
  const actorText = 'Australia said on Monday it would send troops to Iraq.';
  const gold = (id: string, coarse: string): GoldDoc => ({ id, text: actorText, entities: [{ start: 0, end: 9, type: coarse, coarse, text: 'Australia' }, { start: 49, end: 53, type: 'LOCATION', coarse: 'LOCATION', text: 'Iraq' }] });
  const scores = (d: GoldDoc) => (evaluateGold([d], { types: ['group', 'location'] }).report.sections.entities as EntitySpansResult).types;

  it.each([
    ['counts as a location by default, as CoNLL-2003 and WikiEvents label it', 'conll2003_testa-x', 'LOCATION', { location: 2, group: 0 }],
    ["counts as a group where the gold calls it an organisation (re3d)", 're3d-x', 'GROUP', { location: 1, group: 1 }],
  ])('%s', (_why, id, coarse, tp) => {
    const t = scores(gold(id, coarse));
    expect(t.location!.sitrep.exact.tp).toBe(tp.location);
    expect(t.group?.sitrep.exact.tp ?? 0).toBe(tp.group);
    expect(t.group?.sitrep.exact.fp ?? 0).toBe(0);
  });

  it('is wrong under the other convention (the profile decides)', () => {
    const t = scores(gold('re3d-x', 'LOCATION'));
    expect(t.location!.sitrep.exact.tp).toBe(1);
  });
});
