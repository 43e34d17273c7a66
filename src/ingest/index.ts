import { extname } from 'node:path';
import { ingestPlainText } from './plain-text.js';
import { ingestMarkdown } from './markdown.js';
import { ingestHtml } from './html.js';
import { checkArticleText, singleDocument, type Ingester, type SingleDocumentFormat } from './by-format.js';
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

const INGESTERS: Record<SingleDocumentFormat, Ingester> = { txt: ingestPlainText, md: ingestMarkdown, html: ingestHtml };

/** Ingest one single-document source (txt, md, html). */
export function ingestDocument(source: string, path: string, key: string, format: SourceFormat = formatOf(path) ?? 'txt'): IngestedDoc {
  return checkArticleText(INGESTERS[singleDocument(format, path)](source, path, key), path);
}
