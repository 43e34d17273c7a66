import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATE_RULES } from '../../src/recognize/date-rules.js';
import { ruleMatches } from '../../src/recognize/dates.js';
import { brownDocs } from '../../src/bench/brown.js';
import { CORPUS, SHARED_EVAL, corpusFiles } from '../support/annotate.js';

/** Every match of the rule's whole expression, the slow way (the look-behind left in). */
function plainMatches(re: RegExp, text: string): string[] {
  const out: string[] = [];
  const r = new RegExp(re.source, re.flags);
  for (let m = r.exec(text); m; m = r.exec(text)) {
    if (m[0].length === 0) r.lastIndex++;
    out.push(`${m.index}:${m[0]}`);
  }
  return out;
}

const fast = (rule: (typeof DATE_RULES)[number], text: string): string[] => [...ruleMatches(rule, text)].map((m) => `${m.index}:${m[0]}`);

// Texts where a match's first characters follow a letter or a digit, including letters outside the
// Basic Multilingual Plane (a surrogate pair before the match).
const EDGES = [
  'A1990 x2021 in 2021; 𝐀2021 and 𝐀 2021; Ω2021, 12May 2021, on 3 May 2021.',
  'QMarch 2024, last Monday, yMonday; early 2024 nearly 2024; the 1990s vs the1990s; 9 August 2025.',
  'Last week, yesterday morning (2024-03-05), 5/6/2021, 3.4.2022, 2 years ago, two years ago, 1990–95.',
  'From March to May 2024 and X–May 2024; in 300 BC, AD 711 and x300 BC; the same period last year, the same quarter a year earlier, the same month of last year.',
  // Rules the corpus and Brown never meet (the shared gold does): their texts ship here.
  'On 5-6 April 2016, November 16 - 17, from 12 to 14 March 2024 and x5-6 April; in the early hours of Sunday, the small hours of yesterday, wee hours of 3 May.',
  '',
];

function texts(): { name: string; text: string }[] {
  const out = EDGES.map((text, i) => ({ name: `edge ${i}`, text }));
  for (const f of corpusFiles()) out.push({ name: f, text: readFileSync(join(CORPUS, f), 'utf8') });
  for (const d of brownDocs(40)) out.push({ name: `brown ${d.name}`, text: d.text });
  for (const f of ['meantime_en', 'wikievents_dev', 're3d_dev']) {
    const p = join(SHARED_EVAL, `${f}.jsonl`);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n').slice(0, 40)) if (line.trim()) out.push({ name: f, text: (JSON.parse(line) as { text: string }).text });
  }
  return out;
}

describe('date rules scanned with their leading look-behind checked per match', () => {
  const all = texts();
  it.each(DATE_RULES.map((r) => [r.id, r] as const))('%s finds exactly what its whole expression finds', (_id, rule) => {
    let matches = 0;
    for (const t of all) {
      const want = plainMatches(rule.re, t.text);
      expect(fast(rule, t.text), t.name).toEqual(want);
      matches += want.length;
    }
    // Not vacuous: the texts exercise every rule… except those the samples never meet.
    if (matches === 0) expect.soft(rule.id).toBe('a rule the texts above exercise');
  });

  it('drops a match that follows a letter or a digit, and finds the one right after it', () => {
    const year = DATE_RULES.find((r) => r.id === 'rule:date/year')!;
    expect(fast(year, 'A1990 x2021 𝐀2021 in 2021')).toEqual(['22:2021']);
    expect(fast(year, '1990, 2021')).toEqual(['0:1990', '6:2021']);
  });
});

describe("a rule's `needs`: what every match of it holds, so that a text without it is not scanned", () => {
  const all = texts();
  it.each(DATE_RULES.filter((r) => r.needs).map((r) => [r.id, r] as const))('%s: every match holds it', (_id, rule) => {
    for (const t of all) for (const m of plainMatches(rule.re, t.text)) expect(rule.needs!.test(m.slice(m.indexOf(':') + 1)), `${t.name}: ${m}`).toBe(true);
  });

  it.each([
    ['rule:date/month-day-year', 'on June 3, 2021', true],
    ['rule:date/month-after-preposition', 'in March', true],
    ['rule:date/month-after-preposition', 'in march', false],
    ['rule:date/the-day', 'to end THE DAY', true],
    ['rule:date/the-day', 'to end the night', false],
    ['rule:date/year', 'in 2021', undefined],
  ] as const)('%s on %j: needs %s', (id, text, has) => {
    const rule = DATE_RULES.find((r) => r.id === id)!;
    expect(rule.needs?.test(text)).toBe(has);
  });
});
