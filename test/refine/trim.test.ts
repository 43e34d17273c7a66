import { describe, expect, it } from 'vitest';
import { trimSpans } from '../../src/refine/trim.js';
import type { PipelineContext } from '../../src/context.js';
import type { Candidate, MentionType } from '../../src/doc.js';

/** Trim one candidate covering all of `text` and return what is left of it. */
function trimmed(type: MentionType, text: string): string {
  const c: Candidate = { type, start: 0, end: text.length, source: 'test', confidence: 1, priority: 1 };
  trimSpans.run({ text, candidates: [c] } as unknown as PipelineContext);
  return text.slice(c.start, c.end);
}

describe('refine/trim', () => {
  it.each([
    ['group', 'the Taliban’s,', 'Taliban'],
    ['group', '(ISIS)', 'ISIS'],
    ['country', 'the U.S.', 'U.S.'],
    ['country', 'the U.S.,', 'U.S.'],
    ['place', 'Kabul.', 'Kabul'],
    ['date', "'82", "'82"],
    ['date', '’90s', '’90s'],
    ['date', "in '82,", "in '82"],
    ['date', '"2021",', '2021'],
    ['date', "'s 2021", 's 2021'],
    ['date', '5 p.m.', '5 p.m.'],
    ['date', '5 p.m.,', '5 p.m.'],
    ['date', '10 a.m.)', '10 a.m.'],
    ['date', '575 B.C.', '575 B.C.'],
    ['date', 'A.D. 70.', 'A.D. 70'],
    ['date', '2021.', '2021'],
    ['date', 'the end of 2023.', 'the end of 2023'],
    ['date', 'March 2024 -', 'March 2024'],
  ] as const)('%s %j → %j', (type, text, want) => {
    expect(trimmed(type, text)).toBe(want);
  });
});
