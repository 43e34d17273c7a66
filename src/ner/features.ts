import type { NerToken } from './tokens.js';

/** compromise tags worth a feature (its word classes; the rest are grammar the window words already give). */
export const TAGS: ReadonlySet<string> = new Set([
  'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'Place', 'Country', 'City', 'Region', 'Address',
  'Organization', 'SportsTeam', 'Company', 'School', 'Acronym', 'ProperNoun', 'Demonym', 'Possessive', 'Plural', 'Singular',
  'Noun', 'Verb', 'Adjective', 'Adverb', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Value', 'Date', 'Month',
  'WeekDay', 'Actor', 'Abbreviation', 'Hyphenated', 'Copula', 'PastTense', 'Infinitive', 'Gerund', 'Unit', 'Money', 'Percent',
  'Ordinal', 'Cardinal', 'Url', 'Hashtag', 'AtMention', 'Emoji', 'Comparable', 'Possessive', 'Modal',
]);
/** Tags read from the neighbouring words too. */
export const NEAR_TAGS: ReadonlySet<string> = new Set(['Person', 'Place', 'Organization', 'ProperNoun', 'Verb', 'Preposition', 'Determiner', 'Value', 'Honorific', 'Actor', 'Demonym']);

/** The word's shape: letters become X/x, digits d, runs collapsed ("Al-Qaeda" → "Xx-Xx", "CTF 50" → "XX", "d"). */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'x' : ch;
    if (c !== last) out += c;
    last = c;
    if (out.length > 8) break;
  }
  return out;
}

function caseClass(word: string): string {
  if (!/\p{L}/u.test(word)) return /\p{N}/u.test(word) ? 'num' : 'punct';
  if (word === word.toUpperCase()) return word.length === 1 ? 'cap1' : 'caps';
  if (/^\p{Lu}/u.test(word)) return 'init';
  if (/\p{Lu}/u.test(word)) return 'mixed';
  return 'lower';
}

/** What the document says about each word (lower-cased): how often it is written with a capital where a capital is not forced. */
export interface DocStats {
  /** Share (0–1) of the word's mid-sentence occurrences with a capital first letter; absent when it never occurs mid-sentence. */
  capitalised: Map<string, number>;
  /** The document is mostly capitals (wire copy): case says little there. */
  upperCase: boolean;
}

export function docStats(tokens: readonly NerToken[]): DocStats {
  const counts = new Map<string, [number, number]>();
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!/\p{L}/u.test(t.word)) continue;
    if (t.word === t.word.toUpperCase()) upper++;
    letters++;
    const first = i === 0 || tokens[i - 1].sentence !== t.sentence || t.lineStart || /["“(]/u.test(t.pre);
    if (first) continue;
    const k = t.word.toLowerCase();
    const c = counts.get(k) ?? [0, 0];
    c[1]++;
    if (/^\p{Lu}/u.test(t.word)) c[0]++;
    counts.set(k, c);
  }
  const capitalised = new Map<string, number>();
  for (const [k, [cap, all]] of counts) capitalised.set(k, cap / all);
  return { capitalised, upperCase: letters >= 8 && upper / letters > 0.6 };
}

/** Features of a word by itself (its forms, shape, affixes), made once per word and kept for the next documents. */
const byWord = new Map<string, readonly string[]>();

export function wordFeatures(word: string): readonly string[] {
  let f = byWord.get(word);
  if (f) return f;
  const w = word.toLowerCase();
  const list = ['b', `w=${w}`, `W=${word}`, `sh=${shape(word)}`, `c=${caseClass(word)}`];
  for (let n = 1; n <= 4 && n < w.length; n++) list.push(`p${n}=${w.slice(0, n)}`, `s${n}=${w.slice(-n)}`);
  if (w.length > 12) list.push('long');
  if (/-/u.test(w)) list.push('hyph');
  f = list;
  // Bounded, so that a corpus of endless distinct tokens does not grow it without end.
  if (byWord.size >= 100_000) byWord.clear();
  byWord.set(word, f);
  return f;
}

const shapes = new Map<string, string>();
function shapeOf(word: string): string {
  let s = shapes.get(word);
  if (s === undefined) {
    s = shape(word);
    if (shapes.size >= 100_000) shapes.clear();
    shapes.set(word, s);
  }
  return s;
}

const lower = (t: NerToken | undefined): string => (t ? t.word.toLowerCase() : '<none>');

/**
 * The features of token `i` that do not depend on the labels: the word, its shape, prefixes and
 * suffixes, a ±2 window, compromise's tags, lexicon membership with its BILOU position, document case statistics.
 */
export function staticFeatures(tokens: readonly NerToken[], i: number, stats: DocStats): string[] {
  const t = tokens[i];
  const s = t.sentence;
  const at = (k: number): NerToken | undefined => {
    const x = tokens[i + k];
    return x && x.sentence === s ? x : undefined;
  };
  const w = t.word.toLowerCase();
  const f: string[] = [...wordFeatures(t.word)];
  const p1 = at(-1);
  const p2 = at(-2);
  const n1 = at(1);
  const n2 = at(2);
  f.push(`w-1=${lower(p1)}`, `w-2=${lower(p2)}`, `w+1=${lower(n1)}`, `w+2=${lower(n2)}`);
  f.push(`w-1w=${lower(p1)}|${w}`, `ww+1=${w}|${lower(n1)}`);
  const shp = p1 ? shapeOf(p1.word) : '<none>';
  const shn = n1 ? shapeOf(n1.word) : '<none>';
  f.push(`sh-1=${shp}`, `sh+1=${shn}`, `shw=${shp}|${shapeOf(t.word)}|${shn}`);
  if (!p1) f.push('first');
  if (t.lineStart) f.push('line');
  if (t.possessive) f.push('poss');
  if (t.post) f.push(`post=${t.post.slice(0, 2)}`);
  if (t.pre) f.push(`pre=${t.pre.slice(0, 2)}`);
  if (p1?.post) f.push(`post-1=${p1.post.slice(0, 2)}`);
  for (const tag of t.tags) if (TAGS.has(tag)) f.push(`t=${tag}`);
  for (const [k, x] of [[-1, p1], [1, n1]] as const) if (x) for (const tag of x.tags) if (NEAR_TAGS.has(tag)) f.push(`t${k}=${tag}`);
  for (const g of t.gazetteer) f.push(`g=${g}`);
  for (const [k, x] of [[-1, p1], [1, n1]] as const) if (x) for (const g of x.gazetteer) f.push(`g${k}=${g}`);
  const cap = stats.capitalised.get(w);
  if (cap !== undefined) f.push(`cap=${cap >= 0.9 ? 'always' : cap >= 0.5 ? 'mostly' : cap > 0 ? 'sometimes' : 'never'}`);
  if (stats.upperCase) f.push('doc=upper', `uw=${w}`);
  return f;
}

/** The features that read the labels already given: the previous two, and what earlier occurrences of the word were tagged. */
export function labelFeatures(tokens: readonly NerToken[], i: number, prev1: string, prev2: string, memory: ReadonlyMap<string, string>): string[] {
  const t = tokens[i];
  const w = t.word.toLowerCase();
  const f = [`y-1=${prev1}`, `y-2=${prev2}|${prev1}`, `y-1w=${prev1}|${w}`, `y-1sh=${prev1}|${shapeOf(t.word)}`];
  const seen = memory.get(w);
  if (seen !== undefined && /\p{L}/u.test(w) && w.length > 1) f.push(`mem=${seen}`);
  return f;
}
