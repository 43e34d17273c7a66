import data from '../lexicon/group-countries.json' with { type: 'json' };
import aliases from '../lexicon/country-aliases.json' with { type: 'json' };
import { lowerSet } from '../lexicon/word-set.js';
import { wordTokens } from '../recognize/tokens.js';
import type { Component } from '../context.js';
import type { Lexicon } from '../lexicon/index.js';

const HEADS = lowerSet(data.heads.words);
const MODIFIERS = lowerSet(data.modifiers.words);

/** The forms news writes for each country (country-aliases.json), to tell which of the countries a demonym is most written for. */
const CURATED = new Set<string>();
for (const table of [aliases.entries, aliases.demonyms] as Record<string, string[]>[])
  for (const [cc, forms] of Object.entries(table)) for (const f of forms) CURATED.add(`country:${cc} ${f.toLowerCase()}`);

const words = (s: string): string[] => s.toLowerCase().split(/[\s\u00a0]+/).filter(Boolean);

/** Words, all of them modifiers but the last, which is a state-body head ("National Army"). */
function body(ws: string[]): boolean {
  return ws.length > 0 && HEADS.has(ws[ws.length - 1]) && ws.slice(0, -1).every((w) => MODIFIERS.has(w));
}

/**
 * The country a group's name says it is the state body of: a country or nationality the lexicon
 * knows, before the body ("Somali government", "Somalia's army", "Nigerian Air Force") or after
 * "of" ("Federal Government of Somalia"). Undefined when the name has no such shape or names two
 * countries (a demonym of several countries counts as one if country-aliases.json writes it for one).
 */
export function stateBodyCountry(text: string, lexicon: Lexicon): string | undefined {
  const found = new Map<string, string>();
  for (const m of lexicon.matcher.match(text, wordTokens(text))) {
    const { type, key } = m.entry;
    if ((type !== 'country' && type !== 'nationality') || !key.startsWith('country:')) continue;
    const before = text.slice(0, m.start);
    const after = text.slice(m.end);
    const lead = words(before.replace(/^the\s+/i, ''));
    // "Somali government", "Somalia's army": only modifiers before the country, the body after it.
    if (lead.every((w) => MODIFIERS.has(w)) && /^(?:['’]s?)?\s/.test(after) && body(words(after.replace(/^['’]s?/, '')))) found.set(key, text.slice(m.start, m.end).toLowerCase());
    // "government of Somalia", "the Government of the Sudan": the body, "of", the country last.
    const of = /^(?:the\s+)?(.*?)\s+of\s+(?:the\s+)?$/i.exec(before);
    if (!after.trim() && of && body(words(of[1]))) found.set(key, text.slice(m.start, m.end).toLowerCase());
  }
  // "American" is also the Northern Mariana Islands' demonym: the country the curated table writes it for, if one.
  const keys = found.size > 1 ? [...found].filter(([k, form]) => CURATED.has(`${k} ${form}`)).map(([k]) => k) : [...found.keys()];
  return keys.length === 1 ? keys[0] : undefined;
}

/**
 * A group that no table lists and that is named for a state body of a country ("the Somali
 * government", "Kenyan troops") gets that country as its `country`, as a table's group has its
 * own. Right after the entities are linked, before events read them.
 */
export const groupCountries: Component = {
  name: 'link/group-countries',
  run(ctx) {
    const byId = new Map(ctx.mentions.map((m) => [m.id, m]));
    let inside: Uint8Array | undefined;
    /** Whether a country or nationality written in the text begins before the mention and runs into it ("South [Sudanese troops]"). */
    const cut = (start: number): boolean => {
      if (!inside) {
        inside = new Uint8Array(ctx.text.length + 1);
        for (const x of ctx.lexicon.matcher.matchDocument(ctx)) if (x.entry.type === 'country' || x.entry.type === 'nationality') inside.fill(1, x.start + 1, x.end);
      }
      return inside[start] === 1;
    };
    for (const e of ctx.entities) {
      if (e.type !== 'group' || e.country || ctx.lexicon.entities.has(e.id)) continue;
      const country = e.mentions.map((id) => byId.get(id)).map((m) => (m && !cut(m.start) ? stateBodyCountry(m.text, ctx.lexicon) : undefined)).find(Boolean);
      if (country) e.country = country;
    }
  },
};
