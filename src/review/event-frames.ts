import { PipelineContext } from '../context.js';
import { loadLexicon } from '../lexicon/index.js';
import { triggerInfo } from '../recognize/event-triggers.js';
import { eventFrames } from '../events/frames.js';
import type { AnnotatedDoc } from '../doc.js';

/**
 * Event frames for event mentions that have none after review: a reviewer's added event, a mention
 * re-typed to `event`, or an event accepted again after a rejection dropped its frame. The pipeline's
 * own frame builder (events/frames) runs over the document's standing mentions on a fresh parse of
 * its text, so such an event gets its actor, target, place and time as the pipeline's would; the
 * frames of the other events stay as they are. Only a mention whose text is a trigger of the event
 * lexicon gets a frame (the frame's type comes from it). Returns how many frames were added.
 */
export function frameReviewedEvents(doc: AnnotatedDoc): number {
  const framed = new Set(doc.events.map((e) => e.mention));
  const todo = new Set(doc.mentions.filter((m) => m.type === 'event' && m.status !== 'rejected' && !framed.has(m.id) && m.entity && triggerInfo(m.entity)).map((m) => m.id));
  if (todo.size === 0) return 0;
  const ctx = new PipelineContext(doc.doc.id, doc.text, doc.sentences, doc.doc.date.value, loadLexicon(), doc.doc.source.path);
  ctx.mentions = doc.mentions.filter((m) => m.status !== 'rejected').sort((a, b) => a.start - b.start || b.end - a.end);
  eventFrames.run(ctx);
  const added = ctx.events.filter((e) => e.mention && todo.has(e.mention));
  doc.events = [...doc.events, ...added].sort((a, b) => a.trigger.start - b.trigger.start || a.trigger.end - b.trigger.end);
  return added.length;
}
