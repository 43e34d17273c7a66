import nlp from 'compromise';
import datesPlugin from 'compromise-dates';

nlp.plugin(datesPlugin);

/** The one compromise instance, with the dates plugin, shared by every recognizer. */
export { nlp };

export type NlpView = ReturnType<typeof nlp>;

interface TermJson {
  text: string;
  tags?: string[];
  offset: { start: number; length: number };
}

export interface TermSpan {
  start: number;
  end: number;
  terms: { text: string; start: number; end: number; tags: string[] }[];
}

/**
 * Spans of a compromise view built from its first and last term offsets, which exclude the
 * punctuation and white space that compromise's phrase offsets include ("Moscow," → "Moscow").
 */
export function termSpans(view: { json(opts: object): unknown }): TermSpan[] {
  const out: TermSpan[] = [];
  for (const m of view.json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[]) {
    const terms = m.terms
      .filter((t) => t.text.length > 0)
      .map((t) => ({ text: t.text, start: t.offset.start, end: t.offset.start + t.text.length, tags: t.tags ?? [] }));
    if (terms.length === 0) continue;
    out.push({ start: terms[0].start, end: terms[terms.length - 1].end, terms });
  }
  return out;
}
