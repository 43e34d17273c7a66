import evalMap from '../lexicon/event-eval-map.json' with { type: 'json' };
import type { AnnotatedDoc, RoleName } from '../doc.js';

/** An event as the event scorers see it (sitrep's, or the keyword baseline's). */
export interface EvalEvent {
  type: string;
  subtype?: string;
  start: number;
  end: number;
  roles: EvalRole[];
}

export interface EvalRole {
  role: RoleName;
  start: number;
  end: number;
  /** ISO 3166 alpha-2 of the country the role's place or country mention is in. */
  country?: string;
  /** Calendar interval of the role's date mention (inclusive ISO dates). */
  interval?: { start: string; end: string };
}

/** Does a sitrep type and subtype fit a key of the eval map (`attack`, `attack/*`, `attack/bombing`)? */
export function fitsKey(key: string, type: string, subtype?: string): boolean {
  const [t, s] = key.split('/');
  if (t !== type) return false;
  if (s === undefined) return subtype === undefined;
  return s === '*' || s === subtype;
}

/** The WikiEvents family ('attack' | 'arrest') of a sitrep event, or undefined when it is not scored. */
export function wikiFamilyOfSitrep(type: string, subtype?: string): string | undefined {
  for (const [k, fam] of Object.entries(evalMap.wikievents.sitrep as Record<string, string>)) if (fitsKey(k, type, subtype)) return fam;
  return undefined;
}

/** The family of a KAIROS gold type ('Conflict.Attack.DetonateExplode' → 'attack'). */
export function wikiFamilyOfGold(kairos: string): string | undefined {
  for (const [prefix, fam] of Object.entries(evalMap.wikievents.families as Record<string, string>)) if (kairos === prefix || kairos.startsWith(`${prefix}.`)) return fam;
  return undefined;
}

/** The sitrep role a WikiEvents argument role counts as. */
export function wikiRole(goldRole: string): RoleName | undefined {
  return (evalMap.wikievents.roles as Record<string, RoleName>)[goldRole];
}

/** Is a sitrep event compatible with a MUC-4 incident type? */
export function mucCompatible(mucType: string, type: string, subtype?: string): boolean {
  const keys = (evalMap.muc4.compatible as Record<string, string[]>)[mucType.trim().toUpperCase()] ?? [];
  return keys.some((k) => fitsKey(k, type, subtype));
}

/** Does any sitrep type fit this MUC-4 incident type? */
export function mucCoverable(mucType: string): boolean {
  return ((evalMap.muc4.compatible as Record<string, string[]>)[mucType.trim().toUpperCase()] ?? []).length > 0;
}

/** Could a sitrep event be compatible with any MUC-4 incident type? (Only those count for precision.) */
export function mucRelevant(type: string, subtype?: string): boolean {
  return Object.keys(evalMap.muc4.compatible).some((t) => mucCompatible(t, type, subtype));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A calendar interval read off a TIMEX3 value that starts with a date ('1990-02-17TNI' → that day). */
export function intervalOfValue(v: string | undefined): { start: string; end: string } | undefined {
  if (!v) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?![\d/])/.exec(v);
  if (m) return { start: m[0], end: m[0] };
  m = /^(\d{4})-(\d{2})(?![\d/-])/.exec(v);
  if (m) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}` };
  }
  m = /^(\d{4})$/.exec(v);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  return undefined;
}

/** sitrep's events of one annotated document, with the countries and dates their roles resolve to. */
export function sitrepEvalEvents(doc: AnnotatedDoc): EvalEvent[] {
  const mentions = new Map(doc.mentions.map((m) => [m.id, m]));
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  return doc.events.map((e) => ({
    type: e.type,
    subtype: e.subtype,
    start: e.trigger.start,
    end: e.trigger.end,
    roles: e.roles.map((r) => {
      const out: EvalRole = { role: r.role, start: r.start, end: r.end };
      const m = r.mention ? mentions.get(r.mention) : undefined;
      if (m?.type === 'country' && m.value) out.country = m.value;
      else if (m?.type === 'place' && m.entity) {
        const c = entities.get(m.entity)?.country;
        if (c) out.country = c.replace(/^country:/, '');
      }
      if (m?.type === 'date') {
        const iv = m.date?.interval ?? intervalOfValue(m.value);
        if (iv) out.interval = iv;
      }
      return out;
    }),
  }));
}
