/** Calendar helpers shared by ingest (datelines, metadata) and date normalisation. */

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years as in wire copy ("4 FEB 90"). */
export function expandYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n >= 50 ? 1900 + n : 2000 + n;
}

const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

const DATE_FORMS: { re: RegExp; parse: (m: RegExpExecArray) => string | null }[] = [
  { re: /(\d{4})-(\d{2})-(\d{2})/, parse: (m) => isoDay(+m[1], +m[2], +m[3]) },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH_RE},? (\\d{4}|\\d{2})\\b`, 'i'), parse: (m) => isoDay(expandYear(m[3]), MONTHS[m[2].toLowerCase().replace('.', '')], +m[1]) },
  { re: new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i'), parse: (m) => isoDay(+m[3], MONTHS[m[1].toLowerCase().replace('.', '')], +m[2]) },
];

/** A full calendar date written anywhere in `s` (first one found), as ISO `YYYY-MM-DD`. */
export function findCalendarDate(s: string): { iso: string; index: number; length: number } | null {
  let best: { iso: string; index: number; length: number } | null = null;
  for (const form of DATE_FORMS) {
    const m = form.re.exec(s);
    if (!m) continue;
    const iso = form.parse(m);
    if (iso && (!best || m.index < best.index)) best = { iso, index: m.index, length: m[0].length };
  }
  return best;
}

/** A dateline: a short line near the top that is a date (optionally after a place and before an agency). */
export function parseDateline(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return null;
  const found = findCalendarDate(trimmed);
  if (!found) return null;
  const rest = (trimmed.slice(0, found.index) + trimmed.slice(found.index + found.length)).trim();
  // Allow "Published", "Updated", a weekday, a place prefix "KABUL," or an agency suffix "(Reuters) --".
  if (rest.length > 50) return null;
  return found.iso;
}

/** Normalise a metadata date (ISO date or timestamp, or a written date) to `YYYY-MM-DD`. */
export function normaliseMetaDate(raw: unknown): string | null {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return raw.toISOString().slice(0, 10);
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  return findCalendarDate(raw)?.iso ?? null;
}

/** Day of the week of a calendar day: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus), as `[month, day]`. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const islamicFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
const islamicCache = new Map<number, { month: number; day: number }[]>();

/** The Hijri (Umm al-Qura) month and day of every day of a Gregorian year, from the platform's ICU calendar. */
function islamicDays(year: number): { month: number; day: number }[] {
  let days = islamicCache.get(year);
  if (days) return days;
  days = [];
  const n = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86400000;
  for (let i = 0; i < n; i++) {
    const parts = islamicFormat.formatToParts(new Date(Date.UTC(year, 0, 1 + i)));
    days.push({ month: Number(parts.find((p) => p.type === 'month')?.value), day: Number(parts.find((p) => p.type === 'day')?.value) });
  }
  islamicCache.set(year, days);
  return days;
}

/**
 * The Gregorian days of one Hijri month (and optionally a span of its days) that begin in a Gregorian
 * year, as `{start, end}` ISO days; a Gregorian year can hold none, one or two of them.
 */
export function islamicPeriods(year: number, month: number, firstDay = 1, lastDay = 30): { start: string; end: string }[] {
  const days = islamicDays(year);
  const out: { start: string; end: string }[] = [];
  const iso = (i: number): string => new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10);
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d.month !== month || d.day !== firstDay) continue;
    let j = i;
    for (let k = i + 1; k - i < 31; k++) {
      const next = k < days.length ? days[k] : islamicDays(year + 1)[k - days.length];
      if (next.month !== month || next.day > lastDay) break;
      j = k;
    }
    out.push({ start: iso(i), end: iso(j) });
  }
  return out;
}
