import { MONTHS, daysInMonth, expandYear, isoDay, pad } from './calendar.js';
import type { DateNorm } from '../doc.js';

/**
 * Normalisation of date expressions to TIMEX3-like values, and their resolution against an anchor
 * (the document date). Every value is at the granularity the text gives: a day `2025-08-09`, a month
 * `2024-03`, a year `2021`, a decade `199`, a quarter `2009-Q1`, a season `2024-SU`, a week `2024-W12`,
 * a time `2008-10-06T14:48Z`, a part of a day `2010-07-16TMO`, or a vague reference (`PAST_REF`).
 * Where the anchor is unknown and the text gives no year, the unknown digits are `X` (`XXXX-06-03`).
 */

export interface Anchor {
  year: number;
  month: number;
  day: number;
  iso: string;
}

/** Which way an expression without a year points: news reports the past, unless the sentence says otherwise. */
export type Direction = 'past' | 'future';

/** The anchor from an ISO date or timestamp (`2024-03-22`, `2024-03-22T10:00:00Z`); null when there is none. */
export function parseAnchor(iso: string | null | undefined): Anchor | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(iso.trim());
  if (!m || !isoDay(+m[1], +m[2], +m[3])) return null;
  return { year: +m[1], month: +m[2], day: +m[3], iso: `${m[1]}-${m[2]}-${m[3]}` };
}

export function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

const anchored = (anchor?: Anchor | null): { anchor?: string } => (anchor ? { anchor: anchor.iso } : {});

export function dayNorm(year: number, month: number, day: number, anchor?: Anchor | null): DateNorm | null {
  const iso = isoDay(year, month, day);
  if (!iso) return null;
  return { value: iso, granularity: 'day', interval: { start: iso, end: iso }, ...anchored(anchor) };
}

export function anchorDayNorm(a: Anchor, anchor?: Anchor | null): DateNorm {
  return { value: a.iso, granularity: 'day', interval: { start: a.iso, end: a.iso }, ...anchored(anchor) };
}

export function monthNorm(year: number, month: number, anchor?: Anchor | null): DateNorm | null {
  if (month < 1 || month > 12) return null;
  const ym = `${pad(year, 4)}-${pad(month)}`;
  return { value: ym, granularity: 'month', interval: { start: `${ym}-01`, end: `${ym}-${pad(daysInMonth(year, month))}` }, ...anchored(anchor) };
}

export function yearNorm(year: number, anchor?: Anchor | null, mod?: string): DateNorm {
  const y = pad(year, 4);
  return { value: y, granularity: 'year', interval: { start: `${y}-01-01`, end: `${y}-12-31` }, ...(mod ? { mod } : {}), ...anchored(anchor) };
}

export function decadeNorm(decade: number, mod?: string, anchor?: Anchor | null): DateNorm {
  const start = decade * 10;
  return { value: pad(decade, 3), granularity: 'decade', interval: { start: `${pad(start, 4)}-01-01`, end: `${pad(start + 9, 4)}-12-31` }, ...(mod ? { mod } : {}), ...anchored(anchor) };
}

/** A century: the 19th century → `18` (the years 1801–1900 in strict reckoning; TIMEX3 writes the first two digits of 18xx). */
export function centuryNorm(ordinal: number, mod?: string): DateNorm | null {
  if (ordinal < 1 || ordinal > 21) return null;
  const c = ordinal - 1;
  return { value: pad(c, 2), granularity: 'century', interval: { start: `${pad(c * 100, 4)}-01-01`, end: `${pad(c * 100 + 99, 4)}-12-31` }, ...(mod ? { mod } : {}) };
}

export function quarterNorm(year: number, q: number, anchor?: Anchor | null): DateNorm {
  const m0 = (q - 1) * 3 + 1;
  const y = pad(year, 4);
  return { value: `${y}-Q${q}`, granularity: 'quarter', interval: { start: `${y}-${pad(m0)}-01`, end: `${y}-${pad(m0 + 2)}-${pad(daysInMonth(year, m0 + 2))}` }, ...anchored(anchor) };
}

/** A half of a year (`2024-H1`). */
export function halfNorm(year: number, h: 1 | 2, anchor?: Anchor | null): DateNorm {
  const y = pad(year, 4);
  return { value: `${y}-H${h}`, granularity: 'half', interval: h === 1 ? { start: `${y}-01-01`, end: `${y}-06-30` } : { start: `${y}-07-01`, end: `${y}-12-31` }, ...anchored(anchor) };
}

const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

/** A season of a year (northern-hemisphere meteorological seasons for the interval; winter runs into the next year). */
export function seasonNorm(year: number, season: string, anchor?: Anchor | null): DateNorm {
  const code = SEASONS[season.toLowerCase()] ?? 'XX';
  const y = pad(year, 4);
  const spans: Record<string, [string, string]> = { SP: ['03-01', '05-31'], SU: ['06-01', '08-31'], FA: ['09-01', '11-30'] };
  const interval =
    code === 'WI' ? { start: `${y}-12-01`, end: `${pad(year + 1, 4)}-02-${pad(daysInMonth(year + 1, 2))}` } : spans[code] ? { start: `${y}-${spans[code][0]}`, end: `${y}-${spans[code][1]}` } : undefined;
  return { value: `${y}-${code}`, granularity: 'season', ...(interval ? { interval } : {}), ...anchored(anchor) };
}

/** The ISO week (`2024-W12`, or its weekend `2024-W12-WE`) that holds a day. */
export function weekNorm(a: Anchor, weekend: boolean, anchor?: Anchor | null): DateNorm {
  const monday = addDays(a, -((weekday(a) + 6) % 7));
  const start = weekend ? addDays(monday, 5) : monday;
  const end = addDays(monday, 6);
  return { value: `${isoWeek(a)}${weekend ? '-WE' : ''}`, granularity: 'week', interval: { start: start.iso, end: end.iso }, ...anchored(anchor) };
}

/** A time of day on a day (`2008-10-06T14:48Z`); `zone` is `Z` for UTC/GMT or an offset such as `+08:00`. */
export function timeNorm(day: Anchor | null, hour: number, minute: number, zone: string, anchor?: Anchor | null): DateNorm | null {
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  const d = day ? day.iso : 'XXXX-XX-XX';
  return { value: `${d}T${pad(hour)}:${pad(minute)}${zone}`, granularity: 'time', ...(day ? { interval: { start: d, end: d } } : {}), ...anchored(anchor) };
}

const PARTS: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI', overnight: 'NI' };

/** A part of a day (`2010-07-16TMO`). */
export function partOfDayNorm(day: Anchor | null, part: string, anchor?: Anchor | null): DateNorm {
  const d = day ? day.iso : 'XXXX-XX-XX';
  return { value: `${d}T${PARTS[part.toLowerCase()] ?? 'XX'}`, granularity: 'time', ...(day ? { interval: { start: d, end: d } } : {}), ...anchored(anchor) };
}

/** A span of days written as one expression ("5-6 April 2016"): an ISO 8601 interval `start/end`. */
export function rangeNorm(start: DateNorm | null, end: DateNorm | null): DateNorm | null {
  if (!start?.interval || !end?.interval || end.interval.end < start.interval.start) return null;
  return { value: `${start.value}/${end.value}`, granularity: start.granularity, interval: { start: start.interval.start, end: end.interval.end }, ...(start.anchor ? { anchor: start.anchor } : {}) };
}

/** A period of days given as an interval (Ramadan 2016 → `2016-06-06/2016-07-05`; a one-day period is its day). */
export function periodNorm(interval: { start: string; end: string }, anchor?: Anchor | null): DateNorm {
  return { value: interval.start === interval.end ? interval.start : `${interval.start}/${interval.end}`, granularity: 'day', interval, ...anchored(anchor) };
}

export function vagueNorm(value: 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF', anchor?: Anchor | null): DateNorm {
  return { value, granularity: 'vague', ...anchored(anchor) };
}

/** A date the text gives only in part, with no anchor to complete it: `XXXX-06-03`, `XXXX-06`, `XXXX-WXX-2`. */
export function unknownNorm(value: string, granularity: DateNorm['granularity'], mod?: string): DateNorm {
  return { value, granularity, ...(mod ? { mod } : {}) };
}

/**
 * The year in which a month (and day) without a year falls: the latest one up to the anchor's month,
 * or, when the sentence looks ahead, the next one from it. The anchor's own month is the anchor's year
 * either way (a later day in it is most often a near plan: "on June 15" written on June 9).
 */
export function yearFor(anchor: Anchor, month: number, direction: Direction): number {
  if (month === anchor.month) return anchor.year;
  if (direction === 'future') return month < anchor.month ? anchor.year + 1 : anchor.year;
  return month > anchor.month ? anchor.year - 1 : anchor.year;
}

/** News reports the past: the latest such month (and day) up to the anchor. */
export function pastYearFor(anchor: Anchor, month: number): number {
  return yearFor(anchor, month, 'past');
}

/** Whether a month (and day) lies at most `months` months after the anchor in the anchor's year or the next. */
export function withinMonthsAfter(anchor: Anchor, month: number, months: number): boolean {
  const ahead = (month - anchor.month + 12) % 12;
  return ahead > 0 && ahead <= months;
}

export function addDays(a: Anchor, n: number): Anchor {
  const d = new Date(Date.UTC(a.year, a.month - 1, a.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), iso: d.toISOString().slice(0, 10) };
}

export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const idx = year * 12 + (month - 1) + n;
  return { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(a: Anchor): number {
  return new Date(Date.UTC(a.year, a.month - 1, a.day)).getUTCDay();
}

/**
 * The day a weekday names (0 = Sunday … 6 = Saturday): the latest one on or before the anchor, or,
 * when the sentence looks ahead, the first one from it.
 */
export function weekdayFor(anchor: Anchor, wd: number, direction: Direction): Anchor {
  const back = (weekday(anchor) - wd + 7) % 7;
  // Looking ahead, the anchor's own weekday is the anchor ("set to land on Monday", written on a Monday).
  if (direction === 'future') return addDays(anchor, back === 0 ? 0 : 7 - back);
  return addDays(anchor, -back);
}

/** ISO week value `YYYY-Www` of a day. */
export function isoWeek(a: Anchor): string {
  const d = new Date(Date.UTC(a.year, a.month - 1, a.day));
  const dayNum = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dayNum + 3);
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86400000));
  return `${year}-W${pad(week)}`;
}

export { expandYear };
