/** sitrep's public API. */
export { annotateIngested, docIdFor, COMPONENTS, type AnnotateOptions } from './pipeline.js';
export { annotateCorpus, renderOutputs, type RunReport } from './batch/annotate-corpus.js';
export type { AnnotateCorpusOptions } from './batch/options.js';
export { ingestDocument, ingestJsonl, readSource, formatOf } from './ingest/index.js';
export { loadLexicon } from './lexicon/index.js';
export { SitrepInputError, SitrepOptionError } from './errors.js';
export { PIPELINE_VERSION } from './version.js';
export { validateDoc, assertValidDoc, DOC_SCHEMA, type DocValidation, type DocValidationError } from './schema/validate.js';
export { exportOutput, type ExportOptions, type ExportReport } from './export/run-export.js';
export * from './doc.js';

import { ingestDocument } from './ingest/index.js';
import { annotateIngested } from './pipeline.js';
import type { AnnotatedDoc, SourceFormat } from './doc.js';

/**
 * Annotate one text. With `format` 'txt' | 'md' | 'html' the text is ingested as such a file;
 * by default the text is taken as it is (offsets index the string you pass).
 */
export function annotate(text: string, options: { id?: string; date?: string | null; title?: string; format?: SourceFormat | 'raw'; skip?: readonly string[] } = {}): AnnotatedDoc {
  if (typeof text !== 'string') throw new TypeError(`Expected \`text\` to be a string, got \`${typeof text}\``);
  const id = options.id ?? 'doc';
  const format = options.format ?? 'raw';
  const ingested =
    format === 'raw' || format === 'jsonl'
      ? { key: id, path: id, format: 'txt' as const, source: text, text, segments: [[0, text.length, 0, text.length] as [number, number, number, number]], title: options.title ?? null, date: options.date ? { value: options.date, source: 'option' as const } : { value: null, source: 'none' as const }, diagnostics: [] }
      : ingestDocument(text, id, id, format);
  return annotateIngested(ingested, { id, fallbackDate: options.date ?? null, ...(options.skip ? { skip: options.skip } : {}) });
}
