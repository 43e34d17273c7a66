import roles from '../lexicon/event-roles.json' with { type: 'json' };
import factuality from '../lexicon/event-factuality.json' with { type: 'json' };
import casualties from '../lexicon/event-casualties.json' with { type: 'json' };
import codes from '../lexicon/event-codes.json' with { type: 'json' };
import type { EventCodes, Factuality, RoleName } from '../doc.js';

/** The event lexicons (JSON data), checked and compiled once per process. */

export interface Frame {
  id: string;
  subject?: RoleName;
  object?: RoleName;
  passiveSubject?: RoleName;
  locationObject: boolean;
  countryPremod: RoleName;
  preps: Map<string, RoleName>;
}

export interface SupportVerb {
  id: string;
  /** Word sequences, lower case. */
  forms: string[][];
  claimed: boolean;
}

export interface Cue {
  id: string;
  value: Factuality;
  where: 'before' | 'premod' | 'after' | 'sentence';
  window: number;
  words: string[][];
  /** Event types the cue says nothing about. */
  exceptTypes: string[];
}

export interface CasualtyKind {
  verbs: string[][];
  verbsNeedState: Set<string>;
  states: string[][];
  tolls: string[][];
}

const ROLE_NAMES: readonly string[] = ['actor', 'target', 'place', 'time', 'instrument'];
const FACTUALITY: readonly string[] = ['asserted', 'reported', 'claimed', 'hypothetical', 'negated', 'generic'];

function roleName(v: unknown, where: string): RoleName {
  if (typeof v !== 'string' || !ROLE_NAMES.includes(v)) throw new Error(`event-roles.json: ${where} is ${JSON.stringify(v)}; expected one of ${ROLE_NAMES.join(', ')}`);
  return v as RoleName;
}

const seq = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);

export interface EventData {
  frames: Map<string, Frame>;
  supportVerbs: SupportVerb[];
  /** Verbs whose subject is an event and whose object is its target ('the blast hit the market'). */
  impactVerbs: string[][];
  placeNouns: Set<string>;
  anaphora: { words: Set<string>; types: string[] }[];
  pronouns: Set<string>;
  possessivePronouns: Set<string>;
  relativePronouns: Set<string>;
  clauseSkip: Set<string>;
  cues: Cue[];
  factualityOrder: Factuality[];
  casualties: { fatalities: CasualtyKind; injured: CasualtyKind };
  tollVerbs: { window: number; words: string[][] };
  qualifiers: { words: string[][]; qualifier: 'atLeast' | 'atMost' | 'about' }[];
  numbers: Map<string, number>;
  multipliers: Map<string, number>;
  victimMaxWords: number;
  victimAuxiliaries: Set<string>;
  codes: Map<string, EventCodes>;
}

let cached: EventData | undefined;

function kind(k: { verbs: string[]; verbsNeedState: string[]; states: string[]; tolls: string[] }): CasualtyKind {
  return { verbs: k.verbs.map(seq), verbsNeedState: new Set(k.verbsNeedState), states: k.states.map(seq), tolls: k.tolls.map(seq) };
}

export function eventData(): EventData {
  if (cached) return cached;
  const frames = new Map<string, Frame>();
  for (const [id, f] of Object.entries(roles.frames as Record<string, Record<string, unknown>>)) {
    const preps = new Map<string, RoleName>();
    for (const [p, r] of Object.entries((f.preps ?? {}) as Record<string, string>)) preps.set(p, roleName(r, `frames.${id}.preps.${p}`));
    frames.set(id, {
      id,
      subject: f.subject === undefined ? undefined : roleName(f.subject, `frames.${id}.subject`),
      object: f.object === undefined ? undefined : roleName(f.object, `frames.${id}.object`),
      passiveSubject: f.passiveSubject === undefined ? undefined : roleName(f.passiveSubject, `frames.${id}.passiveSubject`),
      locationObject: f.locationObject === true,
      countryPremod: roleName(f.countryPremod ?? 'place', `frames.${id}.countryPremod`),
      preps,
    });
  }
  const cues: Cue[] = factuality.cues.map((c) => {
    if (!FACTUALITY.includes(c.value)) throw new Error(`event-factuality.json: cue ${c.id} has value ${JSON.stringify(c.value)}`);
    if (c.where !== 'before' && c.where !== 'premod' && c.where !== 'after' && c.where !== 'sentence') throw new Error(`event-factuality.json: cue ${c.id} has where ${JSON.stringify(c.where)}`);
    return { id: c.id, value: c.value as Factuality, where: c.where, window: (c as { window?: number }).window ?? 0, words: c.words.map(seq), exceptTypes: (c as { exceptTypes?: string[] }).exceptTypes ?? [] };
  });
  const codeMap = new Map<string, EventCodes>();
  for (const [k, v] of Object.entries(codes.types as Record<string, EventCodes & { reason?: string }>)) {
    codeMap.set(k, { ...(v.acled ? { acled: v.acled } : {}), ...(v.plover ? { plover: v.plover } : {}), ...(v.cameo ? { cameo: v.cameo } : {}) });
  }
  cached = {
    frames,
    supportVerbs: roles.supportVerbs.entries.map((e) => ({ id: e.id, forms: e.forms.map(seq), claimed: (e as { claimed?: boolean }).claimed === true })),
    impactVerbs: roles.impactVerbs.words.map(seq),
    placeNouns: new Set(roles.placeNouns.words),
    anaphora: roles.anaphora.entries.map((e) => ({ words: new Set(e.words), types: e.types })),
    pronouns: new Set(roles.pronouns.words),
    possessivePronouns: new Set(roles.possessivePronouns.words),
    relativePronouns: new Set(roles.relativePronouns.words),
    clauseSkip: new Set(roles.clauseSkip.words),
    cues,
    factualityOrder: factuality.order as Factuality[],
    casualties: { fatalities: kind(casualties.kinds.fatalities), injured: kind(casualties.kinds.injured) },
    tollVerbs: { window: casualties.tollVerbs.window, words: casualties.tollVerbs.words.map(seq) },
    qualifiers: casualties.qualifiers.map((q) => ({ words: q.words.map(seq), qualifier: q.qualifier as 'atLeast' | 'atMost' | 'about' })),
    numbers: new Map(Object.entries(casualties.numbers)),
    multipliers: new Map(Object.entries(casualties.multipliers)),
    victimMaxWords: casualties.victimWords.maxWords,
    victimAuxiliaries: new Set(casualties.victimWords.auxiliaries),
    codes: codeMap,
  };
  return cached;
}

/** The crosswalk codes of a type and subtype (the subtype's row, else the type's). */
export function codesFor(type: string, subtype?: string): EventCodes {
  const c = eventData().codes;
  return (subtype ? c.get(`${type}/${subtype}`) : undefined) ?? c.get(type) ?? {};
}
