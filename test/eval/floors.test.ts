import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGold } from '../../src/eval/gold.js';
import { evaluateGold } from '../../src/eval/evaluate.js';
import type { EntitySpansResult } from '../../src/eval/entity-spans.js';
import { SHARED_EVAL } from '../support/annotate.js';

/**
 * Regression guard: sitrep's figures on the shared dev gold must not drop below what was reached
 * (rounded down a little). Each file is annotated once; every assertion reads that one run.
 * Figures are relaxed (overlap) F1 unless named otherwise; the baseline must stay below sitrep.
 */
const FLOORS: Record<string, Record<string, number>> = {
  // Location floors 0.01 lower since the trained tagger (issue 20): it finds places the re3d gold
  // covers by a long PERSON span ("the Special Advisor … for the Near East and South Asia") and
  // names (WikiEvents' headlines) it reads with another extent; group and person rose.
  re3d_dev: { group: 0.75, location: 0.86, person: 0.8 },
  wikievents_dev: { group: 0.71, location: 0.84 },
  // Business news: sitrep is level with the baseline on its locations, so only the floors are guarded.
  meantime_en: { location: 0.68, group: 0.41 },
};
/** Figures where sitrep must also stay above the baseline measured in the same run. */
const ABOVE_BASELINE = new Set(['re3d_dev', 'wikievents_dev']);

/** CoNLL-2003 testa (the tagger's dev set, ../shared/train): exact micro F1 of the tagger alone and of sitrep. */
const TESTA = join(SHARED_EVAL, '..', 'train', 'conll2003_testa.jsonl');

describe.runIf(existsSync(TESTA))('eval floors on CoNLL-2003 testa (exact spans)', () => {
  // Evaluated on first use: a skipped block's body still runs while tests are collected (a clone without ../shared/).
  let run: ReturnType<typeof evaluateGold>['report'] | undefined;
  const report = () => (run ??= evaluateGold(readGold(TESTA), { types: ['group', 'location', 'person'] }).report);
  it('the tagger alone ≥ 0.90, sitrep ≥ 0.85 (issue 20), the rules alone below both', () => {
    const micro = (report().sections.entities as EntitySpansResult).micro;
    expect(micro.tagger!.exact.f1).toBeGreaterThanOrEqual(0.9);
    expect(micro.sitrep.exact.f1).toBeGreaterThanOrEqual(0.85);
    expect(micro.rules!.exact.f1).toBeLessThan(micro.sitrep.exact.f1);
  });
  it('leaves nominal mentions unscored, saying so (CoNLL annotates names only)', () => {
    expect(report().notes.some((n) => /not scored: the gold annotates names only/u.test(n))).toBe(true);
  });
});

const files = Object.keys(FLOORS).filter((f) => existsSync(join(SHARED_EVAL, `${f}.jsonl`)));

describe.runIf(files.length > 0)('eval floors on the dev gold', () => {
  const results = new Map<string, EntitySpansResult>();
  for (const f of files) {
    const { report } = evaluateGold(readGold(join(SHARED_EVAL, `${f}.jsonl`)), { types: ['group', 'location', 'person'] });
    results.set(f, report.sections.entities as EntitySpansResult);
  }

  const rows = files.flatMap((f) => Object.entries(FLOORS[f]).map(([type, floor]) => [f, type, floor] as const));
  it.each(rows)('%s: %s relaxed F1 ≥ %d', (file, type, floor) => {
    const s = results.get(file)!.types[type as 'group']!;
    expect(s.sitrep.relaxed.f1).toBeGreaterThanOrEqual(floor);
    if (ABOVE_BASELINE.has(file)) expect(s.sitrep.relaxed.f1).toBeGreaterThan(s.baseline.relaxed.f1);
  });
});
