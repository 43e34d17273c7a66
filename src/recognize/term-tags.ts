import type { PipelineContext } from '../context.js';
import { viewTerms } from '../nlp.js';
import { countBefore } from '../sorted.js';

/** A compromise term with its place in the text and its tags. */
export interface TaggedTerm {
  start: number;
  end: number;
  text: string;
  tags: ReadonlySet<string>;
}

/**
 * The document's compromise terms in text order, with tags, computed once per document from the
 * shared parse. `termAt(ctx, offset)` finds the term that starts at an offset.
 */
export function taggedTerms(ctx: PipelineContext): { terms: TaggedTerm[]; byStart: Map<number, number> } {
  return ctx.memo(taggedTerms, () => {
    const terms: TaggedTerm[] = [];
    for (const sentence of viewTerms(ctx.nlp)) {
      for (const t of sentence) if (t.text) terms.push({ start: t.offset.start, end: t.offset.start + t.text.length, text: t.text, tags: new Set(t.tags) });
    }
    return { terms, byStart: new Map(terms.map((t, i) => [t.start, i])) };
  });
}

/** The term that follows the one ending at `end` in the same sentence, if only spaces separate them. */
export function nextTerm(ctx: PipelineContext, end: number): TaggedTerm | undefined {
  const { terms } = taggedTerms(ctx);
  const lo = countBefore(terms.length, (i) => terms[i].start < end);
  const t = terms[lo];
  if (!t || !/^[ \t]*$/.test(ctx.text.slice(end, t.start))) return undefined;
  return t;
}

/** The term that precedes `start` in the same sentence, if only spaces separate them. */
export function previousTerm(ctx: PipelineContext, start: number): TaggedTerm | undefined {
  const { terms } = taggedTerms(ctx);
  const lo = countBefore(terms.length, (i) => terms[i].end <= start);
  const t = terms[lo - 1];
  if (!t || !/^[ \t]*$/.test(ctx.text.slice(t.end, start))) return undefined;
  return t;
}
