import { sentenceAt } from '../segment/sentences.js';
import { countBefore } from '../sorted.js';
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

/** "Does a mention overlap [s, e)?" by binary search: mentions by start with a running maximum of their ends. */
export function overlapIndex(mentions: readonly Mention[]): (s: number, e: number) => boolean {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const m of sorted) maxEnd.push(Math.max(m.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (s, e) => {
    // The mentions that start before e are the first `lo`; one of them overlaps when the farthest reaching ends after s.
    const lo = countBefore(sorted.length, (i) => sorted[i].start < e);
    return lo > 0 && maxEnd[lo - 1] > s;
  };
}

/** Adds a linker's new mentions to the document's, kept in order (by start, the longer first). */
export function addMentions(ctx: PipelineContext, added: readonly Mention[]): void {
  if (added.length) ctx.mentions = [...ctx.mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
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
