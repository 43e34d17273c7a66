import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { SitrepInputError } from '../errors.js';
import { fileNameOf } from '../doc-id.js';
import type { AnnotatedDoc } from '../doc.js';

export function serializeDoc(doc: AnnotatedDoc): string {
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** `<outDir>/<name>.json`: the name is `fileNameOf(id)` unless the caller knows the file's own (see Manifest.nameFor). */
export function docJsonPath(outDir: string, id: string, name = fileNameOf(id)): string {
  return join(outDir, `${name}.json`);
}

export async function writeDocJson(outDir: string, doc: AnnotatedDoc, name?: string): Promise<string> {
  const path = docJsonPath(outDir, doc.doc.id, name);
  await writeFileAtomic(path, serializeDoc(doc));
  return path;
}

/** Read an annotated document back, with a clear error naming the file when it is not one. */
export async function readDocJson(path: string): Promise<AnnotatedDoc> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    throw new SitrepInputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, path, 'output:unreadable');
  }
  let doc: AnnotatedDoc;
  try {
    doc = JSON.parse(raw) as AnnotatedDoc;
  } catch (err) {
    throw new SitrepInputError(`not valid JSON (${(err as Error).message})`, path, 'output:syntax');
  }
  if (!doc || typeof doc !== 'object' || typeof doc.schemaVersion !== 'string' || typeof doc.text !== 'string' || !Array.isArray(doc.mentions)) {
    throw new SitrepInputError('not a sitrep document (schemaVersion, text and mentions expected)', path, 'output:shape');
  }
  return doc;
}
