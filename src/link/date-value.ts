import { MONTHS, daysInMonth, expandYear, isoDay, pad } from './calendar.js';
import type { DateNorm } from '../doc.js';

/** Resolution of date expressions against an anchor (the document date). */

export interface Anchor {
  year: number;
  month: number;
  day: number;
  iso: string;
}

export function parseAnchor(iso: string | null): Anchor | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return { year: +m[1], month: +m[2], day: +m[3], iso };
}

export function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function dayInterval(iso: string): { start: string; end: string } {
  return { start: iso, end: iso };
}

export function dayNorm(year: number, month: number, day: number, anchor?: Anchor | null): DateNorm | null {
  const iso = isoDay(year, month, day);
  if (!iso) return null;
  return { value: iso, granularity: 'day', interval: dayInterval(iso), ...(anchor ? { anchor: anchor.iso } : {}) };
}

export function monthNorm(year: number, month: number, anchor?: Anchor | null): DateNorm | null {
  if (month < 1 || month > 12) return null;
  return {
    value: `${pad(year, 4)}-${pad(month)}`,
    granularity: 'month',
    interval: { start: `${pad(year, 4)}-${pad(month)}-01`, end: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}` },
    ...(anchor ? { anchor: anchor.iso } : {}),
  };
}

export function yearNorm(year: number, anchor?: Anchor | null, mod?: string): DateNorm {
  return { value: pad(year, 4), granularity: 'year', interval: { start: `${pad(year, 4)}-01-01`, end: `${pad(year, 4)}-12-31` }, ...(mod ? { mod } : {}), ...(anchor ? { anchor: anchor.iso } : {}) };
}

export function decadeNorm(decade: number, mod?: string): DateNorm {
  const start = decade * 10;
  return { value: String(decade), granularity: 'decade', interval: { start: `${pad(start, 4)}-01-01`, end: `${pad(start + 9, 4)}-12-31` }, ...(mod ? { mod } : {}) };
}

export function quarterNorm(year: number, q: number, anchor?: Anchor | null): DateNorm {
  const m0 = (q - 1) * 3 + 1;
  return { value: `${pad(year, 4)}-Q${q}`, granularity: 'quarter', interval: { start: `${pad(year, 4)}-${pad(m0)}-01`, end: `${pad(year, 4)}-${pad(m0 + 2)}-${pad(daysInMonth(year, m0 + 2))}` }, ...(anchor ? { anchor: anchor.iso } : {}) };
}

const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

export function seasonNorm(year: number, season: string, anchor?: Anchor | null): DateNorm {
  return { value: `${pad(year, 4)}-${SEASONS[season.toLowerCase()] ?? 'XX'}`, granularity: 'season', ...(anchor ? { anchor: anchor.iso } : {}) };
}

export function vagueNorm(value: 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF', anchor?: Anchor | null): DateNorm {
  return { value, granularity: 'vague', ...(anchor ? { anchor: anchor.iso } : {}) };
}

/** The year a month (and day) without a year falls in: news reports the past, so the latest one not after the anchor. */
export function pastYearFor(anchor: Anchor, month: number, day?: number): number {
  if (month < anchor.month) return anchor.year;
  if (month > anchor.month) return anchor.year - 1;
  if (day === undefined || day <= anchor.day) return anchor.year;
  // The same month, a later day: most often a near-future plan ("on June 15" written on June 9).
  return anchor.year;
}

export function addDays(anchor: Anchor, n: number): Anchor {
  const d = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day + n));
  const iso = d.toISOString().slice(0, 10);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), iso };
}

export function weekday(anchor: Anchor): number {
  return new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day)).getUTCDay();
}

/** ISO week value `YYYY-Www` of a day. */
export function isoWeek(a: Anchor): string {
  const d = new Date(Date.UTC(a.year, a.month - 1, a.day));
  const dayNum = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dayNum + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${pad(week)}`;
}

export { expandYear };
