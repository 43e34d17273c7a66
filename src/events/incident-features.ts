import { oneDay, type Incident } from './incidents.js';
import type { AnnotatedDoc, EventFrame, Mention } from '../doc.js';

/**
 * Features of one document-level incident for the incident scorer (src/events/incident-model.ts):
 * how many mentions tell of it and what they are, where its place and time came from, how far its
 * time lies before the document's date, and whether its place is in the dateline's country.
 */

const DAY = 86_400_000;

function daysBefore(docDate: string | null | undefined, day: string | undefined): string {
  if (!docDate || !day) return 'none';
  const d = (Date.parse(docDate) - Date.parse(day)) / DAY;
  if (Number.isNaN(d)) return 'none';
  if (d < 0) return 'after';
  if (d === 0) return '0';
  if (d === 1) return '1';
  if (d <= 7) return 'week';
  if (d <= 31) return 'month';
  return 'older';
}

export type IncidentDoc = Pick<AnnotatedDoc, 'text' | 'mentions' | 'entities' | 'events'> & { doc?: { date: { value: string | null } } };

export interface IncidentContext {
  doc: IncidentDoc;
  mentions: Map<string, Mention>;
  /** Country of a place or country mention, by mention id. */
  countryOf: (mentionId: string | undefined) => string | undefined;
  /** First day of a date mention with a day's granularity. */
  dayOf: (mentionId: string | undefined) => string | undefined;
  datelineCountry?: string;
  incidents: number;
}

export function incidentContext(doc: IncidentDoc, incidents: number): IncidentContext {
  const mentions = new Map(doc.mentions.map((m) => [m.id, m]));
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const countryOf = (id: string | undefined): string | undefined => {
    const m = id ? mentions.get(id) : undefined;
    if (m?.type === 'country') return m.value;
    if (m?.type === 'place' && m.entity) return entities.get(m.entity)?.country?.replace(/^country:/, '');
    return undefined;
  };
  const dayOf = (id: string | undefined): string | undefined => {
    const m = id ? mentions.get(id) : undefined;
    return m?.type === 'date' ? oneDay(m) : undefined;
  };
  const dateline = doc.mentions.find((m) => m.sentence === 0 && countryOf(m.id));
  return { doc, mentions, countryOf, dayOf, datelineCountry: dateline ? countryOf(dateline.id) : undefined, incidents };
}

export function incidentFeatures(inc: Incident, members: readonly EventFrame[], c: IncidentContext): string[] {
  const n = members.length;
  const f = ['b', `n=${n >= 3 ? '3+' : n}`, `type=${inc.type}/${inc.subtype ?? '-'}`, `place=${inc.place?.how ?? '-'}`, `time=${inc.time?.how ?? '-'}`, `pt=${inc.place?.how ?? '-'}|${inc.time?.how ?? '-'}`];
  f.push(`docinc=${c.incidents >= 4 ? '4+' : c.incidents}`);
  const docDate = c.doc.doc?.date.value;
  const day = inc.time?.how === 'document' ? docDate ?? undefined : inc.time && 'mention' in inc.time ? c.dayOf(inc.time.mention) : undefined;
  f.push(`before=${daysBefore(docDate, day)}`);
  const country = inc.place ? c.countryOf(inc.place.mention) : undefined;
  f.push(`dateline=${!country || !c.datelineCountry ? '?' : country === c.datelineCountry ? 'same' : 'other'}`);
  const first = members[0];
  f.push(`firstSentence=${first.sentence === 0 ? '0' : first.sentence < 4 ? '1-3' : first.sentence < 10 ? '4-9' : '10+'}`);
  for (const e of members) {
    f.push(`fact=${e.factuality}`, `w=${e.trigger.text.toLowerCase()}`, `src=${e.source.replace(/\/.*$/, '')}`);
    for (const r of e.roles) {
      const m = r.mention ? c.mentions.get(r.mention) : undefined;
      f.push(`role=${r.role}`, `role=${r.role}|${m?.type ?? '-'}`);
    }
    if (e.fatalities) f.push('dead');
    if (e.injured) f.push('injured');
  }
  return [...new Set(f)];
}
