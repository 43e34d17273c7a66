import { nerTokens } from '../ner/tokens.js';
import { tagTokens, type NerSpan } from '../ner/tag.js';
import { CONFIDENCE_UNIT, NER_MODEL_HASH, shippedModel } from '../ner/shipped.js';
import type { Component, PipelineContext } from '../context.js';

export const NER_SOURCE = `model:ner@${NER_MODEL_HASH}`;

/** The trained tagger's spans for a document (made once, also read by refiners that weigh its votes). */
export function nerSpans(ctx: PipelineContext): NerSpan[] {
  return ctx.memo(nerSpans, () => tagTokens(nerTokens(ctx.text, ctx.nlp, ctx.lexicon.matcher.matchDocument(ctx)), shippedModel(), CONFIDENCE_UNIT));
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
