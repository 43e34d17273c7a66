import type { AnnotatedDoc, Entity, EventFrame, Mention } from '../doc.js';
import { countBefore } from '../sorted.js';

/**
 * Document-level incidents (the MUC view of events): the event mentions of one document that tell
 * of one incident — the same type, no conflicting place or time — grouped, with the incident's
 * place and time taken from any of its mentions, else from the paragraph it is told in, else from
 * the document's dateline (its first sentence). Each place and time says where it came from.
 */

export interface IncidentSlot {
  start: number;
  end: number;
  mention: string;
  /** 'event': a role of one of the incident's events; 'paragraph': the nearest in the paragraph; 'dateline': the document's first sentence. */
  how: 'event' | 'paragraph' | 'dateline';
}

/** A time no span gives: the document's date (a report tells of what happened that day or just before). */
export interface DocumentDate {
  how: 'document';
  value: string;
}

export interface Incident {
  type: string;
  subtype?: string;
  /** Ids of the events grouped in it, in text order. */
  events: string[];
  place?: IncidentSlot;
  time?: IncidentSlot | DocumentDate;
}

/** How many incidents a new mention may join (the most recent ones): the grouping stays linear in the document. */
const MAX_OPEN = 8;

/** Events that tell of no incident that happened: they make no incident. */
const UNREAL = new Set(['negated', 'hypothetical', 'generic']);

/** Type families whose events may be mentions of one incident ('the attack' … 'the bombing'). */
const FAMILY: Record<string, string> = { attack: 'violence', battle: 'violence', offensive: 'violence', clampdown: 'clampdown', arrest: 'arrest', takeover: 'takeover', plot: 'plot' };

interface Open {
  inc: Incident;
  family: string;
  country?: string;
  day?: string;
  last: number;
}

/** The day a date mention names: one calendar day, whatever its granularity ('last night', '3 May 1989', 'Friday morning'). */
export function oneDay(m: Mention): string | undefined {
  const iv = m.date?.interval;
  return iv && iv.start === iv.end && /^\d{4}-\d{2}-\d{2}$/.test(iv.start) ? iv.start : undefined;
}

/** Paragraph starts (offsets after each blank line), for the paragraph of an offset. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  const blank = /\n[^\S\n]*\n/g;
  for (let m = blank.exec(text); m; m = blank.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

function indexAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Two subtypes fit one incident when equal or when one of them is absent (a bare 'attack'). */
const subtypesFit = (a?: string, b?: string): boolean => !a || !b || a === b;

/** Which type names an incident of the violent family: an attack before a battle before an offensive. */
const TYPE_RANK: Record<string, number> = { attack: 0, battle: 1, offensive: 2 };
const rankOf = (t: string): number => TYPE_RANK[t] ?? 0;

/** Does an event of this type fit the incident (same family checked apart)? Of one type, the subtypes must fit. */
const typesFit = (inc: Incident, type: string, subtype?: string): boolean => inc.type !== type || subtypesFit(inc.subtype, subtype);

/** The incident takes the type that names it best ('attacked' … 'the bombing' → a bombing; an attack over a clash). */
function specify(inc: Incident, type: string, subtype?: string): void {
  if (rankOf(type) < rankOf(inc.type)) {
    inc.type = type;
    if (subtype) inc.subtype = subtype;
    else delete inc.subtype;
  } else if (type === inc.type && subtype && !inc.subtype) inc.subtype = subtype;
}

/** The country (ISO alpha-2) a country mention names or a place mention's entity lies in. */
export function mentionCountry(m: Mention | undefined, entities: ReadonlyMap<string, Entity>): string | undefined {
  if (!m) return undefined;
  if (m.type === 'country') return m.value;
  if (m.type === 'place' && m.entity) return entities.get(m.entity)?.country?.replace(/^country:/, '');
  return undefined;
}

export function incidentsOf(doc: Pick<AnnotatedDoc, 'text' | 'mentions' | 'entities' | 'events'> & { doc?: { date: { value: string | null } } }, events: readonly EventFrame[] = doc.events): Incident[] {
  const mentions = new Map(doc.mentions.map((m) => [m.id, m]));
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const countryOf = (m: Mention | undefined): string | undefined => mentionCountry(m, entities);
  const dayOf = (m: Mention | undefined): string | undefined => (m?.type === 'date' ? oneDay(m) : undefined);
  const starts = paragraphStarts(doc.text);
  const byStart = (a: Mention, b: Mention): number => a.start - b.start;
  const located = doc.mentions.filter((m) => countryOf(m) && m.status !== 'rejected' && !m.source.startsWith('rule:nominal')).sort(byStart);
  const dated = doc.mentions.filter((m) => dayOf(m) && m.status !== 'rejected').sort(byStart);
  const dateline = { place: located.find((m) => m.sentence === 0), time: dated.find((m) => m.sentence === 0) };
  // The nearest mention of a sorted list in the paragraph of `at`: a binary search, then its two neighbours.
  const nearestIn = (ms: Mention[], at: number): Mention | undefined => {
    const p = indexAt(starts, at);
    const lo = countBefore(ms.length, (i) => ms[i].start < at);
    const before = lo > 0 && indexAt(starts, ms[lo - 1].start) === p ? ms[lo - 1] : undefined;
    const after = lo < ms.length && indexAt(starts, ms[lo].start) === p ? ms[lo] : undefined;
    if (!before || !after) return before ?? after;
    return at - before.end <= after.start - at ? before : after;
  };
  const out: Incident[] = [];
  const open: Open[] = [];
  for (const e of [...events].sort((a, b) => a.trigger.start - b.trigger.start)) {
    const family = FAMILY[e.type];
    if (!family || UNREAL.has(e.factuality)) continue;
    const placeRole = e.roles.find((r) => r.role === 'place' && countryOf(mentions.get(r.mention ?? '')));
    const timeRole = e.roles.find((r) => r.role === 'time' && dayOf(mentions.get(r.mention ?? '')));
    const country = countryOf(mentions.get(placeRole?.mention ?? ''));
    const day = dayOf(mentions.get(timeRole?.mention ?? ''));
    const joinable = open.find((o) => o.family === family && typesFit(o.inc, e.type, e.subtype) && (!country || !o.country || country === o.country) && (!day || !o.day || day === o.day));
    const o: Open = joinable ?? { inc: { type: e.type, events: [] }, family, last: e.trigger.start };
    if (!joinable) {
      open.unshift(o);
      // Only the incidents told of most recently stay open: a mention joins one of the last few.
      if (open.length > MAX_OPEN) open.pop();
      out.push(o.inc);
    }
    o.inc.events.push(e.id);
    o.last = e.trigger.start;
    specify(o.inc, e.type, e.subtype);
    if (placeRole && !o.inc.place?.how.startsWith('event')) {
      o.inc.place = { start: placeRole.start, end: placeRole.end, mention: placeRole.mention!, how: 'event' };
      o.country = country;
    }
    if (timeRole && o.inc.time?.how !== 'event') {
      o.inc.time = { start: timeRole.start, end: timeRole.end, mention: timeRole.mention!, how: 'event' };
      o.day = day;
    }
    if (!o.inc.place) {
      const m = nearestIn(located, e.trigger.start);
      if (m) o.inc.place = { start: m.start, end: m.end, mention: m.id, how: 'paragraph' };
    }
    if (!o.inc.time) {
      const m = nearestIn(dated, e.trigger.start);
      if (m) o.inc.time = { start: m.start, end: m.end, mention: m.id, how: 'paragraph' };
    }
  }
  for (const inc of out) {
    if (!inc.place && dateline.place) inc.place = { start: dateline.place.start, end: dateline.place.end, mention: dateline.place.id, how: 'dateline' };
    if (!inc.time && dateline.time) inc.time = { start: dateline.time.start, end: dateline.time.end, mention: dateline.time.id, how: 'dateline' };
    if (!inc.time && doc.doc?.date.value) inc.time = { how: 'document', value: doc.doc.date.value };
  }
  // Incidents whose places and times, once filled, name the same country and day are one incident.
  const merged: Incident[] = [];
  const byKey = new Map<string, Incident>();
  const rank = { event: 0, paragraph: 1, dateline: 2, document: 3 } as const;
  for (const inc of out) {
    const country = inc.place ? countryOf(mentions.get(inc.place.mention)) : undefined;
    const day = inc.time?.how === 'document' ? inc.time.value : inc.time ? dayOf(mentions.get(inc.time.mention)) : undefined;
    const fam = FAMILY[inc.type];
    const key = country && day ? `${fam}|${country}|${day}` : undefined;
    const into = key ? byKey.get(key) : undefined;
    if (!into || !typesFit(into, inc.type, inc.subtype)) {
      merged.push(inc);
      if (key && !into) byKey.set(key, inc);
      continue;
    }
    into.events.push(...inc.events);
    specify(into, inc.type, inc.subtype);
    if (inc.place && (!into.place || rank[inc.place.how] < rank[into.place.how])) into.place = inc.place;
    if (inc.time && (!into.time || rank[inc.time.how] < rank[into.time.how])) into.time = inc.time;
  }
  return merged;
}
