import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDateline } from '../../src/ingest/dateline.js';
import { annotate } from '../../src/index.js';
import { SHARED_EVAL } from '../support/annotate.js';

describe('document dates from datelines (ingest/dateline)', () => {
  it.each([
    // Wire copy: the dateline starts a long first line, with or without an agency; two-digit years.
    ['   SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARMED FORCES SAID TODAY THAT GUERRILLAS ATTACKED A POST IN THE NORTH OF THE COUNTRY', '1990-01-03', 'wire'],
    ['   GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] THE GUATEMALA ARMY DENIED TODAY THAT GUERRILLAS ATTACKED THE FARM', '1990-02-04', 'wire'],
    ['   MANAGUA (NICARAGUA), 11 DEC 89 (RADIO SANDINO) -- [NEWS CONFERENCE]', '1989-12-11', 'wire'],
    ['KABUL, 9 August 2025 - Taliban officials said', '2025-08-09', 'wire'],
    ['MOGADISHU, 2 AUG 24 -- GUNMEN STORMED A BEACH RESTAURANT', '2024-08-02', 'wire'],
    // Month first, with the year; without it the year comes from a header line.
    ['WASHINGTON, Jan. 3, 2024 (Reuters) - The Pentagon said', '2024-01-03', 'wire-month-first'],
    ['Published 2024-01-04\nBEIRUT, Jan. 3 (AFP) - The army said', '2024-01-03', 'agency'],
    ['Published 2025-01-02\nBEIRUT, Dec. 31 (AFP) - The army said', '2024-12-31', 'agency'],
    ['   BUENOS AIRES, 25 JAN (NA) -- [TEXT]\nFiled 1990-01-26', '1990-01-25', 'agency'],
    // "CITY (Reuters) -": the date is in a header line, ISO or written.
    ['Taliban seize Kunduz\n2024-05-06T10:00:00Z\nKUNDUZ (Reuters) - The Taliban', '2024-05-06', 'header'],
    ['Somalia: a new mission\n\n15 January 2025\n\nAl-Shabaab said', '2025-01-15', 'header'],
  ])('%s', (text, value, form) => {
    const found = findDateline(text)!;
    expect([found.value, found.form]).toEqual([value, form]);
    expect(found.start).toBeGreaterThanOrEqual(0);
    expect(found.end).toBeGreaterThan(found.start);
  });

  it.each([
    ['   CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [INTERVIEW WITH FMLN'],
    // A year-less dateline and no header date: no document date (not XXXX).
    ['   BUENOS AIRES, 25 JAN (NA) -- [TEXT] THE GROUP THAT STORMED THE BARRACKS'],
    // A date in the body, not at the head of a line as a dateline.
    ['The army said on Tuesday that in Kabul, on 9 August 2025, fighting resumed and the talks that had begun were over.'],
    ['Kabul was quiet.\nIn Kabul, 9 August 2025 was a day of mourning for many families who lost relatives.'],
    // Past the first lines.
    [`${'A line.\n'.repeat(12)}KABUL, 9 August 2025 - Taliban officials said`],
    // Not a calendar day.
    ['SAN SALVADOR, 31 FEB 90 -- [REPORT]'],
  ])('no date: %s', (text) => {
    expect(findDateline(text)).toBeNull();
  });

  it('gives the document date to relative and partial dates', () => {
    const doc = annotate('   SAN SALVADOR, 3 JAN 90 -- [REPORT] GUERRILLAS ATTACKED A POST ON 30 DECEMBER AND AGAIN YESTERDAY.');
    expect(doc.doc.date).toEqual({ value: '1990-01-03', source: 'dateline' });
    const values = doc.mentions.filter((m) => m.type === 'date').map((m) => m.value);
    expect(values).toContain('1989-12-30');
    expect(values).not.toContain('XXXX-12-30');
  });

  it('an explicit document date wins over the dateline', () => {
    expect(annotate('SAN SALVADOR, 3 JAN 90 -- [REPORT] X.', { date: '1990-01-05' }).doc.date.value).toBe('1990-01-05');
  });

  const muc = join(SHARED_EVAL, 'muc4_tst1_tst2.jsonl');
  it.skipIf(!existsSync(muc))('MUC-4 TST1+TST2: at least 95% of the documents with a gold doc_date get it (skipped without ../shared/eval)', () => {
    let gold = 0;
    let correct = 0;
    let wrong = 0;
    for (const line of readFileSync(muc, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { text: string; doc_date?: string | null };
      const found = findDateline(d.text);
      if (d.doc_date) gold++;
      if (found && found.value === d.doc_date) correct++;
      else if (found) wrong++;
    }
    expect(gold).toBeGreaterThan(150);
    expect(correct / gold).toBeGreaterThanOrEqual(0.95);
    expect(wrong).toBe(0);
  });
});
