#!/usr/bin/env node
/**
 * Builds src/lexicon/ucdp-actors.json from the UCDP actor list (v22.1, CC BY 4.0), read from
 * ../shared/eval/gazetteer_ucdp_actors.jsonl beside the repository (or the path given).
 *
 * - Alias cells that hold comma-joined lists are split.
 * - Forms that are English words or people's names, country names and demonyms are dropped (an
 *   actor called "Tibet" or "Zaïrois" would turn every mention of the place into a group).
 * - Identity groups (UCDP org type 3: ethnic and communal groups such as "Toubou") are left out:
 *   their names are peoples more often than armed actors.
 * - Governments (org type 4, "Government of X") keep their name; patterns cover other phrasings.
 *
 * Run: node src/lexicon/build/ucdp-actors.mjs [path/to/gazetteer_ucdp_actors.jsonl]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import worldCountries from 'world-countries';
import { wordFilter, nameKey } from './english-words.mjs';

const here = new URL('..', import.meta.url);
const src = process.argv[2] ?? new URL('../../../../shared/eval/gazetteer_ucdp_actors.jsonl', import.meta.url).pathname;
const { isCommon } = wordFilter();

const KINDS = { 1: 'armed-group', 2: 'political-supporters', 3: 'identity-group', 4: 'government' };

// Names that other tables own: countries, their short forms and demonyms.
const taken = new Set();
const aliases = JSON.parse(readFileSync(new URL('country-aliases.json', here), 'utf8'));
for (const c of worldCountries) for (const n of [c.name.common, c.name.official, ...c.altSpellings, c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (n) taken.add(nameKey(n));
for (const list of [...Object.values(aliases.entries), ...Object.values(aliases.demonyms)]) for (const n of list) taken.add(nameKey(n));

function acceptable(form) {
  const key = nameKey(form);
  if (!key || taken.has(key)) return false;
  const letters = key.replace(/[^a-z]/g, '');
  if (letters.length < 3) return false;
  const words = key.split(' ');
  if (words.length === 1) return !isCommon(key);
  return !words.every((w) => isCommon(w));
}

/** Split a cell on commas, and drop parenthetical notes ("Government of X (Y)" keeps both forms). */
function forms(cell) {
  const out = [];
  for (const part of cell.split(/\s*,\s*/)) {
    const t = part.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    out.push(t);
    const bare = t.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    if (bare && bare !== t) out.push(bare);
  }
  return out;
}

const entries = [];
let dropped = 0;
for (const line of readFileSync(src, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const a = JSON.parse(line);
  const kind = KINDS[a.org_type] ?? 'armed-group';
  if (kind === 'identity-group') continue;
  const all = [...new Set([...forms(a.name), ...a.aliases.flatMap(forms)])];
  const kept = all.filter(acceptable);
  dropped += all.length - kept.length;
  if (!kept.length) continue;
  const country = a.location?.split(',')[0]?.trim();
  entries.push({ id: a.id, name: a.name, kind, aliases: kept.filter((f) => f !== a.name), ...(country ? { location: country } : {}) });
}

writeFileSync(
  new URL('ucdp-actors.json', here),
  `${JSON.stringify(
    {
      about:
        'Conflict actors from the UCDP Actor Dataset v22.1 (Uppsala Conflict Data Program, ucdp.uu.se; CC BY 4.0 — credit: UCDP, Department of Peace and Conflict Research, Uppsala University). Derived by src/lexicon/build/ucdp-actors.mjs: comma-joined alias cells split; forms that are English words, people\'s names, countries or demonyms dropped; identity groups (UCDP org type 3) left out. id is the UCDP actor id.',
      entries,
    },
    null,
    0,
  ).replace(/\},\{/g, '},\n{')}\n`,
);
process.stdout.write(`ucdp-actors.json: ${entries.length} actors (${dropped} forms dropped)\n`);
