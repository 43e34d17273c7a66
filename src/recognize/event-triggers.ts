import triggers from '../lexicon/event-triggers.json' with { type: 'json' };
import { PhraseMatcher } from './phrase-matcher.js';
import type { Component } from '../context.js';

export interface TriggerInfo {
  id: string;
  type: string;
  subtype: string;
}

const info = new Map<string, TriggerInfo>();
let matcher: PhraseMatcher | undefined;

function triggerMatcher(): PhraseMatcher {
  if (matcher) return matcher;
  matcher = new PhraseMatcher();
  for (const t of triggers.entries) {
    info.set(t.id, { id: t.id, type: t.type, subtype: t.subtype });
    for (const f of t.forms) {
      matcher.add(f, { source: `lex:event-triggers/${t.id}`, type: 'event', key: t.id, value: t.type, confidence: 0.8, priority: 0, caseSensitive: false, ambiguous: false, anyCase: true });
    }
  }
  return matcher;
}

export function triggerInfo(id: string): TriggerInfo | undefined {
  triggerMatcher();
  return info.get(id);
}

/** Words and phrases that name a conflict event (the event's trigger). */
export const eventTriggers: Component = {
  name: 'recognize/event-triggers',
  run(ctx) {
    for (const m of triggerMatcher().match(ctx.text, ctx.tokens)) {
      ctx.propose({ type: 'event', start: m.start, end: m.end, source: m.entry.source, confidence: m.entry.confidence, priority: 0, key: m.entry.key, value: m.entry.value });
    }
  },
};
