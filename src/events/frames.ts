import codes from '../lexicon/event-codes.json' with { type: 'json' };
import { triggerInfo } from '../recognize/event-triggers.js';
import type { Component } from '../context.js';
import type { EventCodes, EventFrame, EventRole, Mention, RoleName } from '../doc.js';

const CODES = codes.types as Record<string, EventCodes>;

function role(role: RoleName, m: Mention): EventRole {
  return { role, start: m.start, end: m.end, text: m.text, mention: m.id };
}

/** Nearest mention of the given types to the trigger, inside the sentence, preferring one side. */
function nearest(ms: Mention[], trigger: Mention, types: string[], side: 'before' | 'after' | 'any'): Mention | undefined {
  let best: Mention | undefined;
  let bestDist = Infinity;
  for (const m of ms) {
    if (!types.includes(m.type)) continue;
    const before = m.end <= trigger.start;
    if (side === 'before' && !before) continue;
    if (side === 'after' && before) continue;
    const d = before ? trigger.start - m.end : m.start - trigger.end;
    if (d < bestDist) {
      best = m;
      bestDist = d;
    }
  }
  return best;
}

/**
 * Event frames: each event mention becomes an event whose roles are the mentions around it in its
 * sentence (actor: the group before the trigger; place: a place or country; time: a date).
 */
export const eventFrames: Component = {
  name: 'events/frames',
  run(ctx) {
    const bySentence = new Map<number, Mention[]>();
    for (const m of ctx.mentions) {
      const list = bySentence.get(m.sentence) ?? [];
      list.push(m);
      bySentence.set(m.sentence, list);
    }
    ctx.events = [];
    for (const t of ctx.mentions) {
      if (t.type !== 'event' || !t.entity) continue;
      const info = triggerInfo(t.entity);
      if (!info) continue;
      const ms = bySentence.get(t.sentence) ?? [];
      const roles: EventRole[] = [];
      const actor = nearest(ms, t, ['group'], 'before') ?? nearest(ms, t, ['group'], 'after');
      if (actor) roles.push(role('actor', actor));
      const place = nearest(ms, t, ['place', 'country'], 'after') ?? nearest(ms, t, ['place', 'country'], 'before');
      if (place) roles.push(role('place', place));
      const time = nearest(ms, t, ['date'], 'any');
      if (time) roles.push(role('time', time));
      const frame: EventFrame = {
        id: `event-${t.start}-${t.end}`,
        type: info.type,
        subtype: info.subtype,
        trigger: { start: t.start, end: t.end, text: t.text },
        mention: t.id,
        roles,
        codes: CODES[`${info.type}/${info.subtype}`] ?? CODES[info.type] ?? {},
        factuality: 'asserted',
        sentence: t.sentence,
        confidence: Math.round(t.confidence * (roles.length ? 1 : 0.8) * 100) / 100,
        source: t.source,
      };
      ctx.events.push(frame);
    }
  },
};
