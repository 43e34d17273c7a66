import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestDocument, formatOf } from '../../src/ingest/index.js';
import { annotateIngested } from '../../src/pipeline.js';
import type { AnnotatedDoc } from '../../src/doc.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const CORPUS = join(ROOT, 'corpus');
export const SHARED_EVAL = join(ROOT, '..', 'shared', 'eval');
export const SAMPLE = 'crisisgroup-islamic-state-afghanistan.txt';

const cache = new Map<string, AnnotatedDoc>();

/** Annotate a corpus file (cached per test file). */
export function annotateCorpusFile(name: string): AnnotatedDoc {
  let doc = cache.get(name);
  if (!doc) {
    const path = join(CORPUS, name);
    doc = annotateIngested(ingestDocument(readFileSync(path, 'utf8'), `corpus/${name}`, name, formatOf(path)));
    cache.set(name, doc);
  }
  return doc;
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS).filter((f) => formatOf(f) && formatOf(f) !== 'jsonl').sort();
}

/** Mentions as compact `type:text` strings, in text order. */
export function mentionList(doc: AnnotatedDoc, type?: string): string[] {
  return doc.mentions.filter((m) => !type || m.type === type).map((m) => `${m.type}:${m.text}`);
}

export function count<T>(xs: T[], x: T): number {
  return xs.filter((y) => y === x).length;
}
