import { DATE_RULES, type DateContext, type DateRule } from './date-rules.js';
import { looksAhead } from './date-cues.js';
import { parseAnchor, type Anchor, type Direction } from '../link/date-value.js';
import type { Component } from '../context.js';
import type { DateNorm, Sentence } from '../doc.js';

/** One date expression found in a text, with its value. */
export interface DateMatch {
  start: number;
  end: number;
  rule: DateRule;
  norm: DateNorm;
}

interface Raw {
  start: number;
  end: number;
  rule: DateRule;
  order: number;
  m: RegExpExecArray;
}

/** What may lie between dates listed together ("in 2022, in January and September", "May 2021 and June"). */
const LISTED = /^[\s,;–-]*(?:(?:and|or|in|on|to|through|until|till|from|then|between|by|of|again)[\s,]+)*$/i;

/**
 * The text the rules scan. A date never crosses a line break ("Friday" ending a title line and
 * "September 18, 2008" on the dateline are two dates), except in hard-wrapped copy (wire text broken
 * at a fixed width, where most long lines end mid-sentence): there a single line break is a space.
 * Offsets are unchanged.
 */
export function unwrapped(text: string): string {
  let long = 0;
  let open = 0;
  for (const line of text.split('\n')) {
    const t = line.trimEnd();
    if (t.length < 50) continue;
    long++;
    if (!/[.!?:;"'”’)\]]$/.test(t)) open++;
  }
  if (long < 3 || open < long * 0.6) return text;
  return text.replace(/(?<=[^\n])\n(?=[^\n])/g, ' ');
}

/**
 * A rule's expression as it is scanned. Most rules begin with a look-behind for a word boundary
 * (`(?<![\p{L}\p{N}])`); an expression that begins with an assertion cannot use the regular
 * expression engine's fast search for its first characters, and scans about twice as slowly. So the
 * leading look-behind is taken off and checked on each match instead: a match whose position fails
 * it is dropped and the scan goes on from the next character, which finds exactly the matches the
 * whole expression finds.
 */
interface Scanner {
  re: RegExp;
  /** The leading look-behind's class, tested against the code point before a match; none when the rule has no such look-behind. */
  before?: RegExp;
}

const LEADING_LOOKBEHIND = /^\(\?<!\[((?:\\.|[^\]\\])*)\]\)/;
const scanners = new WeakMap<DateRule, Scanner>();

function scannerOf(rule: DateRule): Scanner {
  let s = scanners.get(rule);
  if (!s) {
    const m = LEADING_LOOKBEHIND.exec(rule.re.source);
    s = m ? { re: new RegExp(rule.re.source.slice(m[0].length), rule.re.flags), before: new RegExp(`[${m[1]}]$`, rule.re.flags.includes('u') ? 'u' : '') } : { re: rule.re };
    scanners.set(rule, s);
  }
  return s;
}

/** Every match of a rule in `text`, left to right, as `rule.re` alone would find them. */
export function* ruleMatches(rule: DateRule, text: string): Generator<RegExpExecArray> {
  const { re, before } = scannerOf(rule);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (before && m.index > 0 && before.test(text.slice(Math.max(0, m.index - 2), m.index))) {
      // Not at a boundary: go on from the next character (a whole code point).
      const c = text.charCodeAt(m.index);
      re.lastIndex = m.index + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
      continue;
    }
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

/** The span of a match: its `span` group where the rule has one (the words before it only decide), else the whole match. */
function spanOf(m: RegExpExecArray): [number, number] {
  const s = m.indices?.groups?.span;
  return s ? [s[0], s[1]] : [m.index, m.index + m[0].length];
}

function sentenceAround(sentences: readonly Sentence[], text: string, pos: number): [number, number] {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return [s.start, s.end];
  }
  // No segmentation (or a gap): the line, up to 400 characters either side.
  const lo2 = Math.max(0, pos - 400);
  const from = text.lastIndexOf('\n', pos - 1);
  const to = text.indexOf('\n', pos);
  return [Math.max(from + 1, lo2), to < 0 || to > pos + 400 ? Math.min(text.length, pos + 400) : to];
}

/**
 * Every date expression in a text: each rule of the grammar scans the text once; where matches
 * overlap the longest wins (then the more confident, then the earlier rule); the survivors are
 * resolved in text order against the anchor, so that "the same day" or a bare time can refer to the
 * last day named before it.
 */
export function findDates(text: string, anchor: Anchor | null, sentences: readonly Sentence[] = []): DateMatch[] {
  const raws: Raw[] = [];
  const scan = unwrapped(text);
  DATE_RULES.forEach((rule, order) => {
    if (rule.needs && !rule.needs.test(scan)) return;
    for (const m of ruleMatches(rule, scan)) {
      if (rule.accept && !rule.accept(m, scan)) continue;
      const [start, end] = spanOf(m);
      if (end > start) raws.push({ start, end, rule, order, m });
    }
  });
  raws.sort((a, b) => b.end - b.start - (a.end - a.start) || b.rule.confidence - a.rule.confidence || a.order - b.order || a.start - b.start);
  const occupied = new Uint8Array(text.length);
  const kept: Raw[] = [];
  for (const r of raws) {
    if (occupied.subarray(r.start, r.end).some((x) => x)) continue;
    occupied.fill(1, r.start, r.end);
    kept.push(r);
  }
  kept.sort((a, b) => a.start - b.start);

  const out: DateMatch[] = [];
  let lastDay: Anchor | null = anchor;
  let prev: { end: number; year: number | null } | null = null;
  let lastDate: DateNorm | null = null;
  for (const r of kept) {
    let direction: Direction | undefined;
    const p = prev;
    const at: DateContext = {
      anchor,
      text: scan,
      start: r.start,
      end: r.end,
      direction() {
        if (!direction) {
          const [s, e] = sentenceAround(sentences, text, r.start);
          direction = looksAhead(scan, s, e, r.start, r.end) ? 'future' : 'past';
        }
        return direction;
      },
      lastDay: () => lastDay,
      lastDate: () => lastDate,
      yearBefore: () => (p && p.year !== null && LISTED.test(scan.slice(p.end, r.start)) ? p.year : null),
    };
    const norm = r.rule.resolve(r.m, at);
    if (!norm) continue;
    out.push({ start: r.start, end: r.end, rule: r.rule, norm });
    const y = /^(\d{4})(?:-[\dQHWSFX]|$)/.exec(norm.value);
    prev = { end: r.end, year: y && norm.granularity !== 'vague' ? Number(y[1]) : null };
    if (norm.interval && !norm.value.includes('/')) lastDate = norm;
    if ((norm.granularity === 'day' || norm.granularity === 'time') && norm.interval && !norm.value.includes('/')) lastDay = parseAnchor(norm.interval.start) ?? lastDay;
  }
  return out;
}

/** Dates, from the rules of the date grammar (src/recognize/date-rules.ts), resolved against the document date. */
export const dateMentions: Component = {
  name: 'recognize/dates',
  run(ctx) {
    for (const d of findDates(ctx.text, parseAnchor(ctx.docDate), ctx.sentences)) {
      ctx.propose({ type: 'date', start: d.start, end: d.end, source: d.rule.id, confidence: d.rule.confidence, priority: 3, value: d.norm.value, date: d.norm });
    }
  },
};
