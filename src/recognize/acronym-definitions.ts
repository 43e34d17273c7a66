import type { Component } from '../context.js';

/** Words a long form may hold besides capitalised ones (lower case, as written). */
const SMALL_WORDS = ['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'des', 'la', 'al'];
const SMALL = new Set(SMALL_WORDS);
/** The most words a long form has (the bracketed acronym follows them). */
const MAX_WORDS = 10;
/** An acronym in brackets: "(SRTF)". */
const BRACKETED = /\((\p{Lu}[\p{Lu}\d&-]{1,9})\)/gu;
const WORD_CHAR = /^[\p{L}\p{M}'’-]$/u;
const UPPER_START = /^\p{Lu}/u;
const NOT_BEFORE_USE = /^[\p{L}\d-]$/u;

const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** The code point that ends at offset `at` of `text`, and its start. */
function charBefore(text: string, at: number): [string, number] {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return [text.slice(at - 2, at), at - 2];
  }
  return [text[at - 1], at - 1];
}

/** The code point that starts at offset `at`, or '' at the end. */
function charAt(text: string, at: number): string {
  const cp = text.codePointAt(at);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The leftmost start in [from, to) of a suffix that is a word of a long form: from an upper-case letter on, or a small word. */
function suffixWord(text: string, from: number, to: number): number | undefined {
  let best: number | undefined;
  for (let i = from; i < to; ) {
    const c = charAt(text, i);
    if (UPPER_START.test(c)) {
      best = i;
      break;
    }
    i += c.length;
  }
  for (const w of SMALL_WORDS) {
    const at = to - w.length;
    if (at >= from && (best === undefined || at < best) && text.startsWith(w, at)) best = at;
  }
  return best;
}

/**
 * The long form before the bracket at `open`: two to ten words, blank-separated, each capitalised
 * or a small word, the first of them possibly the end of a longer token ("xFoo Bar (FB)" → "Foo
 * Bar"), as the pattern `(W(?:[ \t]+W){1,9})[ \t]+\(` found it at its leftmost start. Walked back
 * from the bracket, so a document costs its length once, whatever the length of its tokens.
 */
function longFormBefore(text: string, open: number): { start: number; end: number } | undefined {
  let end = open;
  while (end > 0 && blank(text[end - 1])) end--;
  if (end === open) return undefined;
  let words = 0;
  let start = end;
  let pos = end;
  while (words < MAX_WORDS) {
    let ws = pos;
    while (ws > 0) {
      const [c, at] = charBefore(text, ws);
      if (!WORD_CHAR.test(c)) break;
      ws = at;
    }
    const whole = ws < pos && (ws === 0 || blank(text[ws - 1]));
    const token = whole ? text.slice(ws, pos) : '';
    if (whole && (SMALL.has(token) || UPPER_START.test(token))) {
      words++;
      start = ws;
      let b = ws;
      while (b > 0 && blank(text[b - 1])) b--;
      if (b === ws) break;
      pos = b;
      continue;
    }
    const q = suffixWord(text, ws, pos);
    if (q !== undefined) {
      words++;
      start = q;
    }
    break;
  }
  return words >= 2 ? { start, end } : undefined;
}

/** The long form's words whose initials spell the acronym, from the right ("the Syria Recovery Trust Fund (SRTF)"). */
function longForm(words: string[], acronym: string): number | undefined {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  let k = letters.length - 1;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (SMALL.has(w.toLowerCase())) {
      if (k < 0) return i + 1;
      continue;
    }
    if (k < 0) return i + 1;
    if (w[0].toUpperCase() !== letters[k]) return undefined;
    k--;
    if (k < 0) return i;
  }
  return k < 0 ? 0 : undefined;
}

/**
 * Offsets of every use of the given acronyms in `text`, as whole tokens (no letter, digit or hyphen
 * either side), in text order: one pass over the text for all of them.
 */
function usesOf(text: string, acronyms: ReadonlySet<string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const firsts = new Set<string>();
  const lengths = new Set<number>();
  for (const a of acronyms) {
    firsts.add(a[0]);
    lengths.add(a.length);
    out.set(a, []);
  }
  for (let i = 0; i < text.length; i++) {
    if (!firsts.has(text[i])) continue;
    if (i > 0 && NOT_BEFORE_USE.test(charBefore(text, i)[0])) continue;
    for (const n of lengths) {
      const s = text.slice(i, i + n);
      if (s.length !== n || !acronyms.has(s) || NOT_BEFORE_USE.test(charAt(text, i + n))) continue;
      out.get(s)!.push(i);
    }
  }
  return out;
}

/**
 * An organisation defined with its acronym — "the Syria Recovery Trust Fund (SRTF)" — where the
 * capitalised words' initials spell the acronym: the long form and every later use of the acronym
 * are group mentions of one entity. Names that a lexicon knows are left to it (their key links
 * them already); so are acronyms that are common words.
 */
export const acronymDefinitions: Component = {
  name: 'recognize/acronym-definitions',
  run(ctx) {
    const text = ctx.text;
    const defs: { acronym: string; start: number; end: number }[] = [];
    BRACKETED.lastIndex = 0;
    for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) {
      const acronym = m[1];
      const found = longFormBefore(text, m.index);
      if (!found) continue;
      const words = text.slice(found.start, found.end).split(/[ \t]+/);
      const from = longForm(words, acronym);
      if (from === undefined) continue;
      const phrase = words.slice(from).join(' ').replace(/^(?:the|of|and)\s+/i, '');
      defs.push({ acronym, start: found.end - phrase.length, end: found.end });
    }
    if (defs.length === 0) return;
    const known = new Set(ctx.lexicon.matcher.matchDocument(ctx).map((m) => `${m.start}:${m.end}`));
    const uses = usesOf(text, new Set(defs.map((d) => d.acronym)));
    for (const { acronym, start, end } of defs) {
      if (known.has(`${start}:${end}`)) continue;
      const key = `group:acronym-${acronym.toLowerCase()}`;
      ctx.propose({ type: 'group', start, end, source: 'rule:group/acronym-definition', confidence: 0.75, priority: 2, key, value: acronym });
      for (const at of uses.get(acronym)!) {
        if (known.has(`${at}:${at + acronym.length}`)) continue;
        ctx.propose({ type: 'group', start: at, end: at + acronym.length, source: 'rule:group/acronym-definition', confidence: 0.75, priority: 2, key, value: acronym });
      }
    }
  },
};
