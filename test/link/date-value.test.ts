import { describe, expect, it } from 'vitest';
import {
  decadeNorm, halfNorm, isoWeek, monthNorm, parseAnchor, quarterNorm, rangeNorm, seasonNorm, timeNorm, weekNorm, weekdayFor, yearFor, yearNorm, type Anchor,
} from '../../src/link/date-value.js';
import { easterSunday, islamicPeriods } from '../../src/link/calendar.js';

const a = (iso: string): Anchor => parseAnchor(iso)!;

describe('date values: the anchor', () => {
  it.each<[string | null, string | null]>([
    ['2025-08-09', '2025-08-09'],
    ['2025-08-09T10:00:00Z', '2025-08-09'],
    ['2025-02-30', null],
    ['03-02-2009', null],
    ['', null],
    [null, null],
  ])('parseAnchor(%s) → %s', (input, iso) => {
    expect(parseAnchor(input)?.iso ?? null).toBe(iso);
  });
});

describe('date values: which year a month without one falls in', () => {
  it.each<[string, number, 'past' | 'future', number]>([
    ['2025-08-09', 5, 'past', 2025],
    ['2025-08-09', 10, 'past', 2024],
    ['2025-08-09', 8, 'past', 2025],
    ['2025-08-09', 10, 'future', 2025],
    ['2025-08-09', 3, 'future', 2026],
    ['2010-01-25', 12, 'past', 2009],
  ])('anchor %s, month %i, %s → %i', (anchor, month, dir, year) => {
    expect(yearFor(a(anchor), month, dir)).toBe(year);
  });
});

describe('date values: which day a weekday names', () => {
  // 2025-08-09 is a Saturday; weekdays count from 0 = Sunday.
  it.each<[number, 'past' | 'future', string]>([
    [2, 'past', '2025-08-05'],
    [6, 'past', '2025-08-09'],
    [0, 'past', '2025-08-03'],
    [2, 'future', '2025-08-12'],
    [6, 'future', '2025-08-09'],
    [0, 'future', '2025-08-10'],
  ])('weekday %i, %s → %s', (wd, dir, iso) => {
    expect(weekdayFor(a('2025-08-09'), wd, dir).iso).toBe(iso);
  });
});

describe('date values: ISO weeks', () => {
  it.each([
    ['2025-08-09', '2025-W32'],
    ['2004-11-17', '2004-W47'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
  ])('%s is in %s', (iso, week) => {
    expect(isoWeek(a(iso))).toBe(week);
  });

  it('gives a week and its weekend as intervals', () => {
    expect(weekNorm(a('2025-08-09'), false)).toMatchObject({ value: '2025-W32', granularity: 'week', interval: { start: '2025-08-04', end: '2025-08-10' } });
    expect(weekNorm(a('2025-08-06'), true)).toMatchObject({ value: '2025-W32-WE', interval: { start: '2025-08-09', end: '2025-08-10' } });
  });
});

describe('date values: normalised forms', () => {
  it.each([
    [monthNorm(2024, 2), { value: '2024-02', granularity: 'month', interval: { start: '2024-02-01', end: '2024-02-29' } }],
    [monthNorm(2024, 13), null],
    [yearNorm(2021), { value: '2021', granularity: 'year', interval: { start: '2021-01-01', end: '2021-12-31' } }],
    [decadeNorm(199), { value: '199', granularity: 'decade', interval: { start: '1990-01-01', end: '1999-12-31' } }],
    [quarterNorm(2009, 1), { value: '2009-Q1', granularity: 'quarter', interval: { start: '2009-01-01', end: '2009-03-31' } }],
    [halfNorm(2024, 2), { value: '2024-H2', granularity: 'half', interval: { start: '2024-07-01', end: '2024-12-31' } }],
    [seasonNorm(2023, 'winter'), { value: '2023-WI', granularity: 'season', interval: { start: '2023-12-01', end: '2024-02-29' } }],
    [timeNorm(a('2008-10-06'), 14, 48, 'Z'), { value: '2008-10-06T14:48Z', granularity: 'time' }],
    [timeNorm(null, 9, 5, ''), { value: 'XXXX-XX-XXT09:05', granularity: 'time' }],
    [timeNorm(a('2008-10-06'), 25, 0, ''), null],
    [rangeNorm(yearNorm(2014), yearNorm(2016)), { value: '2014/2016', granularity: 'year', interval: { start: '2014-01-01', end: '2016-12-31' } }],
    [rangeNorm(yearNorm(2016), yearNorm(2014)), null],
  ])('%#: %j', (norm, expected) => {
    if (expected === null) expect(norm).toBeNull();
    else expect(norm).toMatchObject(expected);
  });
});

describe('calendar: movable holidays', () => {
  it.each<[number, [number, number]]>([
    [2024, [3, 31]],
    [2025, [4, 20]],
    [2000, [4, 23]],
  ])('Easter Sunday %i', (year, md) => {
    expect(easterSunday(year)).toEqual(md);
  });

  it('finds Hijri months in Gregorian years (Umm al-Qura)', () => {
    expect(islamicPeriods(2016, 9)).toEqual([{ start: '2016-06-06', end: '2016-07-05' }]);
    expect(islamicPeriods(2024, 10, 1, 1)).toEqual([{ start: '2024-04-10', end: '2024-04-10' }]);
    // The Hijri year is shorter: 2008 holds two 1 Muharrams (10 January and 29 December).
    expect(islamicPeriods(2008, 1, 1, 1).map((p) => p.start)).toEqual(['2008-01-10', '2008-12-29']);
  });
});
