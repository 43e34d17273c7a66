import { sentenceAt } from '../segment/sentences.js';
import type { Component } from '../context.js';
import type { Mention } from '../doc.js';

/** Turn the surviving candidates into mentions with stable ids, texts and sentence numbers. */
export const makeMentions: Component = {
  name: 'link/mentions',
  run(ctx) {
    ctx.mentions = ctx.candidates.map((c): Mention => {
      const m: Mention = {
        id: `${c.type}-${c.start}-${c.end}`,
        type: c.type,
        start: c.start,
        end: c.end,
        text: ctx.text.slice(c.start, c.end),
        sentence: sentenceAt(ctx.sentences, c.start),
        source: c.source,
        confidence: c.confidence,
        status: 'auto',
      };
      if (c.value !== undefined) m.value = c.value;
      if (c.date) m.date = c.date;
      if (c.key) m.entity = c.key;
      return m;
    });
  },
};
