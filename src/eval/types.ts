import type { MentionType } from '../doc.js';

/** The types `sitrep eval` scores, each with the gold coarse label and the sitrep mention types it maps to. */
export const ENTITY_EVAL_TYPES = {
  group: { gold: 'GROUP', sitrep: ['group'] },
  location: { gold: 'LOCATION', sitrep: ['country', 'place'] },
  date: { gold: 'DATE', sitrep: ['date'] },
  person: { gold: 'PERSON', sitrep: ['person'] },
} as const satisfies Record<string, { gold: string; sitrep: readonly MentionType[] }>;

export type EntityEvalType = keyof typeof ENTITY_EVAL_TYPES;

export const ENTITY_TYPE_NAMES = Object.keys(ENTITY_EVAL_TYPES) as EntityEvalType[];

/** The eval type a sitrep mention type counts as (nationality counts as none: see spans.ts). */
export function evalTypeOf(t: MentionType): EntityEvalType | undefined {
  for (const name of ENTITY_TYPE_NAMES) if ((ENTITY_EVAL_TYPES[name].sitrep as readonly MentionType[]).includes(t)) return name;
  return undefined;
}

export function evalTypeOfGold(coarse: string): EntityEvalType | undefined {
  return ENTITY_TYPE_NAMES.find((n) => ENTITY_EVAL_TYPES[n].gold === coarse);
}
