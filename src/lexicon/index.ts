import worldCountries from 'world-countries';
import groupsData from './groups.json' with { type: 'json' };
import placesData from './places.json' with { type: 'json' };
import countryAliases from './country-aliases.json' with { type: 'json' };
import commonWords from './common-words.json' with { type: 'json' };
import ucdpActors from './ucdp-actors.json' with { type: 'json' };
import placesGazetteer from './places-gazetteer.json' with { type: 'json' };
import nominalMentions from './nominal-mentions.json' with { type: 'json' };
import conflictTowns from './places-conflict-towns.json' with { type: 'json' };
import { DATA_FILES, dataHash } from './data-files.js';
import { NER_MODEL_HASH } from '../ner/shipped.js';
import { PhraseMatcher, phraseTokens, type PhraseEntry } from '../recognize/phrase-matcher.js';
import { tokenKey } from '../recognize/tokens.js';
import type { EntityIds, MentionType } from '../doc.js';

/** What the lexicons know about one entity. */
export interface LexiconEntity {
  key: string;
  type: MentionType;
  name: string;
  ids: EntityIds;
  partOf?: string;
  country?: string;
  kind?: string;
  source: string;
}

export interface Lexicon {
  matcher: PhraseMatcher;
  /** Common nouns that refer to an organisation or place without naming it ("the government", "the city"). */
  nominals: PhraseMatcher;
  entities: Map<string, LexiconEntity>;
  /** sha256 of every data file the pipeline reads (see data-files.ts) and of the country data, so outputs record what made them. */
  hash: string;
}

const COMMON = new Set(commonWords.words);

interface RawCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  ccn3: string;
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

function shortForm(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase();
}

/**
 * A form's entry: case-sensitive if it is short and all capitals ("IS", "AU"), ambiguous if its
 * letters are a common English word.
 *
 * Building the entries more cheaply was tried and reverted: one object per form, no copies, took
 * 145 ms instead of 335 ms per thread and kept 22 MB instead of 28, and made the batch slower. V8
 * starts a full collection when the old generation reaches 1.5× what was alive after the last one
 * (src/batch/v8-tuning.ts), so a heap 6 MB smaller after start-up brought the next ones sooner: 10
 * mark-compacts instead of 4 in a 2-worker run of the bench corpus, and 5% more time (8 of 8
 * interleaved pairs). A faster start needs that limit set apart from the size of the start-up heap.
 */
export function entryFor(alias: string, base: Omit<PhraseEntry, 'surface' | 'caseSensitive' | 'ambiguous'>): Omit<PhraseEntry, 'surface'> {
  return { ...base, caseSensitive: shortForm(alias), ambiguous: COMMON.has(alias.toLowerCase().replace(/[^\p{L}]/gu, '')) };
}

/** Key of a surface form for ownership checks: its matching tokens, joined. */
function formKey(form: string): string {
  return phraseTokens(form).map(tokenKey).join(' ');
}

let cached: Lexicon | undefined;

/** The lexicon, built once per process from the data files. */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const matcher = new PhraseMatcher();
  const entities = new Map<string, LexiconEntity>();

  // Countries: ISO 3166 from the world-countries package, plus the short forms news writes.
  const countries = (worldCountries as unknown as RawCountry[]).filter((c) => c.cca2);
  const extra = countryAliases.entries as Record<string, string[]>;
  const extraDemonyms = countryAliases.demonyms as Record<string, string[]>;
  for (const c of countries) {
    const key = `country:${c.cca2}`;
    const source = `lex:countries/${c.cca3}`;
    entities.set(key, { key, type: 'country', name: c.name.common, ids: { iso2: c.cca2, iso3: c.cca3, isoNumeric: c.ccn3 }, source });
    const names = new Set([c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3 || a.includes('.')), ...(extra[c.cca2] ?? [])]);
    for (const n of names) matcher.add(n, entryFor(n, { source, type: 'country', key, value: c.cca2, confidence: 0.95, priority: 3 }));
    const dem = new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(extraDemonyms[c.cca2] ?? [])].filter((d): d is string => !!d));
    // Plural of a demonym that names people ("Syrian" → "Syrians"; not "French", "Chinese").
    for (const d of [...dem]) if (/(?:an|i)$/.test(d)) dem.add(`${d}s`);
    for (const d of dem) matcher.add(d, entryFor(d, { source: `lex:demonyms/${c.cca3}`, type: 'nationality', key, value: c.cca2, confidence: 0.9, priority: 1 }));
  }

  // Places: the shipped gazetteer of cities, provinces and regions.
  for (const p of placesData.entries as { id: string; name: string; kind: string; country?: string; aliases: string[]; demonyms?: string[] }[]) {
    const key = `place:${p.id}`;
    const source = `lex:places/${p.id}`;
    entities.set(key, { key, type: 'place', name: p.name, ids: {}, country: p.country ? `country:${p.country}` : undefined, kind: p.kind, source });
    for (const a of new Set([p.name, ...p.aliases])) matcher.add(a, entryFor(a, { source, type: 'place', key, value: p.id, confidence: 0.9, priority: 2 }));
    // A region's people ("Chechen", "Kurdish") are a nationality linked to the region, like a country's.
    for (const d of p.demonyms ?? []) matcher.add(d, entryFor(d, { source: `lex:demonyms/${p.id}`, type: 'nationality', key, value: p.id, confidence: 0.85, priority: 1 }));
  }

  // Conflict-zone towns and regions with the English spellings news writes (curated); linked to
  // the GeoNames or ISO 3166-2 entry where the build confirmed one, so both tables make one entity.
  for (const t of conflictTowns.entries as { id: string; name: string; kind: string; country: string; forms: string[]; geonames?: string; iso31662?: string }[]) {
    const key = t.geonames ? `place:geonames-${t.geonames}` : t.iso31662 ? `place:iso-${t.iso31662}` : `place:${t.id}`;
    const source = `lex:conflict-towns/${t.id}`;
    const ids: EntityIds = t.geonames ? { geonames: t.geonames } : t.iso31662 ? { iso31662: t.iso31662 } : {};
    if (!entities.has(key)) entities.set(key, { key, type: 'place', name: t.name, ids, country: `country:${t.country}`, kind: t.kind, source });
    for (const f of t.forms) matcher.add(f, entryFor(f, { source, type: 'place', key, value: key.slice(6), confidence: 0.85, priority: 2 }));
  }

  // Groups: the curated table of armed groups, state bodies and international organisations.
  for (const g of groupsData.entries as { id: string; name: string; kind: string; partOf?: string; country?: string; aliases: string[]; wikidata?: string }[]) {
    const key = `group:${g.id}`;
    const source = `lex:groups/${g.id}`;
    entities.set(key, {
      key, type: 'group', name: g.name, ids: g.wikidata ? { wikidata: g.wikidata } : {}, kind: g.kind,
      partOf: g.partOf ? `group:${g.partOf}` : undefined, country: g.country ? `country:${g.country}` : undefined, source,
    });
    for (const a of new Set([g.name, ...g.aliases])) matcher.add(a, entryFor(a, { source, type: 'group', key, value: g.id, confidence: 0.95, priority: 4 }));
  }

  // Places from the built gazetteer (GeoNames cities, ISO 3166-2 provinces), below the curated table.
  for (const [id, name, country, kind, forms] of placesGazetteer.entries as [string, string, string, string, string[]][]) {
    const key = `place:${id}`;
    const source = `lex:gazetteer/${id}`;
    // A curated conflict town linked to this entry keeps its English name.
    if (!entities.has(key)) entities.set(key, { key, type: 'place', name, ids: id.startsWith('geonames-') ? { geonames: id.slice(9) } : { iso31662: id.slice(4) }, country: `country:${country}`, kind, source });
    for (const a of new Set([name, ...forms])) matcher.add(a, entryFor(a, { source, type: 'place', key, value: id, confidence: 0.8, priority: 2 }));
  }

  // Conflict actors from the UCDP actor list. A UCDP actor whose name is a curated group's form
  // lends that group its UCDP id; forms that a curated entry or an earlier actor owns stay theirs.
  const owned = new Map<string, string>();
  for (const g of groupsData.entries as { id: string; name: string; aliases: string[] }[]) for (const a of [g.name, ...g.aliases]) owned.set(formKey(a), `group:${g.id}`);
  for (const a of ucdpActors.entries as { id: string; name: string; kind: string; aliases: string[] }[]) {
    const ucdp = a.id.replace(/^ucdp-/, '');
    const curated = owned.get(formKey(a.name));
    if (curated?.startsWith('group:') && !owned.has(`ucdp:${ucdp}`)) {
      const e = entities.get(curated);
      if (e && !e.ids.ucdp) e.ids.ucdp = ucdp;
      continue;
    }
    const key = `group:ucdp-${ucdp}`;
    const source = `lex:ucdp/${ucdp}`;
    entities.set(key, { key, type: 'group', name: a.name, ids: { ucdp }, kind: a.kind, source });
    for (const f of new Set([a.name, ...a.aliases])) {
      const k = formKey(f);
      if (owned.has(k)) continue;
      owned.set(k, key);
      matcher.add(f, entryFor(f, { source, type: 'group', key, value: `ucdp-${ucdp}`, confidence: 0.85, priority: 4 }));
    }
  }

  const nominals = new PhraseMatcher();
  for (const n of nominalMentions.entries as { id: string; type: MentionType; forms: string[] }[]) {
    for (const f of n.forms) nominals.add(f, { source: `rule:nominal/${n.id}`, type: n.type, key: '', confidence: 0.45, priority: 1, caseSensitive: false, ambiguous: false, anyCase: true });
  }

  const hash = dataHash(DATA_FILES, [countries.map((c) => [c.cca2, c.cca3, c.ccn3, c.name.common, c.name.official, c.altSpellings, c.demonyms?.eng]), `ner:${NER_MODEL_HASH}`]);
  cached = { matcher, nominals, entities, hash };
  return cached;
}
