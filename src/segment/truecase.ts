import type { AnnotatedDoc } from '../doc.js';
import { caseWords, lowerSameLength, type CaseWords } from './case-words.js';
import { titleCaseView } from './title-case.js';

/**
 * A truecased view of text written in capitals (wire copy, cables): each paragraph that is mostly
 * upper case is rewritten word by word as mixed-case text would write it ("GUERRILLAS ATTACKED THE
 * FARM" → "Guerrillas attacked the farm"), so that compromise's tags and the recognizers read names,
 * places and dates as they do in mixed case. The view has the same length as the text and every
 * character at the same offset (a character whose case changes its length is left as it is), so
 * every span found in the view indexes the original text.
 */

/** A paragraph is read through the view when at least this share of its cased letters are capitals… */
export const UPPER_SHARE = 0.8;
/** …and it has at least this many capitals (a short heading in capitals is left alone). */
export const MIN_UPPER = 20;

const capitalise = (w: string): string => w.slice(0, 1) + lowerSameLength(w.slice(1));

/** How one word in capitals is written in mixed case; `initial`: it begins a sentence. */
export function truecaseWord(word: string, initial: boolean): string {
  const t = caseWords();
  const key = lowerSameLength(word);
  // A plural or possessive of a lower-case word is lower case too ('launchers').
  if (t.lower.has(key) || (/(?:s|['’]s)$/.test(key) && t.lower.has(key.replace(/['’]?s$/, '')))) return initial ? capitalise(word) : key;
  if (t.upper.has(key)) return word;
  if (t.capital.has(key)) return capitalise(word);
  if (lowerByForm(t, key)) return initial ? capitalise(word) : key;
  // An unknown word: short ones with at most one vowel are most often acronyms ("URNG", "FMLN"),
  // longer ones names ("Cerezo").
  return word.length <= t.acronymMaxLength && (key.match(/[aeiou]/g)?.length ?? 0) <= 1 ? word : capitalise(word);
}

/** Endings of English derived words: an unknown word with one is an English word, not a name. */
const ENGLISH_ENDINGS = /(?:ist|ists|ism|isms|ing|ings|ed|ate|ates|ize|izes|ise|tion|tions|sion|sions|ment|ments|ness|ity|ities|ive|ives|ous|ful|less|able|ible|ically|ly)$/;

/** An unknown word that is an inflection of, or inflects to, a lower-case word ('wane' → 'waning'), or has an English ending. */
function lowerByForm(t: CaseWords, key: string): boolean {
  if (key.length > 5 && ENGLISH_ENDINGS.test(key)) return true;
  const base = key.endsWith('e') ? key.slice(0, -1) : key;
  return t.lower.has(`${key}s`) || t.lower.has(`${key}d`) || t.lower.has(`${key}ed`) || t.lower.has(`${base}ing`) || t.lower.has(`${key}ly`);
}

/** Is this stretch of text mostly in capitals? */
export function mostlyUpper(text: string, from = 0, to = text.length): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c > 127) {
      const ch = text[i];
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  return upper >= MIN_UPPER && upper >= UPPER_SHARE * (upper + lower);
}

const WORD = /\p{L}+(?:['’]\p{L}+)*(?:-\p{L}+(?:['’]\p{L}+)*)*/gu;

/**
 * A hyphenated compound word by word; when one of its parts stays in capitals (an acronym), its
 * other short parts do too ('IS-KP', not 'is-KP').
 */
function truecaseCompound(word: string, initial: boolean): string {
  if (!word.includes('-')) return truecaseWord(word, initial);
  const parts = word.split('-');
  const cased = parts.map((p, i) => truecaseWord(p, initial && i === 0));
  const max = caseWords().acronymMaxLength;
  if (!cased.some((c, i) => c === parts[i] && c.length > 1 && c.length <= max)) return cased.join('-');
  // …except a common prefix word of three letters or more ('anti-ISIS', 'pro-Kremlin').
  const lower = caseWords().lower;
  return cased.map((c, i) => (parts[i].length <= max && !(parts[i].length >= 3 && lower.has(lowerSameLength(parts[i]))) ? parts[i] : c)).join('-');
}
/** What ends a sentence before the next word: its first word is written with a capital. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+$/;

/** Only spaces between two words: the second can make the first part of a name. */
const JUST_SPACE = /^[^\S\n]+$/;

function truecasePassage(text: string, from: number, to: number): string {
  const beforeName = caseWords().beforeName;
  let out = '';
  let last = from;
  // A word cased by the next one waits for it: its cased form, the text before it, and the lower case.
  let held: { between: string; cased: string; lower: string } | undefined;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const between = text.slice(last, m.index);
    const initial = last === from || SENTENCE_END.test(between.length > 8 ? between.slice(-8) : between);
    const cased = truecaseCompound(m[0], initial);
    if (held) {
      const named = JUST_SPACE.test(between) && cased[0] !== lowerSameLength(cased[0]);
      out += held.between + (named ? held.cased : held.lower);
      held = undefined;
    }
    const key = lowerSameLength(m[0]);
    if (!initial && beforeName.has(key)) held = { between, cased, lower: key };
    else out += between + cased;
    last = m.index + m[0].length;
  }
  if (held) out += held.between + held.lower;
  return out + text.slice(last, to);
}

/**
 * The view of `text` that the pipeline reads: the same string when no paragraph is mostly in
 * capitals and no line is a headline in title case, else the text with each such paragraph
 * truecased and each such headline written as running text (same length, same offsets).
 */
export function truecaseView(text: string): string {
  return titleCaseView(capitalsView(text));
}

function capitalsView(text: string): string {
  const blank = /\n[^\S\n]*\n/g;
  let out = '';
  let from = 0;
  let changed = false;
  const passage = (to: number): void => {
    if (mostlyUpper(text, from, to)) {
      out += truecasePassage(text, from, to);
      changed = true;
    } else out += text.slice(from, to);
  };
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    passage(m.index);
    out += m[0];
    from = m.index + m[0].length;
  }
  passage(text.length);
  return changed && out.length === text.length ? out : text;
}

/**
 * Give every span of an annotated document the text of the original (the view it was found in
 * differs in case only). Mention, trigger, role and casualty evidence texts are sliced again.
 */
export function restoreOriginalText(doc: Pick<AnnotatedDoc, 'mentions' | 'events'>, text: string): void {
  for (const m of doc.mentions) m.text = text.slice(m.start, m.end);
  for (const e of doc.events) {
    e.trigger.text = text.slice(e.trigger.start, e.trigger.end);
    for (const r of e.roles) r.text = text.slice(r.start, r.end);
    for (const c of [e.fatalities, e.injured]) if (c?.evidence) c.evidence.text = text.slice(c.evidence.start, c.evidence.end);
  }
}
