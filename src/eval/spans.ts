import profiles from './dataset-profiles.json' with { type: 'json' };
import { loadLexicon } from '../lexicon/index.js';
import { wordTokens } from '../recognize/tokens.js';
import type { AnnotatedDoc } from '../doc.js';
import type { GoldDoc } from './gold.js';
import type { EvalSpan } from './match.js';
import { ENTITY_EVAL_TYPES, evalTypeOf, type EntityEvalType } from './types.js';

/** Spans of each eval type, for one document. */
export type SpansByType = Map<EntityEvalType, EvalSpan[]>;

const demonymCache = new Map<string, boolean>();

/**
 * Whether a gold LOCATION span is only a demonym ("Russian", "Syrians"). sitrep types these
 * `nationality` (linked to their country, not counted as a country mention), so the scorer leaves
 * such gold spans out of LOCATION, for sitrep and the baseline alike, and counts them apart.
 */
export function isDemonym(text: string): boolean {
  let hit = demonymCache.get(text);
  if (hit === undefined) {
    const t = text.replace(/^the\s+/i, '');
    hit = loadLexicon()
      .matcher.match(t, wordTokens(t))
      .some((m) => m.entry.type === 'nationality' && m.start === 0 && m.end === t.length);
    demonymCache.set(text, hit);
  }
  return hit;
}

function byPosition(a: EvalSpan, b: EvalSpan): number {
  return a.start - b.start || a.end - b.end;
}

/** Gold spans per eval type; outer spans that contain another span of their type are optional. */
export function goldSpans(doc: GoldDoc, types: readonly EntityEvalType[]): { spans: SpansByType; demonyms: number } {
  const spans: SpansByType = new Map(types.map((t) => [t, []]));
  let demonyms = 0;
  for (const t of types) {
    const list = doc.entities.filter((e) => e.coarse === ENTITY_EVAL_TYPES[t].gold);
    const kept = t === 'location' ? list.filter((e) => !isDemonym(doc.text.slice(e.start, e.end))) : list;
    demonyms += list.length - kept.length;
    const out = spans.get(t)!;
    for (const e of kept) {
      const inner = kept.some((o) => o !== e && o.start >= e.start && o.end <= e.end && (o.start !== e.start || o.end !== e.end));
      out.push({ start: e.start, end: e.end, ...(e.value !== undefined ? { value: e.value } : {}), ...(inner ? { optional: true } : {}) });
    }
    out.sort(byPosition);
  }
  return { spans, demonyms };
}

const COUNTRY_NAME_SOURCES: readonly string[] = profiles.countryNameSources.sources;

/** How the gold labels a country named as an actor (dataset-profiles.json: `countryActors`). */
export type CountryActors = 'location' | 'group';

/** The eval type of one mention: its type's, except a country named as an actor, which counts as location unless the gold calls it a group. */
export function evalTypeOfMention(m: Pick<AnnotatedDoc['mentions'][number], 'type' | 'source' | 'entity'>, countryActors: CountryActors = 'location'): EntityEvalType | undefined {
  if (countryActors === 'location' && m.type === 'group' && m.entity?.startsWith('country:') && COUNTRY_NAME_SOURCES.some((p) => m.source.startsWith(p))) return 'location';
  return evalTypeOf(m.type);
}

/** sitrep's mentions per eval type (country and place count as location; nationality as nothing). */
export function sitrepSpans(doc: AnnotatedDoc, types: readonly EntityEvalType[], countryActors: CountryActors = 'location'): SpansByType {
  const spans: SpansByType = new Map(types.map((t) => [t, []]));
  for (const m of doc.mentions) {
    const t = evalTypeOfMention(m, countryActors);
    const list = t && spans.get(t);
    if (list) list.push({ start: m.start, end: m.end, ...(m.value !== undefined && m.type === 'date' ? { value: m.value } : {}) });
  }
  for (const l of spans.values()) l.sort(byPosition);
  return spans;
}
