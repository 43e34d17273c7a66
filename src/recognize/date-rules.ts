import {
  addDays, addMonths, anchorDayNorm, centuryNorm, dayNorm, decadeNorm, expandYear, halfNorm, monthNorm, monthNumber, partOfDayNorm, periodNorm, quarterNorm,
  parseAnchor, rangeNorm, seasonNorm, timeNorm, unknownNorm, vagueNorm, weekNorm, weekday, weekdayFor, withinMonthsAfter, yearFor, yearNorm,
  type Anchor, type Direction,
} from '../link/date-value.js';
import { easterSunday, isoDay, islamicPeriods, pad } from '../link/calendar.js';
import { cueWords, wordsPattern } from './date-cues.js';
import holidays from '../lexicon/date-holidays.json' with { type: 'json' };
import type { DateNorm } from '../doc.js';

/**
 * The date grammar: one rule per form of date expression, each with an id, a reason, a regular
 * expression and a resolver that turns a match into a TIMEX3-like value against the anchor (the
 * document date). Conventions:
 * - A span never includes a leading preposition ("in 2021" → "2021"): a rule that needs the
 *   preposition to decide matches it outside its `span` group, and the span is that group.
 * - It never crosses a line break (except in hard-wrapped wire copy, see dates.ts), and month names
 *   are capitalised (or in an all-capital wire), so "may" and "march" the verbs never match; a month
 *   alone needs a preposition, a modifier, a determiner or another month before it ("in May", "last
 *   March", "their January sales", "April and May").
 * - An expression without a year takes the year of a date it is listed with ("in 2022, in January
 *   and September"); otherwise it is the latest such date up to the anchor (news reports the past),
 *   unless its clause looks ahead ("will", "scheduled", "until"…; see date-cues.json).
 * - With no anchor, a value keeps what the text gives and writes X for the rest (`XXXX-06-03`).
 * Every expression is a plain left-to-right regular expression without nested quantifiers, so a scan
 * is linear in the text.
 */

export interface DateContext {
  readonly anchor: Anchor | null;
  readonly text: string;
  /** The span of the expression. */
  readonly start: number;
  readonly end: number;
  /** Past, unless the clause of the expression looks ahead. */
  direction(): Direction;
  /** The day the last day-precise date before this one named; the anchor when there is none. */
  lastDay(): Anchor | null;
  /**
   * The year of the date right before this one when only prepositions, conjunctions and punctuation
   * lie between them ("two coups in 2022, in January and September"): a month without a year shares it.
   */
  yearBefore(): number | null;
  /** The value of the last date before this one that covers a calendar interval, if any. */
  lastDate(): DateNorm | null;
}

export interface DateRule {
  id: string;
  reason: string;
  re: RegExp;
  confidence: number;
  /** What every match holds: a text without it is not scanned for the rule (the same matches, sooner). */
  needs?: RegExp;
  /** A check of the match on its own (a number that counts something is not a year); false drops it. */
  accept?(m: RegExpExecArray, text: string): boolean;
  /** The value, or null to drop the match. */
  resolve(m: RegExpExecArray, at: DateContext): DateNorm | null;
}

// ---------------------------------------------------------------------------------------------
// Pieces of the grammar.

const H = '[^\\S\\r\\n]';
const S1 = `${H}+`;
const S0 = `${H}*`;
// Look-behinds never use an unbounded run (${H}+ there would rescan a long run of spaces at every position).
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const DASH = `${S0}[-–—]${S0}`;
/** Between the ends of a range: a dash, or "to", "through", "until". */
const RANGE_TO = `(?:${DASH}|${S1}(?:to|through|until|till|TO|THROUGH|UNTIL|TILL)${S1})`;
/** Between a modifier and what it modifies: "mid-2011", "early 2024". */
const MODSEP = `(?:${S0}-${S0}|${S1})`;

/** A word as written in running text: lower case, capitalised, or all capitals. */
function cw(...words: string[]): string {
  const forms = new Set<string>();
  for (const w of words) {
    forms.add(w);
    forms.add(w[0].toUpperCase() + w.slice(1));
    forms.add(w.toUpperCase());
  }
  return `(?:${[...forms].map((f) => f.replace(/ /g, S1)).join('|')})`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec'];
const capsOf = (w: string): string => `${w}|${w.toUpperCase()}`;
const monthAlt = `${MONTH_NAMES.map(capsOf).join('|')}|(?:${MONTH_ABBR.map(capsOf).join('|')})\\.?`;
const MON = `(?<mon>${monthAlt})(?![\\p{L}])`;
const MON2 = `(?<mon2>${monthAlt})(?![\\p{L}])`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WD = `(?<wd>${WEEKDAYS.map(capsOf).join('|')})(?![\\p{L}])`;
const DAY = '(?<day>[0-3]?\\d)(?:st|nd|rd|th|ST|ND|RD|TH)?';
const DAY2 = '(?<day2>[0-3]?\\d)(?:st|nd|rd|th|ST|ND|RD|TH)?';
const YEAR = '(?<year>1[5-9]\\d\\d|20\\d\\d)';
const YEAR2 = '(?<year2>1[5-9]\\d\\d|20\\d\\d)';
const MOD = `(?<mod>${cw('early', 'mid', 'late')})`;
const PART = `(?<part>${cw('morning', 'afternoon', 'evening', 'night')})`;
const ORD_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100 };
const MOD_VALUE: Record<string, string> = { early: 'START', mid: 'MID', late: 'END', beginning: 'START', start: 'START', end: 'END', middle: 'MID', rest: 'END', remainder: 'END' };

function re(src: string, flags = ''): RegExp {
  return new RegExp(src, `dgu${flags}`);
}

function g(m: RegExpExecArray, name: string): string | undefined {
  return m.groups?.[name];
}

const lower = (s: string | undefined): string | undefined => s?.toLowerCase().replace(/\s+/g, ' ');

function withMod(n: DateNorm | null, mod: string | undefined): DateNorm | null {
  if (!n || !mod) return n;
  const v = MOD_VALUE[mod.toLowerCase().replace(/^the\s+/, '').split(/\s+/)[0]];
  return v ? { ...n, mod: v } : n;
}

function weekdayNumber(name: string): number {
  return WEEKDAYS.findIndex((w) => w.toLowerCase() === name.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Guards.

const QUANTITY_AFTER = new RegExp(`^\\s*(?:${wordsPattern('quantity-noun')})`, 'iu');
const NUMBER_NAMES = new Set(cueWords('number-name').map((w) => w.toLowerCase()));
const NAMED_DAYS = new Set(cueWords('named-day').map((w) => w.toLowerCase()));
/** The word right before a position (letters and dots), lower-cased. */
const wordBefore = (text: string, pos: number): string => /([\p{L}.]+)\s*$/u.exec(text.slice(Math.max(0, pos - 24), pos))?.[1].toLowerCase() ?? '';
const MAY_VERB_AFTER = new RegExp(`^\\s+(?:${wordsPattern('may-verb')})`, 'iu');
// Case matters here: "the Sunday Times" is a name, "on Sunday times were hard" is not.
const NAMED_DAY_AFTER = new RegExp(`^\\s+(?:${wordsPattern('named-day-after')})`, 'u');

/** A four-digit number that counts or names something ("2000 troops", "$2021", "Resolution 2254"), not a year. */
export function isQuantity(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (/[$€£¥#]\s*$|\d[,.]\s*$|\p{L}[-/]$|[-/]\d+$/u.test(before)) return true;
  const word = wordBefore(text, start);
  if (NUMBER_NAMES.has(word) || NUMBER_NAMES.has(word.replace(/\.$/, ''))) return true;
  const after = text.slice(end, end + 24);
  // "2,000", "2000.5", "2000/1", and compounds that count ("a 2000-strong force", "the 1500-metre line").
  return /^(?:[,.]\d|[-/]\d|-\p{L})/u.test(after) || QUANTITY_AFTER.test(after);
}

/** A month alone that is the verb "may" or a possessive name ("in May's government"). */
function monthAloneIsWord(m: RegExpExecArray, text: string): boolean {
  const end = m.index + m[0].length;
  if (/^['’]s(?![\p{L}])/u.test(text.slice(end, end + 3))) return true;
  return /^may$/i.test(g(m, 'mon') ?? '') && MAY_VERB_AFTER.test(text.slice(end, end + 24));
}

// ---------------------------------------------------------------------------------------------
// Resolution helpers.

/** A month without a year: the latest one up to the anchor, or the next one (within six months) when the clause looks ahead. */
function monthAlone(month: number, at: DateContext, mod?: string): DateNorm | null {
  const shared = at.yearBefore();
  if (shared !== null) return withMod(monthNorm(shared, month, at.anchor), mod);
  if (!at.anchor) return withMod(unknownNorm(`XXXX-${pad(month)}`, 'month'), mod);
  const dir = at.direction() === 'future' && withinMonthsAfter(at.anchor, month, 6) ? 'future' : 'past';
  return withMod(monthNorm(yearFor(at.anchor, month, dir), month, at.anchor), mod);
}

function monthDayAlone(month: number, day: number, at: DateContext): DateNorm | null {
  if (!isoDay(2000, month, day)) return null;
  const shared = at.yearBefore();
  if (shared !== null) return dayNorm(shared, month, day, at.anchor);
  if (!at.anchor) return unknownNorm(`XXXX-${pad(month)}-${pad(day)}`, 'day');
  const dir = at.direction() === 'future' && withinMonthsAfter(at.anchor, month, 6) ? 'future' : 'past';
  return dayNorm(yearFor(at.anchor, month, dir), month, day, at.anchor);
}

const ISO_WEEKDAY = (wd: number): number => (wd === 0 ? 7 : wd);
const PART_CODE: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

function weekdayAlone(wd: number, at: DateContext, part: string | undefined, direction?: Direction): DateNorm | null {
  if (!at.anchor) return unknownNorm(`XXXX-WXX-${ISO_WEEKDAY(wd)}${part ? `T${PART_CODE[part.toLowerCase()]}` : ''}`, part ? 'time' : 'day');
  const d = weekdayFor(at.anchor, wd, direction ?? at.direction());
  return part ? partOfDayNorm(d, part, at.anchor) : anchorDayNorm(d, at.anchor);
}

/** The day a day word names: today, yesterday, tomorrow, tonight, a weekday. */
function dayWord(word: string, at: DateContext): Anchor | null {
  const w = word.toLowerCase();
  if (!at.anchor) return null;
  if (w === 'today' || w === 'tonight') return at.anchor;
  if (w === 'yesterday') return addDays(at.anchor, -1);
  if (w === 'tomorrow') return addDays(at.anchor, 1);
  const wd = weekdayNumber(w);
  return wd >= 0 ? weekdayFor(at.anchor, wd, at.direction()) : null;
}

function dayOrUnknown(d: Anchor | null, at: DateContext): DateNorm {
  return d ? anchorDayNorm(d, at.anchor) : unknownNorm('XXXX-XX-XX', 'day');
}

const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

/** The year (the year it begins in) of a season named without one: the current or latest one, or as this/last/next say. */
function seasonYear(anchor: Anchor, season: string, rel: string | undefined, direction: Direction): number {
  const startMonth = SEASON_START[season.toLowerCase()];
  const winter = startMonth === 12;
  // The latest one that has begun by the anchor, and whether the anchor lies in it.
  const current = winter ? (anchor.month === 12 ? anchor.year : anchor.year - 1) : anchor.month >= startMonth ? anchor.year : anchor.year - 1;
  const holds = winter ? anchor.month === 12 || anchor.month <= 2 : anchor.month >= startMonth && anchor.month < startMonth + 3;
  if (rel === 'this') return winter && anchor.month <= 2 ? anchor.year - 1 : anchor.year;
  if (rel === 'last') return holds ? current - 1 : current;
  if (rel === 'next') return current + 1;
  if (direction === 'future' && !holds) return current + 1;
  return current;
}

const QUARTER_WORDS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };

/** A holiday or named period in a year, from its data entry. */
interface Holiday {
  id: string;
  names: string[];
  reason: string;
  fixed?: string;
  easter?: number;
  hijri?: { month: number; first: number; last: number };
}

const HOLIDAYS = holidays.entries as Holiday[];
const HOLIDAY_BY_NAME = new Map<string, Holiday>();
for (const h of HOLIDAYS) for (const n of h.names) HOLIDAY_BY_NAME.set(n.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' '), h);

const periodCache = new Map<string, { start: string; end: string }[]>();

function holidayPeriods(h: Holiday, year: number): { start: string; end: string }[] {
  const key = `${h.id}/${year}`;
  let periods = periodCache.get(key);
  if (!periods) periodCache.set(key, (periods = computePeriods(h, year)));
  return periods;
}

function computePeriods(h: Holiday, year: number): { start: string; end: string }[] {
  if (h.fixed) {
    const [mo, d] = h.fixed.split('-').map(Number);
    const iso = isoDay(year, mo, d);
    return iso ? [{ start: iso, end: iso }] : [];
  }
  if (h.easter !== undefined) {
    const [mo, d] = easterSunday(year);
    const day = addDays({ year, month: mo, day: d, iso: '' }, h.easter);
    return [{ start: day.iso, end: day.iso }];
  }
  if (h.hijri) return islamicPeriods(year, h.hijri.month, h.hijri.first, h.hijri.last);
  return [];
}

function holidayNorm(h: Holiday, year: number | undefined, at: DateContext): DateNorm | null {
  if (year !== undefined) {
    const p = holidayPeriods(h, year)[0];
    return p ? periodNorm(p) : null;
  }
  if (!at.anchor) return h.fixed ? unknownNorm(`XXXX-${h.fixed}`, 'day') : unknownNorm('XXXX-XX-XX', 'day');
  const a = at.anchor;
  const all = [a.year - 1, a.year, a.year + 1].flatMap((y) => holidayPeriods(h, y));
  const future = at.direction() === 'future';
  // Past: the latest that has begun by the anchor; future: the first that has not ended before it.
  const pick = future ? all.find((p) => p.end >= a.iso) : [...all].reverse().find((p) => p.start <= a.iso);
  return pick ? periodNorm(pick, a) : null;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HOLIDAY_NAMES = [...new Set(HOLIDAYS.flatMap((h) => h.names.flatMap((n) => [n, n.toUpperCase()])))]
  .sort((a, b) => b.length - a.length)
  .map((n) => escapeRe(n).replace(/ /g, S1).replace(/'/g, "['’]"))
  .join('|');

// ---------------------------------------------------------------------------------------------
// The rules. Order matters only between matches of equal length and confidence (earlier wins).

const PREP_BEFORE_MONTH = cw('in', 'since', 'until', 'till', 'by', 'from', 'through', 'during', 'before', 'after', 'of', 'between', 'throughout', 'around', 'for', 'early in', 'late in', 'mid', 'as of');
const DAY_ANAPHOR_BEFORE = cueWords('day-anaphor').map((w) => escapeRe(w).replace(/ /g, S1)).sort((a, b) => b.length - a.length).join('|');

/** "the day" in any case: what the rules that read it need. */
const THE_DAY = new RegExp(`the${S1}day`, 'iu');
/** A month name as MON and MON2 match it: what every rule that reads one needs (unless it ignores case). */
const A_MONTH = new RegExp(`(?:${monthAlt})(?![\\p{L}])`, 'u');

export const DATE_RULES: readonly DateRule[] = [
  {
    id: 'rule:date/day-month-year',
    reason: 'a full date written day first ("9 August 2025", "Monday, 4 March 2024", "4 FEB 90")',
    re: re(`${B}(?:${WD},?${S1})?${DAY}${S1}(?:of${S1})?${MON},?${S1}(?:${YEAR}|(?<yy>['’]?\\d\\d))${E}`),
    confidence: 0.95,
    resolve(m) {
      const mon = g(m, 'mon')!;
      const yy = g(m, 'yy');
      // Two-digit years only in all-capital wire copy ("4 FEB 90") or with an apostrophe ("4 Feb '90").
      if (yy && mon !== mon.toUpperCase() && !/^['’]/.test(yy)) return null;
      const year = g(m, 'year') ? Number(g(m, 'year')) : expandYear(yy!.replace(/^['’]/, ''));
      return dayNorm(year, monthNumber(mon), Number(g(m, 'day')));
    },
  },
  {
    id: 'rule:date/month-day-year',
    reason: 'a full date written month first ("March 12, 2009", "September 08 , 2007")',
    re: re(`${B}(?:${WD},?${S1})?${MON}${S1}${DAY}${S0},?${S0}${YEAR}${E}`),
    confidence: 0.95,
    resolve: (m) => dayNorm(Number(g(m, 'year')), monthNumber(g(m, 'mon')!), Number(g(m, 'day'))),
  },
  {
    id: 'rule:date/day-range',
    reason: 'days of one month written as one span ("5-6 April 2016", "November 16 - 17", "from 12 to 14 March"): an ISO interval',
    re: re(`${B}(?:${DAY}${RANGE_TO}${DAY2}${S1}(?:of${S1})?${MON}|${MON2}${S1}(?<d3>[0-3]?\\d)(?:st|nd|rd|th)?${RANGE_TO}(?<d4>[0-3]?\\d)(?:st|nd|rd|th)?)(?:,?${S1}${YEAR})?${E}`),
    confidence: 0.9,
    resolve(m, at) {
      const month = monthNumber(g(m, 'mon') ?? g(m, 'mon2')!);
      const d1 = Number(g(m, 'day') ?? g(m, 'd3'));
      const d2 = Number(g(m, 'day2') ?? g(m, 'd4'));
      if (d2 <= d1) return null;
      if (g(m, 'year')) return rangeNorm(dayNorm(Number(g(m, 'year')), month, d1), dayNorm(Number(g(m, 'year')), month, d2));
      const first = monthDayAlone(month, d1, at);
      if (!first) return null;
      if (!at.anchor) return isoDay(2000, month, d2) ? { ...first, value: `${first.value}/XXXX-${pad(month)}-${pad(d2)}` } : null;
      const year = Number(first.value.slice(0, 4));
      return rangeNorm(dayNorm(year, month, d1, at.anchor), dayNorm(year, month, d2, at.anchor));
    },
  },
  {
    id: 'rule:date/iso',
    reason: 'an ISO calendar date ("2024-03-22", "2024/03/22")',
    re: re(`${B}(?<year>\\d{4})(?<sep>[-/])(?<mo>\\d{2})\\k<sep>(?<day>\\d{2})${E}`),
    confidence: 0.95,
    resolve: (m) => dayNorm(Number(g(m, 'year')), Number(g(m, 'mo')), Number(g(m, 'day'))),
  },
  {
    id: 'rule:date/numeric',
    reason: 'a numeric date with slashes, month first as in American copy unless the first number cannot be a month ("7/8/07"), or with dots, day first ("22.03.2024")',
    re: re(`${B}(?:(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<y>\\d{4}|\\d{2})|(?<dd>\\d{1,2})\\.(?<mm>\\d{1,2})\\.(?<yyyy>(?:19|20)\\d\\d))(?![\\p{L}\\p{N}]|[/.]\\d)`),
    confidence: 0.8,
    resolve(m) {
      if (g(m, 'dd')) return dayNorm(Number(g(m, 'yyyy')), Number(g(m, 'mm')), Number(g(m, 'dd')));
      let month = Number(g(m, 'a'));
      let day = Number(g(m, 'b'));
      if (month > 12) [month, day] = [day, month];
      return dayNorm(expandYear(g(m, 'y')!), month, day);
    },
  },
  {
    id: 'rule:date/day-month',
    reason: 'a day and month without a year ("11 December", "Monday 19 December"): the latest one up to the document date, or the next when the clause looks ahead',
    re: re(`${B}(?:${WD},?${S1})?${DAY}${S1}(?:of${S1})?${MON}(?!${S0},?${S0}['’]?\\d)`),
    confidence: 0.85,
    resolve: (m, at) => monthDayAlone(monthNumber(g(m, 'mon')!), Number(g(m, 'day')), at),
  },
  {
    id: 'rule:date/month-day',
    reason: 'a month and day without a year ("June 1st", "April 3")',
    re: re(`${B}(?:${WD},?${S1})?${MON}${S1}${DAY}(?![\\p{L}\\p{N}])(?!${S0},?${S0}\\d|${S0}(?:%|percent|per cent))`),
    confidence: 0.85,
    resolve: (m, at) => monthDayAlone(monthNumber(g(m, 'mon')!), Number(g(m, 'day')), at),
  },
  {
    id: 'rule:date/month-year',
    reason: 'a month of a year ("March 2024", "early June 2009", "the end of May 2023")',
    re: re(`${B}(?:(?:${MOD}|(?<pos>${cw('the beginning of', 'the start of', 'the end of', 'the middle of')}))${MODSEP})?${MON},?${S1}(?:of${S1})?${YEAR}${E}`),
    confidence: 0.95,
    resolve: (m) => withMod(monthNorm(Number(g(m, 'year')), monthNumber(g(m, 'mon')!)), g(m, 'mod') ?? g(m, 'pos')?.split(/\s+/)[1]),
  },
  {
    id: 'rule:date/month-range-year',
    reason: 'months of one year written as one span ("April–June 2024"): an ISO interval',
    re: re(`${B}${MON2}${S0}(?:[-–—/]|${S1}to${S1})${S0}${MON},?${S1}${YEAR}${E}`),
    confidence: 0.9,
    resolve: (m) => rangeNorm(monthNorm(Number(g(m, 'year')), monthNumber(g(m, 'mon2')!)), monthNorm(Number(g(m, 'year')), monthNumber(g(m, 'mon')!))),
  },
  {
    id: 'rule:date/month-of-relative-year',
    reason: 'a month of a year named relative to the document date ("October of next year" → "October", 2010-10; the year phrase is a date of its own)',
    re: re(`${B}(?<span>(?:(?:${MOD}|(?<pos>${cw('the beginning of', 'the start of', 'the end of', 'the middle of')}))${MODSEP})?${MON})${S1}(?:of${S1})?(?<rel>${cw('this', 'last', 'next')})${S1}${cw('year')}${E}`),
    confidence: 0.9,
    resolve(m, at) {
      const month = monthNumber(g(m, 'mon')!);
      const mod = g(m, 'mod') ?? g(m, 'pos')?.split(/\s+/)[1];
      const rel = lower(g(m, 'rel'));
      if (!at.anchor) return withMod(unknownNorm(`XXXX-${pad(month)}`, 'month'), mod);
      return withMod(monthNorm(at.anchor.year + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0), month, at.anchor), mod);
    },
  },
  {
    id: 'rule:date/part-of-year',
    reason: 'a year with a modifier ("early 2024", "mid-2011", "the end of 2023", "the first half of 2024")',
    re: re(`${B}(?:${MOD}|(?<pos>${cw('the beginning of', 'the start of', 'the end of', 'the middle of', 'the turn of', 'the very beginning of', 'the very end of')})|(?<half>${cw('the first half of', 'the second half of', 'the latter half of', 'the first half', 'the second half')}))${MODSEP}${YEAR}${E}`),
    confidence: 0.9,
    resolve(m) {
      const year = Number(g(m, 'year'));
      const half = lower(g(m, 'half'));
      if (half) return halfNorm(year, half.includes('first') ? 1 : 2);
      const pos = lower(g(m, 'pos'))?.replace(/^the (very )?/, '').replace(/ of$/, '');
      return withMod(yearNorm(year), pos === 'turn' ? 'START' : g(m, 'mod') ?? pos);
    },
  },
  {
    id: 'rule:date/year-range',
    reason: 'a span of years written as one ("2014-2016", "2014–16"): an ISO interval',
    re: re(`${B}${YEAR}${S0}[-–]${S0}(?:${YEAR2}|(?<yy>\\d\\d))${E}`),
    confidence: 0.85,
    accept: (m, text) => !isQuantity(text, m.index, m.index + m[0].length),
    resolve(m) {
      const y1 = Number(g(m, 'year'));
      const y2 = g(m, 'year2') ? Number(g(m, 'year2')) : Math.floor(y1 / 100) * 100 + Number(g(m, 'yy'));
      return y2 > y1 && y2 - y1 < 100 ? rangeNorm(yearNorm(y1), yearNorm(y2)) : null;
    },
  },
  {
    id: 'rule:date/decade',
    reason: 'a decade ("the 1990s" → "1990s", 199; "mid-2010s"; "the \'80s"); a two-digit decade needs an apostrophe, "the" or another decade before it ("the 70s and 80s"); the span leaves out "the"',
    re: re(`${B}(?:(?<the>${cw('the')})${S1})?(?<span>(?:${MOD}${MODSEP})?(?:(?<dec>1[5-9]\\d|20\\d)0['’]?[sS]|(?<ap>['’])?(?<short>[1-9])0['’]?[sS]))${E}`),
    confidence: 0.9,
    // "in his early 30s" is an age.
    accept: (m, text) => (!g(m, 'short') || !!g(m, 'ap') || !!g(m, 'the') || !!g(m, 'mod') || /\d0['’]?s\s+(?:and|or|to|through)\s+$/i.test(text.slice(Math.max(0, m.index - 16), m.index))) && !/[-/]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) && !(g(m, 'short') && /(?<![\p{L}])(?:his|her|their|my|your|our|its)\s+$/iu.test(text.slice(Math.max(0, m.index - 8), m.index))),
    resolve(m) {
      const dec = g(m, 'dec') ? Number(g(m, 'dec')) : 190 + Number(g(m, 'short'));
      return decadeNorm(dec, g(m, 'mod') ? MOD_VALUE[g(m, 'mod')!.toLowerCase()] : undefined);
    },
  },
  {
    id: 'rule:date/century',
    reason: 'a century ("the 19th century" → "19th century", 18; "the early twentieth century"); the span leaves out "the", as for decades',
    re: re(`${B}(?:${cw('the')}${S1})?(?<span>(?:${MOD}${MODSEP})?(?:(?<n>[12]?\\d)(?:st|nd|rd|th)|(?<w>${cw(...ORD_WORDS, 'twenty-first', 'twenty first')}))${MODSEP}${cw('century')})${E}`),
    confidence: 0.85,
    resolve(m) {
      const w = lower(g(m, 'w'))?.replace(/-/g, ' ');
      const n = g(m, 'n') ? Number(g(m, 'n')) : w === 'twenty first' ? 21 : ORD_WORDS.indexOf(w!) + 1;
      return centuryNorm(n, g(m, 'mod') ? MOD_VALUE[g(m, 'mod')!.toLowerCase()] : undefined);
    },
  },
  {
    id: 'rule:date/season-year',
    reason: 'a season of a year ("spring 2024", "the summer of 2023")',
    re: re(`${B}(?:${cw('the')}${S1})?(?:${MOD}${MODSEP})?(?<season>${cw('spring', 'summer', 'autumn', 'fall', 'winter')})${S1}(?:of${S1})?${YEAR}${E}`),
    confidence: 0.9,
    resolve: (m) => withMod(seasonNorm(Number(g(m, 'year')), g(m, 'season')!), g(m, 'mod')),
  },
  {
    id: 'rule:date/season',
    reason: 'a season named relative to the document date ("last winter", "this spring", "in spring", "during the summer"); "fall" only with this/last/next',
    re: re(`${B}(?:(?<rel>${cw('this', 'last', 'next', 'early', 'late', 'mid')})${MODSEP}(?<season>${cw('spring', 'summer', 'autumn', 'fall', 'winter')})|(?:${cw('in', 'during', 'by', 'until', 'since', 'through', 'throughout', 'over')})${S1}(?<span>(?:${cw('the')}${S1})?(?<season2>${cw('spring', 'summer', 'autumn', 'winter')})))${E}(?!${S1}${cw('of', 'offensive', 'campaign')}${E})`),
    confidence: 0.75,
    resolve(m, at) {
      const season = (g(m, 'season') ?? g(m, 'season2'))!;
      const rel = lower(g(m, 'rel'));
      const mod = rel && ['early', 'late', 'mid'].includes(rel) ? rel : undefined;
      if (!at.anchor) return withMod(unknownNorm(`XXXX-${seasonNorm(2000, season).value.slice(5)}`, 'season'), mod);
      return withMod(seasonNorm(seasonYear(at.anchor, season, mod ? undefined : rel, at.direction()), season, at.anchor), mod);
    },
  },
  {
    id: 'rule:date/quarter',
    reason: 'a quarter ("the first quarter of 2009", "Q3 2024", "third-quarter", "the last quarter")',
    re: re(`${B}(?:(?:${cw('the')}${S1})?(?<q>${cw('first', 'second', 'third', 'fourth', 'final', '1st', '2nd', '3rd', '4th')})${MODSEP}${cw('quarter')}(?:${S1}${cw('of')}${S1}(?:${YEAR}|(?<rel>${cw('this', 'last', 'next', 'the previous', 'the current')})${S1}${cw('year')}))?|(?<qq>Q[1-4])(?:${S1}${YEAR2})?|(?<last>${cw('the last', 'the past', 'the previous', 'last', 'this', 'next', 'the current', 'the next', 'the coming')})${S1}${cw('quarter')})${E}`),
    confidence: 0.8,
    resolve(m, at) {
      const a = at.anchor;
      const cur = a ? Math.ceil(a.month / 3) : 0;
      const last = lower(g(m, 'last'));
      if (last) {
        if (!a) return unknownNorm('XXXX-QX', 'quarter');
        const shift = /last|past|previous/.test(last) ? -1 : /next|coming/.test(last) ? 1 : 0;
        const idx = a.year * 4 + (cur - 1) + shift;
        return quarterNorm(Math.floor(idx / 4), (idx % 4) + 1, a);
      }
      const q = g(m, 'qq') ? Number(g(m, 'qq')!.slice(1)) : QUARTER_WORDS[g(m, 'q')!.toLowerCase()];
      const explicit = g(m, 'year') ?? g(m, 'year2');
      if (explicit) return quarterNorm(Number(explicit), q);
      if (!a) return unknownNorm(`XXXX-Q${q}`, 'quarter');
      const rel = lower(g(m, 'rel'));
      let year: number;
      if (rel) year = a.year + (/last|previous/.test(rel) ? -1 : rel === 'next' ? 1 : 0);
      else {
        // The nearest such quarter to the anchor's; a tie goes the way the clause points (the past by default).
        const back = (cur - q + 4) % 4;
        const ahead = (q - cur + 4) % 4;
        year = back === 0 ? a.year : back < ahead || (back === ahead && at.direction() === 'past') ? (q <= cur ? a.year : a.year - 1) : q >= cur ? a.year : a.year + 1;
      }
      return quarterNorm(year, q, a);
    },
  },
  {
    id: 'rule:date/year',
    reason: 'a year on its own ("2021"), unless it counts or names something ("2000 troops", "$2021", "Resolution 2254")',
    re: re(`${B}${YEAR}${E}`),
    confidence: 0.85,
    accept: (m, text) => !isQuantity(text, m.index, m.index + m[0].length),
    resolve(m, at) {
      const year = Number(g(m, 'year'));
      // "at 2030" in a 1989 report is a clock time, not a year to come.
      if (at.anchor && year > at.anchor.year && /(?<![\p{L}])at\s+$/iu.test(at.text.slice(Math.max(0, m.index - 4), m.index))) return null;
      return yearNorm(year);
    },
  },
  {
    id: 'rule:date/short-year',
    reason: 'a year written with an apostrophe after a preposition ("since \'82", "in ’99")',
    re: re(`(?<![\\p{L}\\p{N}])${cw('in', 'since', 'of', 'from', 'by', 'until', 'before', 'after', 'to', 'and')}${S1}(?<span>['’](?<yy>\\d\\d))${E}(?!['’]?s)`),
    confidence: 0.7,
    accept: (m, text) => !QUANTITY_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24)),
    resolve: (m) => yearNorm(expandYear(g(m, 'yy')!)),
  },
  {
    id: 'rule:date/era-year',
    reason: 'a year with its era ("575 B.C.", "AD 79", "300 BCE")',
    re: re(`${B}(?:(?<n>\\d{1,4})${S0}(?<era>B\\.${S0}C\\.(?:${S0}E\\.)?|BCE|BC|A\\.${S0}D\\.|AD|CE)|(?<era2>AD|A\\.D\\.)${S1}(?<n2>\\d{1,4}))(?![\\p{L}\\p{N}])`),
    confidence: 0.8,
    resolve(m) {
      const n = Number(g(m, 'n') ?? g(m, 'n2'));
      const bc = /B/.test(g(m, 'era') ?? '');
      if (n === 0) return null;
      return bc ? { value: `BC${pad(n, 4)}`, granularity: 'year' } : yearNorm(n);
    },
  },
  {
    id: 'rule:date/holiday',
    reason: 'a named day or period (holidays in date-holidays.json: "Christmas", "Ramadan", "Eid al-Adha"), with an optional year',
    re: re(`${B}(?<name>${HOLIDAY_NAMES})(?:${S1}(?:${cw('of')}${S1})?${YEAR})?${E}`),
    confidence: 0.8,
    resolve(m, at) {
      const h = HOLIDAY_BY_NAME.get(g(m, 'name')!.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' '));
      return h ? holidayNorm(h, g(m, 'year') ? Number(g(m, 'year')) : undefined, at) : null;
    },
  },
  {
    id: 'rule:date/time',
    reason: 'a time of day ("14:48 UTC", "0800 GMT", "6:40 p.m.", "5.30pm", "at 16:15", "12:00 UTC Monday") on the day it names, the last day named, or the document date',
    re: re(
      `${B}(?:(?<prep>${cw('at', 'by', 'until', 'till', 'around', 'about', 'before', 'after', 'from', 'since', 'as of', 'shortly after', 'shortly before')})${S1})?(?<span>(?:(?<h>[01]?\\d|2[0-4])(?<sep>[:.])(?<min>[0-5]\\d)(?::[0-5]\\d)?|(?<h4>[01]\\d|2[0-3])(?<m4>[0-5]\\d)(?=${S0}(?:GMT|UTC|Zulu|hrs|HRS|local${S1}time))|(?<h1>1[0-2]|0?[1-9])(?=${S0}[apAP]\\.?[mM]))(?:${S0}(?<ap>[ap]\\.?${S0}m\\.?|[AP]\\.?${S0}M\\.?)(?![\\p{L}]))?(?:${S0}(?<tz>GMT|UTC|Zulu|Z|hrs|HRS|local${S1}time)(?:${S0}\\(?${S0}(?:GMT|UTC)?${S0}(?<off>[+-]${S0}\\d{1,2}(?::?\\d\\d)?)${S0}\\)?)?)?(?:,?${S1}(?:${cw('on')}${S1})?(?<dw>${cw('today', 'yesterday', 'tomorrow', 'tonight', ...WEEKDAYS.map((w) => w.toLowerCase()))}(?![\\p{L}])))?)(?![\\p{L}\\p{N}]|:\\d)`,
    ),
    confidence: 0.8,
    // A bare "16:15" needs a preposition before it, "5.30" a clock word after it (else it is a number).
    accept: (m) => !!(g(m, 'tz') || g(m, 'ap') || g(m, 'h4') || (g(m, 'prep') && g(m, 'sep') === ':')),
    resolve(m, at) {
      let hour = Number(g(m, 'h') ?? g(m, 'h4') ?? g(m, 'h1'));
      const minute = Number(g(m, 'min') ?? g(m, 'm4') ?? 0);
      const ap = g(m, 'ap')?.toLowerCase().replace(/[.\s]/g, '');
      if (ap) {
        if (hour > 12 || hour === 0) return null;
        hour = ap === 'pm' ? (hour % 12) + 12 : hour % 12;
      }
      const tz = g(m, 'tz')?.toUpperCase();
      const off = g(m, 'off')?.replace(/\s+/g, '');
      let zone = tz === 'UTC' || tz === 'GMT' || tz === 'Z' || tz === 'ZULU' ? 'Z' : '';
      if (off) {
        const om = /^([+-])(\d{1,2})(?::?(\d\d))?$/.exec(off);
        if (om) zone = `${om[1]}${pad(Number(om[2]))}:${om[3] ?? '00'}`;
      }
      const dw = g(m, 'dw');
      const day = dw ? dayWord(dw, at) : at.lastDay();
      return timeNorm(day, hour, minute, zone, at.anchor);
    },
  },
  {
    id: 'rule:date/noon',
    reason: 'noon or midnight after a preposition ("at noon", "by midnight")',
    re: re(`(?<![\\p{L}])${cw('at', 'by', 'until', 'till', 'around', 'before', 'after', 'from', 'since')}${S1}(?<span>(?<w>${cw('noon', 'midday', 'midnight')}))${E}`),
    confidence: 0.7,
    resolve: (m, at) => timeNorm(at.lastDay(), /midnight/i.test(g(m, 'w')!) ? 24 : 12, 0, '', at.anchor),
  },
  {
    id: 'rule:date/relative-day',
    reason: 'a day or part of one named relative to the document date ("today", "yesterday", "earlier today", "this morning", "last night", "yesterday afternoon")',
    re: re(
      `${B}(?:(?:${cw('earlier', 'later', 'late', 'early')})${S1})?(?<rel>${cw('today', 'yesterday', 'tomorrow', 'tonight')})(?:${S1}${PART})?${E}|${B}(?<this>${cw('this', 'last')})${S1}(?<part2>${cw('morning', 'afternoon', 'evening', 'night')})${E}`,
    ),
    confidence: 0.8,
    resolve(m, at) {
      const rel = lower(g(m, 'rel'));
      const part = lower(g(m, 'part') ?? g(m, 'part2') ?? (rel === 'tonight' ? 'night' : undefined));
      if (!at.anchor) return part ? unknownNorm(`XXXX-XX-XXT${PART_CODE[part]}`, 'time') : unknownNorm('XXXX-XX-XX', 'day');
      const d = rel === 'yesterday' || lower(g(m, 'this')) === 'last' ? addDays(at.anchor, -1) : rel === 'tomorrow' ? addDays(at.anchor, 1) : at.anchor;
      return part ? partOfDayNorm(d, part, at.anchor) : anchorDayNorm(d, at.anchor);
    },
  },
  {
    id: 'rule:date/relative-unit',
    reason: 'a week, weekend, month, year or decade named relative to the document date ("last year", "this week", "early next year", "the end of the year", "the past decade")',
    re: re(
      `${B}(?:(?<pos>${cw('the end of', 'the beginning of', 'the start of', 'the middle of', 'the rest of', 'the remainder of', 'the very end of', 'the very beginning of', 'later', 'earlier', 'early', 'late', 'mid')})${MODSEP})?(?<rel>${cw('last', 'this', 'next', 'the past', 'the previous', 'the last', 'the current', 'the coming', 'the next', 'the following', 'the preceding')})${S1}(?<unit>${cw('week', 'weekend', 'month', 'year', 'decade')})${E}` +
        `|${B}(?<pos2>${cw('the end of', 'the beginning of', 'the start of', 'the middle of', 'the rest of', 'the remainder of', 'the very end of', 'the very beginning of')})${S1}${cw('the')}${S1}(?<unit2>${cw('week', 'month', 'year', 'decade')})${E}(?!${S1}${cw('of', 'in', 'before', 'after', 'when')}${E})`,
    ),
    confidence: 0.8,
    resolve(m, at) {
      const rel = lower(g(m, 'rel')) ?? 'this';
      const unit = lower(g(m, 'unit') ?? g(m, 'unit2'))!;
      const pos = lower(g(m, 'pos') ?? g(m, 'pos2'))?.replace(/^the (very )?/, '').replace(/ of$/, '');
      const mod = pos && pos !== 'later' && pos !== 'earlier' ? pos : undefined;
      const a = at.anchor;
      if (!a) {
        const v: Record<string, [string, DateNorm['granularity']]> = { week: ['XXXX-WXX', 'week'], weekend: ['XXXX-WXX-WE', 'week'], month: ['XXXX-XX', 'month'], year: ['XXXX', 'year'], decade: ['XXX', 'decade'] };
        return withMod(unknownNorm(v[unit][0], v[unit][1]), mod);
      }
      // "the following/preceding" count from the last day named; the rest from the document date.
      const base = /following|preceding/.test(rel) ? (at.lastDay() ?? a) : a;
      const shift = rel === 'this' || rel === 'the current' ? 0 : /next|coming|following/.test(rel) ? 1 : -1;
      let n: DateNorm | null;
      if (unit === 'year') n = yearNorm(base.year + shift, a);
      else if (unit === 'decade') n = decadeNorm(Math.floor(base.year / 10) + shift, undefined, a);
      else if (unit === 'month') {
        const ym = addMonths(base.year, base.month, shift);
        n = monthNorm(ym.year, ym.month, a);
      } else n = weekNorm(addDays(base, shift * 7), unit === 'weekend', a);
      if (pos === 'later' && unit === 'year' && shift === 0) return { ...n, value: `${a.year}-Q${Math.min(4, Math.ceil(a.month / 3) + 1)}`, granularity: 'quarter' };
      return withMod(n, mod);
    },
  },
  {
    id: 'rule:date/relative-month',
    reason: 'a month named relative to the document date ("last September", "early June", "this May", "mid-January")',
    re: re(`${B}(?:(?<rel>${cw('last', 'this', 'next', 'past')})|${MOD}|(?<pos>${cw('the end of', 'the beginning of', 'the start of', 'the middle of', 'the first week of', 'the last week of', 'the second week of', 'the third week of')}))${MODSEP}${MON}(?!${S0},?${S0}['’]?\\d)`),
    confidence: 0.8,
    accept: (m, text) => !monthAloneIsWord(m, text),
    resolve(m, at) {
      const month = monthNumber(g(m, 'mon')!);
      const rel = lower(g(m, 'rel'));
      const pos = lower(g(m, 'pos'));
      const mod = g(m, 'mod') ?? (pos && /^the (end|beginning|start|middle) of$/.test(pos) ? pos.split(' ')[1] : undefined);
      if (!at.anchor) return withMod(unknownNorm(`XXXX-${pad(month)}`, 'month'), mod);
      const a = at.anchor;
      let year: number;
      if (rel === 'last' || rel === 'past') year = month < a.month ? a.year : a.year - 1;
      else if (rel === 'next') year = month > a.month ? a.year : a.year + 1;
      else if (rel === 'this') year = a.year;
      else year = Number(monthAlone(month, at)!.value.slice(0, 4));
      const n = monthNorm(year, month, a);
      const week = pos && /week/.test(pos) ? pos.split(' ')[1] : undefined;
      if (n && week) {
        const first = { year, month, day: 1, iso: '' };
        const day = week === 'last' ? addDays({ ...first, month: month + 1 > 12 ? 1 : month + 1, year: month === 12 ? year + 1 : year }, -4) : addDays(first, 7 * ['first', 'second', 'third'].indexOf(week) + 3);
        return weekNorm(day, false, a);
      }
      return withMod(n, mod);
    },
  },
  {
    id: 'rule:date/month-after-preposition',
    reason: 'a month alone after a preposition or another month ("in May", "since March", "April and June"): the latest such month up to the document date, or the next when the clause looks ahead',
    re: re(`(?:(?<![\\p{L}])(?:${PREP_BEFORE_MONTH})${S1}|(?<=(?:${MONTH_NAMES.map(capsOf).join('|')})${H}{0,3}(?:,|${H}{1,3}(?:and|or|to|through|until|till))${H}{1,3}))(?<span>(?<week>${cw('the first week of', 'the second week of', 'the third week of', 'the last week of', 'the end of', 'the beginning of', 'the start of', 'the middle of')}${S1})?${MON})(?!${S0},?${S0}['’]?\\d)`),
    confidence: 0.8,
    accept: (m, text) => !monthAloneIsWord(m, text),
    resolve(m, at) {
      const month = monthNumber(g(m, 'mon')!);
      const week = lower(g(m, 'week'))?.trim();
      const mod = week && /^the (end|beginning|start|middle) of$/.test(week) ? week.split(' ')[1] : undefined;
      const n = monthAlone(month, at, mod);
      if (!n || !week || mod) return n;
      if (!at.anchor) return unknownNorm('XXXX-WXX', 'week');
      const year = Number(n.value.slice(0, 4));
      const which = week.split(' ')[1];
      const day = which === 'last' ? addDays({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1, iso: '' }, -4) : addDays({ year, month, day: 1, iso: '' }, 7 * ['first', 'second', 'third'].indexOf(which) + 3);
      return weekNorm(day, false, at.anchor);
    },
  },
  {
    id: 'rule:date/month-as-modifier',
    reason: 'a month alone between a determiner and the noun it modifies ("their January sales", "the May elections"): resolved as a month alone; not before a preposition ("the March on Washington") nor the verb "may"',
    re: re(`(?<![\\p{L}])(?:the|its|their|his|her|our|The|Its|Their|His|Her|Our|THE|ITS|THEIR)${S1}(?<span>${MON})(?=${S1}(?<next>\\p{Ll}\\p{L}+))`),
    confidence: 0.7,
    accept: (m, text) => !monthAloneIsWord(m, text) && !/^(?:on|to|of|in|for|from|against|through|into|toward|towards|across|and|or|is|was|are|were|has|had|will|would|said|says)$/.test(g(m, 'next')!),
    resolve: (m, at) => monthAlone(monthNumber(g(m, 'mon')!), at),
  },
  {
    id: 'rule:date/relative-weekday',
    reason: 'a weekday named relative to the document date ("last Friday", "next Monday", "this Tuesday")',
    re: re(`${B}(?<rel>${cw('last', 'next', 'this', 'past', 'coming')})${S1}${WD}(?:${S1}${PART})?`),
    confidence: 0.85,
    resolve(m, at) {
      const wd = weekdayNumber(g(m, 'wd')!);
      const rel = lower(g(m, 'rel'));
      const part = lower(g(m, 'part'));
      if (!at.anchor) return weekdayAlone(wd, at, part);
      if (rel === 'this') return weekdayAlone(wd, at, part);
      const dir: Direction = rel === 'next' || rel === 'coming' ? 'future' : 'past';
      let d = weekdayFor(at.anchor, wd, dir);
      if (dir === 'past' && d.iso === at.anchor.iso) d = addDays(d, -7);
      return part ? partOfDayNorm(d, part, at.anchor) : anchorDayNorm(d, at.anchor);
    },
  },
  {
    id: 'rule:date/weekday',
    reason: 'a weekday: the latest such day up to the document date, or the next when the clause looks ahead ("on Tuesday", "Friday morning"); not in a name ("Black Monday", "the Sunday Times")',
    re: re(`${B}${WD}(?:${S1}${PART})?${E}`),
    confidence: 0.75,
    accept: (m, text) => !NAMED_DAYS.has(wordBefore(text, m.index)) && !NAMED_DAY_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24)),
    resolve: (m, at) => weekdayAlone(weekdayNumber(g(m, 'wd')!), at, lower(g(m, 'part'))),
  },
  {
    id: 'rule:date/early-hours',
    reason: 'the early hours of a day ("early hours of Sunday", "the small hours of 3 May")',
    re: re(`${B}(?<span>(?:${cw('early', 'small', 'wee')})${S1}${cw('hours')}${S1}(?:of${S1})?(?:${WD}|(?<dw>${cw('today', 'yesterday')})))${E}`),
    confidence: 0.8,
    resolve(m, at) {
      const day = g(m, 'wd') ? dayWord(g(m, 'wd')!, at) : dayWord(g(m, 'dw')!, at);
      return { ...dayOrUnknown(day, at), mod: 'START' };
    },
  },
  {
    id: 'rule:date/ago',
    reason: 'a time counted back from the document date ("two days ago", "a week ago", "a few years ago")',
    re: re(`${B}(?<n>\\d{1,3}|${cw(...Object.keys(NUMBER_WORDS), 'a few', 'several', 'many', 'some')})${S1}(?<unit>${cw('hour', 'day', 'week', 'month', 'year', 'decade')})s?${S1}${cw('ago')}${E}`),
    confidence: 0.8,
    resolve(m, at) {
      const raw = lower(g(m, 'n'))!;
      const unit = lower(g(m, 'unit'))!;
      if (!(raw in NUMBER_WORDS) && !/^\d/.test(raw)) return vagueNorm('PAST_REF', at.anchor);
      const n = NUMBER_WORDS[raw] ?? Number(raw);
      const a = at.anchor;
      if (!a) return unknownNorm(unit === 'year' || unit === 'decade' ? 'XXXX' : unit === 'month' ? 'XXXX-XX' : 'XXXX-XX-XX', unit === 'decade' ? 'year' : unit === 'hour' ? 'day' : (unit as DateNorm['granularity']));
      if (unit === 'hour') return anchorDayNorm(addDays(a, -Math.floor(n / 24)), a);
      if (unit === 'day' || unit === 'week') return anchorDayNorm(addDays(a, -n * (unit === 'week' ? 7 : 1)), a);
      if (unit === 'month') {
        const ym = addMonths(a.year, a.month, -n);
        return monthNorm(ym.year, ym.month, a);
      }
      return yearNorm(a.year - n * (unit === 'decade' ? 10 : 1), a);
    },
  },
  {
    id: 'rule:date/same-day',
    reason: 'a day named by reference to the last one ("the same day", "that day", "the next day", "the previous day", "the day before" ending its clause)',
    re: re(`${B}(?:${cw('the very same day', 'the same day', 'that same day', 'that very day', 'that day')}|(?<rel>${cw('the next', 'the following', 'the previous', 'the preceding')})${S1}${cw('day')}|${cw('the day')}${S1}(?<rel2>${cw('before', 'after')})(?=${S0}[,.;:!?]))${E}(?!${S1}${cw('of', 'that', 'when', 'after', 'before')}${E})`),
    confidence: 0.7,
    resolve(m, at) {
      const rel = lower(g(m, 'rel') ?? g(m, 'rel2'));
      const last = at.lastDay();
      if (!last) return unknownNorm('XXXX-XX-XX', 'day');
      return anchorDayNorm(rel ? addDays(last, /next|following|after/.test(rel) ? 1 : -1) : last, at.anchor);
    },
  },
  {
    id: 'rule:date/same-period-a-year-before',
    reason: 'the period just named, a year before ("compared to the same period last year", "the same month a year ago"): the last date named, a year back, at its granularity',
    re: re(`${B}${cw('the same')}${S1}(?<unit>${cw('day', 'week', 'month', 'quarter', 'period', 'time', 'season')})${S1}(?:${cw('of')}${S1})?(?:${cw('last year', 'the last year', 'the previous year', 'the year before', 'a year ago', 'a year earlier', 'a year before', 'one year ago', 'one year earlier')})${E}`),
    confidence: 0.75,
    resolve(m, at) {
      const last = at.lastDate();
      const unit = lower(g(m, 'unit'))!;
      const back = (iso: string): string => `${pad(Number(iso.slice(0, 4)) - 1, 4)}${iso.slice(4)}`;
      const from = last?.interval ? parseAnchor(last.interval.start) : null;
      // A named unit takes that unit of the last date; "period", "time", "season" keep its own.
      if (from && unit === 'day') return dayNorm(from.year - 1, from.month, from.month === 2 && from.day === 29 ? 28 : from.day, at.anchor);
      if (from && unit === 'month') return monthNorm(from.year - 1, from.month, at.anchor);
      if (from && unit === 'quarter') return quarterNorm(from.year - 1, Math.ceil(from.month / 3), at.anchor);
      if (from && unit === 'week') return weekNorm(addDays(from, -364), false, at.anchor);
      if (last && /^\d{4}(?:-(?:\d\d|Q\d|H\d|W\d\d|SP|SU|FA|WI)(?:-\d\d)?)?$/.test(last.value) && last.interval) {
        return { value: back(last.value), granularity: last.granularity, interval: { start: back(last.interval.start), end: back(last.interval.end).replace(/-02-29$/, '-02-28') }, ...(at.anchor ? { anchor: at.anchor.iso } : {}) };
      }
      return at.anchor ? yearNorm(at.anchor.year - 1, at.anchor) : unknownNorm('XXXX', 'year');
    },
  },
  {
    id: 'rule:date/counted-from-last',
    reason: 'a time counted from the last day named ("two days later", "a week earlier", "three months later"), at the unit it counts',
    re: re(`${B}(?<n>\\d{1,3}|${cw(...Object.keys(NUMBER_WORDS))})${S1}(?<unit>${cw('day', 'week', 'month', 'year')})s?${S1}(?<dir>${cw('later', 'earlier', 'afterwards', 'before')})${E}(?!${S1}${cw('than', 'that', 'when', 'the')}${E})`),
    confidence: 0.7,
    resolve(m, at) {
      const raw = lower(g(m, 'n'))!;
      const n = (NUMBER_WORDS[raw] ?? Number(raw)) * (/later|afterwards/i.test(g(m, 'dir')!) ? 1 : -1);
      const unit = lower(g(m, 'unit'))!;
      const last = at.lastDay();
      if (!last) return unknownNorm(unit === 'year' ? 'XXXX' : unit === 'month' ? 'XXXX-XX' : 'XXXX-XX-XX', unit === 'week' ? 'day' : (unit as DateNorm['granularity']));
      if (unit === 'day' || unit === 'week') return anchorDayNorm(addDays(last, n * (unit === 'week' ? 7 : 1)), at.anchor);
      if (unit === 'month') {
        const ym = addMonths(last.year, last.month, n);
        return monthNorm(ym.year, ym.month, at.anchor);
      }
      return yearNorm(last.year + n, at.anchor);
    },
  },
  {
    id: 'rule:date/the-day',
    needs: THE_DAY,
    reason: '"the day" after a word that makes it the day being reported ("to end the day", "for the day", "at the start of the day"), which is the last day named or the document date',
    re: re(`(?:(?<![\\p{L}])(?:${DAY_ANAPHOR_BEFORE})${S1}(?<span>${cw('the')}${S1}${cw('day')})|${B}(?<pos>${cw('the start of', 'the beginning of', 'the end of', 'the close of', 'the rest of', 'the middle of')})${S1}${cw('the')}${S1}${cw('day')})${E}(?!${S1}${cw('after', 'before', 'when', 'that', 'which', 'of', 'on', 'in', 'following', 'prior', 'earlier', 'later', 'to')}${E}|['’]s)`, 'i'),
    confidence: 0.6,
    resolve(m, at) {
      const n = dayOrUnknown(at.lastDay(), at);
      return withMod(n, lower(g(m, 'pos'))?.split(' ')[1]);
    },
  },
  {
    id: 'rule:date/late-in-the-day',
    needs: THE_DAY,
    reason: 'a part of the day being reported ("late in the day", "early in the day")',
    re: re(`${B}(?<late>${cw('late', 'early')})${S1}${cw('in')}${S1}${cw('the')}${S1}${cw('day')}${E}`),
    confidence: 0.6,
    resolve: (m, at) => ({ ...dayOrUnknown(at.lastDay(), at), mod: lower(g(m, 'late')) === 'late' ? 'END' : 'START' }),
  },
  {
    id: 'rule:date/weekend',
    reason: 'the weekend being reported ("over the weekend"): the latest one up to the document date, or the next when the clause looks ahead',
    re: re(`(?<![\\p{L}])${cw('over', 'during', 'at', 'on', 'this', 'by', 'until', 'since', 'for')}${S1}(?<span>${cw('the')}${S1}${cw('weekend')})${E}(?!${S1}${cw('of', 'before', 'after')}${E})`),
    confidence: 0.7,
    resolve(m, at) {
      const a = at.anchor;
      if (!a) return unknownNorm('XXXX-WXX-WE', 'week');
      const wd = weekday(a);
      const inWeekend = wd === 0 || wd === 6;
      const day = inWeekend ? a : at.direction() === 'future' ? addDays(a, 6 - wd) : addDays(a, -(wd === 0 ? 0 : wd));
      return weekNorm(day, true, a);
    },
  },
  {
    id: 'rule:date/part-of-day',
    reason: 'a part of the day being reported after a preposition ("in the morning", "during the night")',
    re: re(`(?<![\\p{L}])${cw('in', 'during', 'by', 'until', 'overnight', 'through')}${S1}(?<span>${cw('the')}${S1}(?<part>${cw('morning', 'afternoon', 'evening', 'night')}))${E}(?!${S1}${cw('of', 'before', 'after', 'when')}${E})`),
    confidence: 0.55,
    resolve: (m, at) => partOfDayNorm(at.lastDay(), lower(g(m, 'part'))!, at.anchor),
  },
  {
    id: 'rule:date/past-ref',
    reason: 'a vague reference to the past ("recently", "of late", "in recent years", "in the past")',
    re: re(`${B}(?:${cw('more recently', 'most recently', 'until recently', 'recently', 'of late', 'lately', 'in recent times', 'recent years', 'recent months', 'recent weeks', 'recent days', 'recent decades')})${E}|(?<![\\p{L}])${cw('in', 'of', 'from', 'than')}${S1}(?<span>${cw('the past')})(?![\\p{L}\\p{N}])(?!${S1}(?:\\d|${cw('few', 'several', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'day', 'days', 'hour', 'hours', 'century')})${E})`),
    confidence: 0.6,
    resolve: (_m, at) => vagueNorm('PAST_REF', at.anchor),
  },
  {
    id: 'rule:date/present-ref',
    reason: 'a vague reference to the present ("currently", "at present", "for the time being", "right now"); a bare "now" is most often a discourse adverb ("they have now been defeated") and is left out',
    re: re(`${B}(?:${cw('currently', 'nowadays', 'at present', 'at the moment', 'the time being', 'right now', 'until now', 'up to now')})${E}`),
    confidence: 0.6,
    resolve: (_m, at) => vagueNorm('PRESENT_REF', at.anchor),
  },
  {
    id: 'rule:date/future-ref',
    reason: 'a vague reference to the future ("the future", "in the coming months", "the near term", "very soon"); not "the Future" in a name ("Fund for the Future")',
    re: re(`${B}(?:(?:the|The|THE)${S1}(?:(?:near|distant|foreseeable|NEAR|DISTANT|FORESEEABLE)${S1})?(?:future|FUTURE)|${cw('the coming', 'the next few', 'the coming few')}${S1}(?:${cw('days', 'weeks', 'months', 'years')})(?:${S1}${cw('and')}${S1}${cw('days', 'weeks', 'months', 'years')})?|${cw('the')}${S1}(?:${cw('near', 'long', 'short', 'medium')})${S1}${cw('term')}|${cw('very soon')})${E}`),
    confidence: 0.6,
    resolve: (_m, at) => vagueNorm('FUTURE_REF', at.anchor),
  },
];

for (const rule of DATE_RULES as DateRule[]) {
  if (!rule.needs && !rule.re.flags.includes('i') && (rule.re.source.includes(MON) || rule.re.source.includes(MON2))) rule.needs = A_MONTH;
}
