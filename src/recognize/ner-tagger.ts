import { nerTokens } from '../ner/tokens.js';
import { tagTokens, type NerSpan } from '../ner/tag.js';
import { CONFIDENCE_UNIT, NER_MODEL_HASH, shippedModel } from '../ner/shipped.js';
import { untypeNonNames } from '../ner/non-names.js';
import type { Component, PipelineContext } from '../context.js';

export const NER_SOURCE = `model:ner@${NER_MODEL_HASH}`;

/**
 * The trained tagger's spans for a document (made once, also read by refiners that weigh its votes);
 * a span over the name of an event or a document, or a thing's acronym, is kept untyped (src/ner/non-names.ts).
 */
export function nerSpans(ctx: PipelineContext): NerSpan[] {
  return ctx.memo(nerSpans, () => untypeNonNames(tagTokens(nerTokens(ctx.text, ctx.nlp, ctx.lexicon.matcher.matchDocument(ctx)), shippedModel(), CONFIDENCE_UNIT), ctx.text));
}

/** Groups, places and people the trained tagger finds: candidates like any tagger's, which the refiners weigh. */
export const nerTagger: Component = {
  name: 'recognize/ner-tagger',
  run(ctx) {
    for (const s of nerSpans(ctx)) {
      if (s.type === null) continue;
      ctx.propose({ type: s.type, start: s.start, end: s.end, source: NER_SOURCE, confidence: s.confidence, priority: 1 });
    }
  },
};
