import nlp from 'compromise';
import { createRequire } from 'node:module';

/**
 * The one compromise instance, shared by every recognizer: one parse per document. It carries no
 * plugin: compromise-dates makes every parse about a third slower (measured by `npm run bench`),
 * and no pipeline component calls `.dates()` (dates come from our own grammar, src/recognize/dates.ts).
 */
export { nlp };

let withDates: typeof nlp | undefined;

/**
 * A separate compromise instance with the compromise-dates plugin, for code that wants compromise's
 * own date parsing (the eval baseline; a recognizer running it on the few sentences with date cues).
 * It is compromise's CommonJS build, whose state is its own: the plugin never reaches `nlp` above.
 */
export function nlpWithDates(): typeof nlp {
  if (!withDates) {
    const require = createRequire(import.meta.url);
    withDates = require('compromise') as typeof nlp;
    withDates.plugin(require('compromise-dates'));
  }
  return withDates;
}

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
  // Offsets computed once per document, then read per term: compromise's phrase-level
  // `json({offset: true})` computes them for the whole document again for every match, which costs
  // the number of matches times the length of the document (3 s for the 1,575 people of a
  // 50,000-word text; 50 ms this way). The text of a parse never changes, so neither do they.
  const v = view as unknown as { compute(m: string): void; document?: { offset?: unknown }[][] };
  if (!v.document?.[0]?.[0]?.offset) v.compute('offset');
  for (const m of view.json({ terms: { offset: true } }) as { terms: TermJson[] }[]) {
    const terms = m.terms
      .filter((t) => t.text.length > 0)
      .map((t) => ({ text: t.text, start: t.offset.start, end: t.offset.start + t.text.length, tags: t.tags ?? [] }));
    if (terms.length === 0) continue;
    out.push({ start: terms[0].start, end: terms[terms.length - 1].end, terms });
  }
  return out;
}
