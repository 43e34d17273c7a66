import { MONTHS, expandYear, isoDay, parseDateline } from '../link/calendar.js';

/** How a document date was read off the head of a text. */
export interface FoundDateline {
  /** ISO `YYYY-MM-DD`. */
  value: string;
  /** Where the dateline (place and date) or header date is written: half-open offsets into the text. */
  start: number;
  end: number;
  /** Which form: `wire` (CITY, 3 JAN 90 --), `wire-month-first` (CITY, Jan. 3, 2024 (AGENCY) -), `agency` (a year-less wire dateline or CITY (Reuters) - with a date in a header line), `header` (a header line that is a date, ISO or written). */
  form: 'wire' | 'wire-month-first' | 'agency' | 'header';
}

/** How far into a text a dateline may be: the first lines of a story. */
const HEAD_LINES = 8;
const HEAD_CHARS = 1200;

const MON = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A place at the start of a line, as wire copy writes it: "SAN SALVADOR", "MANAGUA (NICARAGUA)", "Kabul", "Redfield, S.D.". */
const CITY = "\\p{Lu}[\\p{L}\\p{M}.'’ -]{0,40}?(?:[ \\t]*\\([\\p{L}\\p{M} .'’-]{2,30}\\))?";
/** What may follow the date on a dateline: an agency in brackets, then a dash, or the end of the line. */
const TAIL = '(?=[ \\t]*(?:\\([^()\\n]{1,50}\\)[ \\t]*)?(?:--|[-–—:]|$))';

/** "SAN SALVADOR, 3 JAN 90 -- [REPORT]", "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --", "KABUL, 9 August 2025 -". */
const DAY_FIRST = new RegExp(`^[ \\t]*${CITY},[ \\t]+(\\d{1,2})[ \\t]+${MON}[ \\t,]+(\\d{4}|\\d{2})\\b${TAIL}`, 'imu');
/** "WASHINGTON, Jan. 3, 2024 (Reuters) -", and year-less "BEIRUT, Jan. 3 (AFP) -" (the year then comes from a header line). */
const MONTH_FIRST = new RegExp(`^[ \\t]*${CITY},[ \\t]+${MON}[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?:,?[ \\t]+(\\d{4}))?\\b${TAIL}`, 'imu');
/** "BUENOS AIRES, 25 JAN (NA) --": a day and a month without a year. */
const DAY_FIRST_NO_YEAR = new RegExp(`^[ \\t]*${CITY},[ \\t]+(\\d{1,2})[ \\t]+${MON}(?=[ \\t]*\\([^()\\n]{1,50}\\)[ \\t]*(?:--|[-–—]))`, 'imu');
/** An ISO date or timestamp in a header line ("Date: 2024-03-05", "2024-03-05T10:00:00Z"). */
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/;

const month = (m: string): number => MONTHS[m.toLowerCase().replace('.', '')];

/**
 * The document date that the head of a text gives: a wire dateline at the start of one of its first
 * lines (whatever follows it on the line), two-digit years resolved (90 → 1990, 24 → 2024); a
 * year-less dateline takes its year from a header line's date; otherwise a short header line that is
 * a date. Linear: only the first lines (at most 1,200 characters) are read.
 */
export function findDateline(text: string): FoundDateline | null {
  const head = headOf(text);
  let m = DAY_FIRST.exec(head);
  if (m) {
    const value = isoDay(expandYear(m[3]), month(m[2]), +m[1]);
    if (value) return { value, ...spanOf(m), form: 'wire' };
  }
  m = MONTH_FIRST.exec(head);
  if (m && m[3]) {
    const value = isoDay(+m[3], month(m[1]), +m[2]);
    if (value) return { value, ...spanOf(m), form: 'wire-month-first' };
  }
  const header = headerDate(head);
  // A year-less dateline ("BEIRUT, Jan. 3 (AFP) -") gets its year from a header line, when the two agree within a year's turn.
  const noYear = m ?? DAY_FIRST_NO_YEAR.exec(head);
  if (noYear && header) {
    const [mo, d] = noYear === m ? [month(m[1]), +m[2]] : [month(noYear[2]), +noYear[1]];
    const year = +header.value.slice(0, 4);
    // A December dateline on a January header is last year's.
    const y = mo === 12 && +header.value.slice(5, 7) === 1 ? year - 1 : year;
    const value = isoDay(y, mo, d);
    if (value) return { value, ...spanOf(noYear), form: 'agency' };
  }
  return header;
}

/** The span of a dateline match, without the spaces it starts with. */
function spanOf(m: RegExpExecArray): { start: number; end: number } {
  return { start: m.index + m[0].length - m[0].trimStart().length, end: m.index + m[0].length };
}

/** The first lines of a text, no more than HEAD_CHARS. */
function headOf(text: string): string {
  let end = 0;
  for (let i = 0; i < HEAD_LINES && end < text.length && end < HEAD_CHARS; i++) {
    const nl = text.indexOf('\n', end);
    end = nl === -1 || nl > HEAD_CHARS ? Math.min(text.length, HEAD_CHARS) : nl + 1;
  }
  return text.slice(0, end);
}

/** A header line that is a date: an ISO date anywhere on a short line, or a written one (see parseDateline). */
function headerDate(head: string): FoundDateline | null {
  let at = 0;
  for (const line of head.split('\n')) {
    const iso = line.length <= 120 ? ISO.exec(line) : null;
    const v = iso ? isoDay(+iso[1], +iso[2], +iso[3]) : parseDateline(line);
    if (v) {
      const start = iso ? at + iso.index : at + line.length - line.trimStart().length;
      return { value: v, start, end: iso ? start + iso[0].length : at + line.trimEnd().length, form: 'header' };
    }
    at += line.length + 1;
  }
  return null;
}
