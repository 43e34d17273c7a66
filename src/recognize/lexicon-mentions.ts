import type { Component } from '../context.js';

/** Countries, nationalities, places and groups named by a lexicon entry (longest match per start). */
export const lexiconMentions: Component = {
  name: 'recognize/lexicon',
  run(ctx) {
    for (const m of ctx.lexicon.matcher.matchDocument(ctx)) {
      const e = m.entry;
      ctx.propose({ type: e.type, start: m.start, end: m.end, source: e.source, confidence: e.confidence, priority: e.priority, key: e.key, value: e.value });
    }
  },
};
