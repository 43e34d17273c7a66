import type { AnnotatedDoc } from '../doc.js';
import type { GoldDoc } from './gold.js';
import type { SpansByType } from './spans.js';

/** What every section of an eval run sees for one document (annotated once, shared by all sections). */
export interface DocInput {
  gold: GoldDoc;
  /** sitrep's annotation of the gold text (public API, the document date as anchor). */
  sitrep: AnnotatedDoc;
  /** The selected types, as given to `--types`. */
  types: readonly string[];
  /** End of the part of the text the gold annotates (see annotatedExtent): predictions after it are not judged. */
  scope: number;
  /** Entity spans per eval type (only the selected entity types): gold, sitrep and the compromise baseline. */
  entities: { gold: SpansByType; sitrep: SpansByType; baseline: SpansByType; demonyms: number; rules?: SpansByType; tagger?: SpansByType };
}

/** One part of the eval report (entity spans, date values, events…): accumulates documents, then reports. */
export interface EvalSection<R = unknown> {
  add(doc: DocInput): void;
  /** The figures, JSON-serialisable; `null` when the gold had nothing for this section. */
  result(): R | null;
  /** Plain-text lines for the terminal. */
  format(result: R): string[];
}

/** A kind of section, registered in sections.ts. */
export interface SectionKind {
  /** Key of the section in the JSON report. */
  name: string;
  /** The `--types` values this section scores; it runs when any of them is selected. */
  types: readonly string[];
  create(): EvalSection;
}
