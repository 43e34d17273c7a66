import { SitrepInputError } from '../errors.js';
import type { IngestedDoc } from './types.js';
import type { SourceFormat } from '../doc.js';

/** Ingest one single-document source of a known format. */
export type Ingester = (source: string, path: string, key: string) => IngestedDoc;

export type SingleDocumentFormat = Exclude<SourceFormat, 'jsonl'>;

/**
 * Each single-document format's reader, loaded when a document of that format first comes. A
 * worker thread of the batch loads only the readers its corpus needs: the Markdown and HTML readers
 * and their parsers (remark, micromark, rehype, parse5, yaml: about 200 modules) take 70 ms of the
 * start of every thread (measured on Node 20), and a corpus of plain text needs neither.
 */
const LOADERS: Record<SingleDocumentFormat, () => Promise<Ingester>> = {
  txt: async () => (await import('./plain-text.js')).ingestPlainText,
  md: async () => (await import('./markdown.js')).ingestMarkdown,
  html: async () => (await import('./html.js')).ingestHtml,
};

/** Each reader once loaded (or loading), so a document after the first costs no module lookup. */
const loaded = new Map<SingleDocumentFormat, Promise<Ingester>>();

/** `format`, if it holds one document per file; a JSONL file holds many (see ingestJsonl). */
export function singleDocument(format: SourceFormat, path: string): SingleDocumentFormat {
  if (format === 'jsonl') throw new SitrepInputError(`format ${format} holds many documents; use ingestJsonl`, path, 'ingest:format');
  return format;
}

/** The reader of a single-document format, loaded on first use. */
export async function ingesterFor(format: SourceFormat, path: string): Promise<Ingester> {
  const f = singleDocument(format, path);
  let reader = loaded.get(f);
  if (!reader) loaded.set(f, (reader = LOADERS[f]()));
  return reader;
}

/** A document must keep some article text after its page chrome is removed. */
export function checkArticleText(doc: IngestedDoc, path: string): IngestedDoc {
  if (doc.text.trim() === '') throw new SitrepInputError('no article text left after removing page chrome', path, 'ingest:empty');
  return doc;
}
