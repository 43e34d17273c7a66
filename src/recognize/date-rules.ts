import {
  addDays, decadeNorm, dayNorm, isoWeek, monthNorm, monthNumber, pastYearFor, quarterNorm, seasonNorm, vagueNorm, weekday, yearNorm, expandYear,
  type Anchor,
} from '../link/date-value.js';
import type { DateNorm } from '../doc.js';

/**
 * The date grammar: one rule per form of date expression, each with an id, a reason and a resolver
 * that turns the match into a TIMEX3-like value against the anchor (the document date).
 * Spans never include a leading preposition ("in 2021" → "2021"). Month names must be capitalised
 * (or in an all-capital wire), so "may" and "march" the verbs never match; a month alone needs a
 * preposition or modifier before it ("in May", "last March").
 */

export interface DateRule {
  id: string;
  reason: string;
  re: RegExp;
  confidence: number;
  /** Returns the value, or null to drop the match. */
  resolve(m: RegExpExecArray, anchor: Anchor | null, text: string): DateNorm | null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec'];
const cased = (w: string): string => `${w}|${w.toUpperCase()}`;
const MON = `(?<mon>${MONTH_NAMES.map(cased).join('|')}|(?:${MONTH_ABBR.map(cased).join('|')})\\.?)(?![\\p{L}])`;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WD = `(?<wd>${WEEKDAYS.map(cased).join('|')})`;
const DAY = '(?<day>[0-3]?\\d)(?:st|nd|rd|th|ST|ND|RD|TH)?';
const YEAR = '(?<year>1[5-9]\\d\\d|20\\d\\d)';
const SEP = '\\s*,?\\s*';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const PART = '(?:\\s+(?<part>morning|afternoon|evening|night))?';
const MOD = '(?<mod>[Ee]arly|[Mm]id|[Ll]ate|EARLY|MID|LATE)';
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const MOD_VALUE: Record<string, string> = { early: 'START', mid: 'MID', late: 'END', beginning: 'START', start: 'START', end: 'END', middle: 'MID' };
const PART_VALUE: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

function re(src: string, flags = ''): RegExp {
  return new RegExp(src, `dgu${flags}`);
}

function g(m: RegExpExecArray, name: string): string | undefined {
  return m.groups?.[name];
}

function withMod(n: DateNorm | null, mod: string | undefined): DateNorm | null {
  if (!n || !mod) return n;
  const v = MOD_VALUE[mod.toLowerCase()];
  return v ? { ...n, mod: v } : n;
}

/** A number that counts something ("2000 troops", "$2021"), not a year. */
function isQuantity(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  if (/[$€£#]\s*$|\d[,.]$|No\.\s*$/.test(before)) return true;
  const after = text.slice(end, end + 24);
  if (/^[,.]\d/.test(after)) return true;
  return /^\s*(%|percent|per cent|people|persons|troops|soldiers|fighters|militants|men|women|children|civilians|refugees|dead|deaths|killed|km|kilomet|miles|metres|meters|tons|tonnes|dollars|euros|pounds|barrels|households|families|cases|votes|hectares|square|sq\b|feet|ft\b|m\b|kg\b)/i.test(after);
}

function monthDay(m: RegExpExecArray, anchor: Anchor | null): DateNorm | null {
  const month = monthNumber(g(m, 'mon')!);
  const day = Number(g(m, 'day'));
  if (!anchor) return null;
  return dayNorm(pastYearFor(anchor, month, day), month, day, anchor);
}

/** The latest weekday `wd` on or before the anchor. */
function pastWeekday(anchor: Anchor, wd: number): Anchor {
  const diff = (weekday(anchor) - wd + 7) % 7;
  return addDays(anchor, -diff);
}

export const DATE_RULES: readonly DateRule[] = [
  {
    id: 'rule:date/day-month-year',
    reason: 'a full date written day first ("9 August 2025", "Monday, 4 March 2024", "4 FEB 90")',
    re: re(`${B}(?:${WD},?\\s+)?${DAY}\\s+(?:of\\s+)?${MON},?\\s+(?:${YEAR}|'?(?<yy>\\d\\d))${E}`),
    confidence: 0.95,
    resolve(m) {
      const mon = g(m, 'mon')!;
      const yy = g(m, 'yy');
      if (yy && mon !== mon.toUpperCase() && !m[0].includes("'")) return null;
      const year = g(m, 'year') ? Number(g(m, 'year')) : expandYear(yy!);
      return dayNorm(year, monthNumber(mon), Number(g(m, 'day')));
    },
  },
  {
    id: 'rule:date/month-day-year',
    reason: 'a full date written month first ("March 12, 2009", "September 08 , 2007")',
    re: re(`${B}(?:${WD},?\\s+)?${MON}\\s+${DAY}${SEP}${YEAR}${E}`),
    confidence: 0.95,
    resolve: (m) => dayNorm(Number(g(m, 'year')), monthNumber(g(m, 'mon')!), Number(g(m, 'day'))),
  },
  {
    id: 'rule:date/iso',
    reason: 'an ISO calendar date ("2024-03-22")',
    re: re(`${B}(?<year>\\d{4})-(?<mo>\\d{2})-(?<day>\\d{2})${E}`),
    confidence: 0.95,
    resolve: (m) => dayNorm(Number(g(m, 'year')), Number(g(m, 'mo')), Number(g(m, 'day'))),
  },
  {
    id: 'rule:date/numeric',
    reason: 'a numeric date, month first unless the first number cannot be a month ("7/8/07")',
    re: re(`${B}(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<y>\\d{4}|\\d{2})${E}`),
    confidence: 0.8,
    resolve(m) {
      let month = Number(g(m, 'a'));
      let day = Number(g(m, 'b'));
      if (month > 12) [month, day] = [day, month];
      return dayNorm(expandYear(g(m, 'y')!), month, day);
    },
  },
  {
    id: 'rule:date/day-month',
    reason: 'a day and month without a year ("11 December"), in the year before the anchor when later in the calendar',
    re: re(`${B}(?:${WD},?\\s+)?${DAY}\\s+(?:of\\s+)?${MON}${E}`),
    confidence: 0.85,
    resolve: (m, anchor) => monthDay(m, anchor),
  },
  {
    id: 'rule:date/month-day',
    reason: 'a month and day without a year ("June 1st", "April 3")',
    re: re(`${B}(?:${WD},?\\s+)?${MON}\\s+${DAY}(?![\\p{L}\\p{N}])(?!\\s*(?:,\\s*)?\\d)`),
    confidence: 0.85,
    resolve: (m, anchor) => monthDay(m, anchor),
  },
  {
    id: 'rule:date/month-year',
    reason: 'a month of a year ("March 2024", "early June 2009")',
    re: re(`${B}(?:${MOD}[-\\s]+)?${MON},?\\s+(?:of\\s+)?${YEAR}${E}`),
    confidence: 0.95,
    resolve: (m) => withMod(monthNorm(Number(g(m, 'year')), monthNumber(g(m, 'mon')!)), g(m, 'mod')),
  },
  {
    id: 'rule:date/part-of-year',
    reason: 'a year with a modifier ("early 2024", "mid-2011", "the end of 2023")',
    re: re(`${B}(?:${MOD}|(?:[Tt]he|THE)\\s+(?<part>beginning|start|end|middle|BEGINNING|START|END|MIDDLE)\\s+of)[-\\s]+${YEAR}${E}`),
    confidence: 0.9,
    resolve: (m) => withMod(yearNorm(Number(g(m, 'year'))), g(m, 'mod') ?? g(m, 'part')),
  },
  {
    id: 'rule:date/decade',
    reason: 'a decade ("the 1990s" → 199, "mid-2010s", "the \'80s")',
    re: re(`${B}(?:${MOD}[-\\s]+)?(?:(?<dec>1[5-9]\\d|20\\d)0s|'?(?<short>[1-9])0s)${E}`),
    confidence: 0.9,
    resolve: (m) => decadeNorm(g(m, 'dec') ? Number(g(m, 'dec')) : 190 + Number(g(m, 'short')), g(m, 'mod') ? MOD_VALUE[g(m, 'mod')!.toLowerCase()] : undefined),
  },
  {
    id: 'rule:date/season',
    reason: 'a season of a year ("spring 2024", "the summer of 2023")',
    re: re(`${B}(?<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\\s+(?:of\\s+)?${YEAR}${E}`),
    confidence: 0.9,
    resolve: (m) => seasonNorm(Number(g(m, 'year')), g(m, 'season')!),
  },
  {
    id: 'rule:date/quarter',
    reason: 'a quarter ("the first quarter of 2009", "the fourth quarter")',
    re: re(`${B}(?:the\\s+)?(?<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[-\\s]+quarter(?:\\s+of\\s+(?:${YEAR}|(?<rel>this|last|next)\\s+year))?${E}`, 'i'),
    confidence: 0.8,
    resolve(m, anchor) {
      const qs: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };
      const q = qs[g(m, 'q')!.toLowerCase()];
      let year: number | undefined = g(m, 'year') ? Number(g(m, 'year')) : undefined;
      if (year === undefined) {
        if (!anchor) return null;
        const rel = g(m, 'rel')?.toLowerCase();
        year = anchor.year + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
      }
      return quarterNorm(year, q, g(m, 'year') ? null : anchor);
    },
  },
  {
    id: 'rule:date/year',
    reason: 'a year on its own ("2021"), unless it counts something ("2000 troops")',
    re: re(`${B}${YEAR}${E}`),
    confidence: 0.85,
    resolve(m, _anchor, text) {
      if (isQuantity(text, m.index, m.index + m[0].length)) return null;
      return yearNorm(Number(g(m, 'year')));
    },
  },
  {
    id: 'rule:date/relative-day',
    reason: 'a day named relative to the document date ("today", "yesterday", "earlier today")',
    re: re(`${B}(?:earlier\\s+|later\\s+)?(?<rel>today|yesterday|tomorrow|tonight)${E}|${B}this\\s+(?<part2>morning|afternoon|evening)${E}`, 'i'),
    confidence: 0.8,
    resolve(m, anchor) {
      if (!anchor) return null;
      const rel = g(m, 'rel')?.toLowerCase();
      if (!rel) {
        return { value: `${anchor.iso}T${PART_VALUE[g(m, 'part2')!.toLowerCase()]}`, granularity: 'day', anchor: anchor.iso };
      }
      const shift = rel === 'yesterday' ? -1 : rel === 'tomorrow' ? 1 : 0;
      const d = addDays(anchor, shift);
      return dayNorm(d.year, d.month, d.day, anchor);
    },
  },
  {
    id: 'rule:date/relative-unit',
    reason: 'a week, month or year named relative to the document date ("last year", "this week", "next month")',
    re: re(`${B}(?:(?<pos>the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of|later|earlier)\\s+)?(?<rel>last|this|next|the\\s+past|the\\s+previous|the\\s+last)\\s+(?<unit>week|weekend|month|year)${E}`, 'i'),
    confidence: 0.8,
    resolve(m, anchor) {
      if (!anchor) return null;
      const rel = g(m, 'rel')!.toLowerCase().replace(/\s+/g, ' ');
      const unit = g(m, 'unit')!.toLowerCase();
      const pos = g(m, 'pos')?.toLowerCase().replace(/\s+/g, ' ');
      const back = rel === 'this' ? 0 : rel === 'next' ? 1 : -1;
      let n: DateNorm | null;
      if (unit === 'year') n = yearNorm(anchor.year + back, anchor);
      else if (unit === 'month') {
        const idx = anchor.year * 12 + (anchor.month - 1) + back;
        n = monthNorm(Math.floor(idx / 12), (idx % 12) + 1, anchor);
      } else {
        const w = isoWeek(addDays(anchor, back * 7));
        n = { value: unit === 'weekend' ? `${w}-WE` : w, granularity: 'week', anchor: anchor.iso };
      }
      if (pos === 'later' && unit === 'year' && back === 0) return { ...n!, value: `${anchor.year}-Q${Math.min(4, Math.ceil(anchor.month / 3) + 1)}`, granularity: 'quarter' };
      const key = pos?.split(' ')[1];
      return key ? withMod(n, key) : n;
    },
  },
  {
    id: 'rule:date/relative-month',
    reason: 'a month named relative to the document date ("last September", "early June", "this May")',
    re: re(`${B}(?:(?<rel>[Ll]ast|[Tt]his|[Nn]ext|LAST|THIS|NEXT)|${MOD})[-\\s]+${MON}(?!\\s*,?\\s*\\d)`),
    confidence: 0.8,
    resolve(m, anchor) {
      if (!anchor) return null;
      const month = monthNumber(g(m, 'mon')!);
      const rel = g(m, 'rel')?.toLowerCase();
      let year: number;
      if (rel === 'last') year = month < anchor.month ? anchor.year : anchor.year - 1;
      else if (rel === 'next') year = month > anchor.month ? anchor.year : anchor.year + 1;
      else if (rel === 'this') year = anchor.year;
      else year = pastYearFor(anchor, month);
      return withMod(monthNorm(year, month, anchor), g(m, 'mod'));
    },
  },
  {
    id: 'rule:date/month-after-preposition',
    reason: 'a month alone after a preposition ("in May", "since March"): the latest such month up to the document date',
    re: re(`(?<=(?:^|[^\\p{L}])(?:in|In|IN|since|Since|SINCE|until|Until|by|By|from|From|through|during|During|before|Before|after|After|of|between|and|to|till)\\s+)${MON}(?!\\s*,?\\s*\\d)(?![\\p{L}])`),
    confidence: 0.8,
    resolve(m, anchor) {
      if (!anchor) return null;
      const month = monthNumber(g(m, 'mon')!);
      return monthNorm(pastYearFor(anchor, month), month, anchor);
    },
  },
  {
    id: 'rule:date/weekday',
    reason: 'a weekday: the latest such day up to the document date ("on Tuesday", "Friday morning")',
    re: re(`${B}${WD}${PART}${E}`),
    confidence: 0.75,
    resolve(m, anchor) {
      if (!anchor) return null;
      const wd = WEEKDAYS.findIndex((w) => w.toLowerCase() === g(m, 'wd')!.toLowerCase());
      const d = pastWeekday(anchor, (wd + 1) % 7);
      const part = g(m, 'part');
      if (part) return { value: `${d.iso}T${PART_VALUE[part.toLowerCase()]}`, granularity: 'day', anchor: anchor.iso };
      return dayNorm(d.year, d.month, d.day, anchor);
    },
  },
  {
    id: 'rule:date/ago',
    reason: 'a time counted back from the document date ("two days ago", "a week ago")',
    re: re(`${B}(?<n>\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(?<unit>day|week|month|year)s?\\s+ago${E}`, 'i'),
    confidence: 0.8,
    resolve(m, anchor) {
      if (!anchor) return null;
      const raw = g(m, 'n')!.toLowerCase();
      const n = NUMBER_WORDS[raw] ?? Number(raw);
      const unit = g(m, 'unit')!.toLowerCase();
      if (unit === 'day' || unit === 'week') {
        const d = addDays(anchor, -n * (unit === 'week' ? 7 : 1));
        return dayNorm(d.year, d.month, d.day, anchor);
      }
      if (unit === 'month') {
        const idx = anchor.year * 12 + (anchor.month - 1) - n;
        return monthNorm(Math.floor(idx / 12), (idx % 12) + 1, anchor);
      }
      return yearNorm(anchor.year - n, anchor);
    },
  },
  {
    id: 'rule:date/past-ref',
    reason: 'a vague reference to the past ("recently", "of late", "in recent years")',
    re: re(`${B}(?:more\\s+)?recently${E}|${B}of\\s+late${E}|${B}lately${E}|${B}recent\\s+(?:years|months|weeks|days)${E}|(?<=\\b(?:in|In)\\s+)the\\s+past(?!\\s+(?:\\d|few|several|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade))${E}`, 'i'),
    confidence: 0.6,
    resolve: (_m, anchor) => vagueNorm('PAST_REF', anchor),
  },
  {
    id: 'rule:date/present-ref',
    reason: 'a vague reference to the present ("now", "currently", "at present")',
    re: re(`${B}(?:currently|nowadays|at\\s+present|the\\s+time\\s+being)${E}|(?<![\\p{L}]\\s?)${B}now(?!\\s+that)${E}`, 'i'),
    confidence: 0.6,
    resolve: (_m, anchor) => vagueNorm('PRESENT_REF', anchor),
  },
  {
    id: 'rule:date/future-ref',
    reason: 'a vague reference to the future ("the future", "in the coming months", "very soon")',
    re: re(`${B}the\\s+(?:near\\s+|distant\\s+)?future${E}|${B}the\\s+coming\\s+(?:days|weeks|months|years)(?:\\s+and\\s+(?:days|weeks|months|years))?${E}|${B}the\\s+(?:near|long|short)\\s+term${E}|${B}very\\s+soon${E}`, 'i'),
    confidence: 0.6,
    resolve: (_m, anchor) => vagueNorm('FUTURE_REF', anchor),
  },
];
