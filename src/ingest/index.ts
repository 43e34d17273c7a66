import { extname } from 'node:path';
import { ingestPlainText } from './plain-text.js';
import { ingestMarkdown } from './markdown.js';
import { ingestHtml } from './html.js';
import { SitrepInputError } from '../errors.js';
import type { IngestedDoc } from './types.js';
import type { SourceFormat } from '../doc.js';

export type { IngestedDoc } from './types.js';
export { ingestJsonl } from './jsonl.js';
export { readSource, decodeSource } from './read-source.js';

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

export function formatOf(path: string): SourceFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/** Ingest one single-document source (txt, md, html). */
export function ingestDocument(source: string, path: string, key: string, format: SourceFormat = formatOf(path) ?? 'txt'): IngestedDoc {
  let doc: IngestedDoc;
  switch (format) {
    case 'md':
      doc = ingestMarkdown(source, path, key);
      break;
    case 'html':
      doc = ingestHtml(source, path, key);
      break;
    case 'txt':
      doc = ingestPlainText(source, path, key);
      break;
    default:
      throw new SitrepInputError(`format ${format} holds many documents; use ingestJsonl`, path, 'ingest:format');
  }
  if (doc.text.trim() === '') throw new SitrepInputError('no article text left after removing page chrome', path, 'ingest:empty');
  return doc;
}
