import worldCountries from 'world-countries';
import { mucCompatible, mucCoverable, mucRelevant, type EvalEvent } from './events-types.js';

/** One MUC-4 incident template, as the shared file writes it (upper case, ISO dates). */
interface MucIncident {
  type: string;
  type_alternatives?: string[];
  date?: { iso?: string; qualifier?: string } | null;
  location?: { country?: string | null } | null;
}

export interface MucCounts {
  /** Gold incidents, and those with a compatible sitrep event placed in their country and dated within their date. */
  incidents: number;
  found: number;
  /** Incidents whose type no sitrep type covers (robbery, forced work stoppage): counted in `incidents`. */
  uncoverable: number;
  /** sitrep events of a relevant type that have both a place with a country and a time, and those that fit a gold incident. */
  predicted: number;
  correct: number;
}

export const newMucCounts = (): MucCounts => ({ incidents: 0, found: 0, uncoverable: 0, predicted: 0, correct: 0 });

export function isMucGold(e: unknown): e is MucIncident {
  const o = e as MucIncident;
  return !!o && typeof o.type === 'string' && ('location' in o || 'date' in o) && !('trigger' in (o as object));
}

let countryCodes: Map<string, string> | undefined;

/** ISO alpha-2 for a country name written in upper case ('EL SALVADOR' → 'SV'). */
export function countryCode(name: string): string | undefined {
  if (!countryCodes) {
    countryCodes = new Map();
    for (const c of worldCountries as unknown as { cca2: string; name: { common: string; official: string }; altSpellings: string[] }[]) {
      for (const n of [c.name.common, c.name.official, ...c.altSpellings]) countryCodes.set(n.toUpperCase(), c.cca2);
    }
  }
  return countryCodes.get(name.trim().toUpperCase());
}

/** The gold date as an inclusive interval; `on_or_before` opens it to the past. */
function goldInterval(d: MucIncident['date']): { start: string; end: string } | undefined {
  if (!d?.iso) return undefined;
  const [a, b] = d.iso.split('/');
  if (d.qualifier === 'on_or_before') return { start: '0000-01-01', end: a };
  return { start: a, end: b ?? a };
}

/** An event's time falls within the gold date: its whole interval lies inside the gold interval. */
function within(inner: { start: string; end: string }, outer: { start: string; end: string }): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function fits(e: EvalEvent, inc: MucIncident, country: string | undefined, interval: { start: string; end: string } | undefined): boolean {
  const types = [inc.type, ...(inc.type_alternatives ?? [])];
  if (!types.some((t) => mucCompatible(t, e.type, e.subtype))) return false;
  if (!country || !e.roles.some((r) => r.role === 'place' && r.country === country)) return false;
  if (!interval || !e.roles.some((r) => r.role === 'time' && r.interval && within(r.interval, interval))) return false;
  return true;
}

/**
 * Score one MUC-4 document. Recall: a gold incident is found when the document has an event of a
 * compatible type whose place is in the incident's country and whose time falls within its date.
 * Precision: among events of a relevant type that give both a country (through their place) and a
 * date, those that fit some gold incident of the document.
 */
export function scoreMucDoc(acc: MucCounts, goldEvents: readonly unknown[], pred: readonly EvalEvent[]): void {
  const incidents = goldEvents.filter(isMucGold).map((inc) => ({ inc, country: inc.location?.country ? countryCode(inc.location.country) : undefined, interval: goldInterval(inc.date) }));
  for (const g of incidents) {
    acc.incidents++;
    if (![g.inc.type, ...(g.inc.type_alternatives ?? [])].some(mucCoverable)) acc.uncoverable++;
    if (pred.some((e) => fits(e, g.inc, g.country, g.interval))) acc.found++;
  }
  for (const e of pred) {
    if (!mucRelevant(e.type, e.subtype)) continue;
    if (!e.roles.some((r) => r.role === 'place' && r.country) || !e.roles.some((r) => r.role === 'time' && r.interval)) continue;
    acc.predicted++;
    if (incidents.some((g) => fits(e, g.inc, g.country, g.interval))) acc.correct++;
  }
}
