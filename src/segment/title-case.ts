import rules from '../lexicon/title-case.json' with { type: 'json' };
import { caseWords, lowerSameLength } from './case-words.js';

/**
 * Headlines in title case ("Court Convicts Friend of Boston Bombing Suspect") rewritten as running
 * text writes them ("Court convicts friend of Boston bombing suspect"), so that case tells names
 * from words there as it does in the body. The view has the text's length and every character at
 * its offset; only ASCII-safe case changes are made (see title-case.json for what makes a headline).
 */

const MINOR = new Set(rules.minor);
const LIST_MARKER = new RegExp(rules.listMarker, 'u');
const PART = /\p{L}+(?:['’]\p{L}+)*/gu;
const UPPER_START = /^\p{Lu}/u;
const FULL_STOP = /\.["'”’)\]]*\s*$/u;
/** Lines this long are never headlines (and are not split into words). */
const MAX_LINE = 400;
/** What ends a sentence or opens a quote before a word: the word's capital is forced there. */
const FORCED = /(?:[.!?:;"“‘(\[]|--|—)\s*$/u;

const isAllCaps = (w: string): boolean => w.length > 1 && w === w.toUpperCase();

/** The word parts of a line (hyphenated compounds in parts), with offsets in the line. */
function partsOf(line: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  PART.lastIndex = 0;
  for (let m = PART.exec(line); m; m = PART.exec(line)) out.push({ word: m[0], at: m.index });
  return out;
}

/** The words of a line shaped as a headline in title case (before the document's evidence is asked), else undefined. */
function titleShaped(line: string): { word: string; at: number }[] | undefined {
  // A headline is short and ends in no full stop: most lines of prose are told apart without reading their words.
  if (line.length >= MAX_LINE || FULL_STOP.test(line) || LIST_MARKER.test(line)) return undefined;
  const parts = partsOf(line);
  if (parts.length < rules.minWords || parts.length > rules.maxWords) return undefined;
  let caps = 0;
  let content = 0;
  for (let i = 0; i < parts.length; i++) {
    const w = parts[i].word;
    if (isAllCaps(w)) caps++;
    if (i === 0 || MINOR.has(w.toLowerCase())) continue;
    if (!UPPER_START.test(w)) return undefined;
    content++;
  }
  return content >= rules.minContentWords && caps * 2 <= parts.length ? parts : undefined;
}

/** How often the document writes each word (lower case key) with a capital and without, away from forced capitals, outside `skip` lines. */
function caseCounts(text: string, skip: ReadonlySet<number>): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  let lineStart = 0;
  let lineNo = 0;
  let nextBreak = text.indexOf('\n');
  let last = 0;
  PART.lastIndex = 0;
  for (let m = PART.exec(text); m; m = PART.exec(text)) {
    // Advance to the line of this word, counting lines as we go (one pass over the text).
    while (nextBreak !== -1 && nextBreak < m.index) {
      lineStart = nextBreak + 1;
      lineNo++;
      last = lineStart;
      nextBreak = text.indexOf('\n', lineStart);
    }
    const before = text.slice(Math.max(last, m.index - 4), m.index);
    const forced = m.index === lineStart || FORCED.test(before) || /-$/u.test(before);
    last = m.index + m[0].length;
    if (forced || skip.has(lineNo)) continue;
    const key = lowerSameLength(m[0]);
    const c = counts.get(key) ?? [0, 0];
    c[UPPER_START.test(m[0]) ? 0 : 1]++;
    counts.set(key, c);
  }
  return counts;
}

/** The text with each headline in title case written as the document's running text writes its words (same length). */
export function titleCaseView(text: string): string {
  const lines = text.split('\n');
  const shaped = new Map<number, { word: string; at: number }[]>();
  for (let n = 0; n < lines.length; n++) {
    const parts = titleShaped(lines[n]);
    if (parts) shaped.set(n, parts);
  }
  if (shaped.size === 0) return text;
  const counts = caseCounts(text, new Set(shaped.keys()));
  const { lower, capital } = caseWords();
  let changed = false;
  for (const [n, parts] of shaped) {
    const line = lines[n];
    let evidence = 0;
    const cased = new Map<number, string>();
    parts.forEach(({ word, at }, i) => {
      if (i === 0 || !UPPER_START.test(word) || isAllCaps(word)) return;
      // The first word after a colon or a quote keeps its capital ("Britain: Rebels Seize…").
      if (FORCED.test(line.slice(Math.max(0, at - 3), at))) return;
      const key = lowerSameLength(word);
      const c = counts.get(key);
      const low = c ? c[1] > c[0] : lower.has(key) && !capital.has(key);
      if (c && c[1] > c[0]) evidence++;
      if (low) cased.set(at, key);
    });
    if (evidence < rules.minEvidence || cased.size === 0) continue;
    let out = '';
    let from = 0;
    for (const [at, key] of [...cased].sort((a, b) => a[0] - b[0])) {
      out += line.slice(from, at) + key;
      from = at + key.length;
    }
    lines[n] = out + line.slice(from);
    changed = true;
  }
  const view = changed ? lines.join('\n') : text;
  return view.length === text.length ? view : text;
}
