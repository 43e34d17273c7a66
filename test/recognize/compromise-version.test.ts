import { describe, expect, it } from 'vitest';
import { CHECKED_COMPROMISE, patchesFit } from '../../src/compromise-version.js';
import { nlp, stockCompromise } from '../../src/nlp.js';

describe('patches of compromise tied to the version they were checked against', () => {
  it.each([
    // [version, patched]
    [CHECKED_COMPROMISE, true],
    ['14.18.0', false],
    ['15.0.0', false],
    [undefined, false],
  ])('compromise %s: patched %s', (version, want) => {
    const lines: string[] = [];
    expect(patchesFit(version, (l) => lines.push(l))).toBe(want);
    // One notice per process at most, naming both versions.
    for (const l of lines) expect(l).toMatch(new RegExp(`^sitrep: compromise .* is installed, not the ${CHECKED_COMPROMISE.replace(/\./g, '\\.')} .*compromise's own matcher`));
  });

  it('a newer compromise gives the same tags with its own code: the patched and stock instances agree here', () => {
    const text = 'The Islamic State claimed the attack in Kabul on Sunday; the Taliban denied it.';
    const tags = (n: typeof nlp): string[][] => n(text).json().flatMap((s: { terms: { tags: string[] }[] }) => s.terms.map((t) => t.tags));
    expect(tags(nlp)).toEqual(tags(stockCompromise()));
  });
});
