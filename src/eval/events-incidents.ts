import { scoredIncidents, type ScoredIncident } from '../events/incident-model.js';
import { intervalOfValue, type EvalEvent, type EvalRole } from './events-types.js';
import type { AnnotatedDoc, EventFrame } from '../doc.js';

interface Maps {
  mentions: Map<string, AnnotatedDoc['mentions'][number]>;
  entities: Map<string, AnnotatedDoc['entities'][number]>;
  events: Map<string, EventFrame>;
}

function mapsOf(doc: AnnotatedDoc, events: readonly EventFrame[]): Maps {
  return { mentions: new Map(doc.mentions.map((m) => [m.id, m])), entities: new Map(doc.entities.map((e) => [e.id, e])), events: new Map(events.map((e) => [e.id, e])) };
}

/** One incident as the MUC scorer sees it: its type the most specific of its mentions', its place's country and its time's calendar interval as roles. */
export function incidentEvalEvent(doc: AnnotatedDoc, inc: ScoredIncident, events: readonly EventFrame[], maps: Maps = mapsOf(doc, events)): EvalEvent {
  const { mentions, entities } = maps;
  const first = maps.events.get(inc.events[0])!;
  const roles: EvalRole[] = [];
  const place = inc.place ? mentions.get(inc.place.mention) : undefined;
  if (inc.place && place) {
    const country = place.type === 'country' ? place.value : place.entity ? entities.get(place.entity)?.country?.replace(/^country:/, '') : undefined;
    roles.push({ role: 'place', start: inc.place.start, end: inc.place.end, ...(country ? { country } : {}) });
  }
  if (inc.time?.how === 'document') roles.push({ role: 'time', start: first.trigger.start, end: first.trigger.start, interval: { start: inc.time.value, end: inc.time.value } });
  else if (inc.time) {
    const time = mentions.get(inc.time.mention);
    const interval = time?.date?.interval ?? intervalOfValue(time?.value);
    if (time) roles.push({ role: 'time', start: inc.time.start, end: inc.time.end, ...(interval ? { interval } : {}) });
  }
  return { type: inc.type, ...(inc.subtype ? { subtype: inc.subtype } : {}), start: first.trigger.start, end: first.trigger.end, roles };
}

/**
 * The incidents of one annotated document (src/events/incidents.ts) for the MUC scorer; with
 * `scored`, only those the incident scorer keeps (src/events/incident-model.ts).
 */
export function incidentEvalEvents(doc: AnnotatedDoc, events: readonly EventFrame[] = doc.events, scored = true): EvalEvent[] {
  const maps = mapsOf(doc, events);
  return scoredIncidents(doc, events)
    .filter((inc) => !scored || inc.kept)
    .map((inc) => incidentEvalEvent(doc, inc, events, maps));
}
