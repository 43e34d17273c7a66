import { sentenceAt } from '../segment/sentences.js';
import type { Component, PipelineContext } from '../context.js';
import type { Candidate, Mention, MentionType } from '../doc.js';

/** The mention types that name a location (a place, or a country named as one). */
export const PLACE_TYPES: ReadonlySet<MentionType> = new Set(['place', 'country']);

/** A mention of a span: its stable id (`type-start-end`), text and sentence number, made automatically. */
export function mentionOf(ctx: PipelineContext, c: Pick<Candidate, 'type' | 'start' | 'end' | 'source' | 'confidence'>): Mention {
  return {
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
}

/** Turn the surviving candidates into mentions with stable ids, texts and sentence numbers. */
export const makeMentions: Component = {
  name: 'link/mentions',
  run(ctx) {
    ctx.mentions = ctx.candidates.map((c): Mention => {
      const m = mentionOf(ctx, c);
      if (c.value !== undefined) m.value = c.value;
      if (c.date) m.date = c.date;
      if (c.key) m.entity = c.key;
      return m;
    });
  },
};
