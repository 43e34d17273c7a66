import type { Term } from './terms.js';

/**
 * Features of one word for the trigger classifier (src/events/learned-triggers.ts): the word, a
 * crude stem and suffix, compromise's tags, the words and tag classes around it in its sentence,
 * and what the trigger lexicon said of it (its entry and type, when a lexicon trigger covers it).
 */

/** compromise tags the classifier reads. */
const TAGS = ['Noun', 'Verb', 'Plural', 'Singular', 'PastTense', 'PresentTense', 'Gerund', 'Infinitive', 'Participle', 'Adjective', 'ProperNoun', 'Passive', 'Auxiliary', 'Copula', 'Modal'];
/** Word classes of neighbours, first that applies. */
const CLASSES = ['Determiner', 'Possessive', 'Preposition', 'Pronoun', 'Value', 'Modal', 'Auxiliary', 'Copula', 'Verb', 'ProperNoun', 'Noun', 'Adjective', 'Adverb', 'Conjunction'];

/** A crude stem, the same in training and use ('attacks', 'attacked', 'attacking' → 'attack'). */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

function wordClass(t: Term | undefined): string {
  if (!t) return '_';
  for (const c of CLASSES) if (t.tags.has(c)) return c;
  return 'X';
}

/** The lexicon's reading of a word: the trigger entry over it and its type. */
export interface LexiconReading {
  entry: string;
  type: string;
}

/**
 * Features of term `i` of `terms`, within its sentence's term range [lo, hi). `head` is the word
 * whose features these are (the last word of a multi-word lexicon trigger).
 */
export function triggerFeatures(terms: readonly Term[], i: number, lo: number, hi: number, lex: LexiconReading | undefined): string[] {
  const t = terms[i];
  const w = t.normal;
  const s = stem(w);
  const at = (k: number): Term | undefined => (k >= lo && k < hi ? terms[k] : undefined);
  const p1 = at(i - 1);
  const p2 = at(i - 2);
  const n1 = at(i + 1);
  const n2 = at(i + 2);
  const f = ['b', `w=${w}`, `s=${s}`, `x=${w.slice(-3)}`, `lex=${lex ? lex.entry : '-'}`, `lt=${lex ? lex.type : '-'}`];
  for (const tag of TAGS) if (t.tags.has(tag)) f.push(`t=${tag}`, `st=${s}|${tag}`);
  f.push(`p1=${p1?.normal ?? '<s>'}`, `n1=${n1?.normal ?? '</s>'}`, `p2=${p2?.normal ?? '<s>'}`, `n2=${n2?.normal ?? '</s>'}`);
  const c1 = wordClass(p1);
  const d1 = wordClass(n1);
  f.push(`pc=${c1}`, `nc=${d1}`, `pc2=${wordClass(p2)}|${c1}`, `nc2=${d1}|${wordClass(n2)}`, `s+pc=${s}|${c1}`, `s+nc=${s}|${d1}`, `s+n1=${s}|${n1?.normal ?? '</s>'}`, `s+p1=${s}|${p1?.normal ?? '<s>'}`);
  if (lex) f.push(`lt+pc=${lex.type}|${c1}`, `lt+nc=${lex.type}|${d1}`);
  return f;
}
