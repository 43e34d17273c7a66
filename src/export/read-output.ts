import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertValidDoc } from '../schema/validate.js';
import { SitrepInputError, lineColumn } from '../errors.js';
import type { AnnotatedDoc } from '../doc.js';

/** Bumped when the rows an export makes from the same JSON change (so unchanged files are reloaded). */
export const EXPORT_FORMAT = 'sitrep-export/1';

/** One `<doc-id>.json` of an output folder, read but not yet parsed. */
export interface OutputFile {
  /** The path, as given (for messages). */
  file: string;
  /** The document id its name says (`<id>.json`). */
  id: string;
  raw: string;
  /** SHA-256 of the export format and the file's bytes: equal hashes load to equal rows. */
  hash: string;
}

/** Files of an output folder that are not documents. */
function isDocumentName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.') && name !== 'run.json' && !name.endsWith('.review.json');
}

/** The document files of an output folder, sorted by name. Names only: the folder's size does not matter. */
export async function listOutputFiles(dir: string): Promise<string[]> {
  let st;
  try {
    st = await stat(dir);
  } catch (err) {
    throw new SitrepInputError(`cannot read the output folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, dir, 'export:from-missing');
  }
  if (!st.isDirectory()) throw new SitrepInputError('not a folder (expected an output folder of <doc-id>.json files)', dir, 'export:from-not-folder');
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isDocumentName(e.name))
    .map((e) => e.name)
    .sort();
}

export async function readOutputFile(dir: string, name: string): Promise<OutputFile> {
  const file = join(dir, name);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new SitrepInputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, file, 'export:unreadable');
  }
  return { file, id: name.slice(0, -'.json'.length), raw, hash: createHash('sha256').update(`${EXPORT_FORMAT}\n`).update(raw).digest('hex') };
}

/** Parse and validate one output file: a clear error names the file and the place. */
export function parseOutputFile(f: OutputFile): AnnotatedDoc {
  let doc: unknown;
  try {
    doc = JSON.parse(f.raw);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? String(f.raw.length) : undefined);
    throw new SitrepInputError(`not valid JSON (${message})`, f.file, 'export:json-syntax', at === undefined ? undefined : lineColumn(f.raw, Number(at)));
  }
  assertValidDoc(doc, f.file);
  if (doc.doc.id !== f.id) throw new SitrepInputError(`doc.id is ${JSON.stringify(doc.doc.id)} but the file is named for ${JSON.stringify(f.id)} (sitrep writes <doc-id>.json)`, f.file, 'export:id-mismatch');
  return doc;
}
