import { keywordTriggers } from '../recognize/event-triggers.js';
import { wordTokens } from '../recognize/tokens.js';
import { sitrepEvalEvents, type EvalEvent } from './events-types.js';
import type { AnnotatedDoc, EventFrame, Mention } from '../doc.js';

function nearest(ms: Mention[], start: number, end: number, types: string[], side: 'before' | 'any'): Mention | undefined {
  let best: Mention | undefined;
  let dist = Infinity;
  for (const m of ms) {
    if (!types.includes(m.type)) continue;
    const before = m.end <= start;
    if (side === 'before' && !before) continue;
    const d = before ? start - m.end : m.start - end;
    if (d >= 0 && d < dist) {
      best = m;
      dist = d;
    }
  }
  return best;
}

/**
 * The event baseline: every word of the trigger lexicon is an event (no part of speech, no sense
 * words, no grammar), its actor the nearest group or person before it in the sentence, its place
 * the nearest place or country, its time the nearest date, all from sitrep's own mentions. Set
 * beside sitrep, it shows what the event grammar adds to the word list.
 */
export function baselineEvents(doc: AnnotatedDoc): EvalEvent[] {
  return sitrepEvalEvents({ ...doc, events: baselineFrames(doc) });
}

/** The baseline's events as event frames (for the incident view). */
export function baselineFrames(doc: AnnotatedDoc): EventFrame[] {
  const bySentence = new Map<number, Mention[]>();
  for (const m of doc.mentions) {
    const l = bySentence.get(m.sentence) ?? [];
    l.push(m);
    bySentence.set(m.sentence, l);
  }
  const sentenceOf = (at: number): number => {
    let s = 0;
    for (const x of doc.sentences) if (x.start <= at) s = x.index;
    return s;
  };
  const events = keywordTriggers(doc.text, wordTokens(doc.text)).map((t) => {
    const ms = bySentence.get(sentenceOf(t.start)) ?? [];
    const roles: { role: 'actor' | 'place' | 'time'; mention: string }[] = [];
    const actor = nearest(ms, t.start, t.end, ['group', 'person'], 'before');
    if (actor) roles.push({ role: 'actor', mention: actor.id });
    const place = nearest(ms, t.start, t.end, ['place', 'country'], 'any');
    if (place) roles.push({ role: 'place', mention: place.id });
    const time = nearest(ms, t.start, t.end, ['date'], 'any');
    if (time) roles.push({ role: 'time', mention: time.id });
    const byId = new Map(ms.map((m) => [m.id, m]));
    return {
      id: `baseline-${t.start}`,
      type: t.info.type,
      subtype: t.info.subtype,
      trigger: { start: t.start, end: t.end, text: doc.text.slice(t.start, t.end) },
      roles: roles.map((r) => {
        const m = byId.get(r.mention)!;
        return { role: r.role, start: m.start, end: m.end, text: m.text, mention: m.id };
      }),
      codes: {},
      factuality: 'asserted' as const,
      sentence: 0,
      confidence: 0,
      source: 'baseline',
    };
  });
  return events;
}

