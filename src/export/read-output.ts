import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertValidDoc } from '../schema/validate.js';
import { SitrepInputError, lineColumn } from '../errors.js';
import type { AnnotatedDoc } from '../doc.js';
import { fileNameOf, idOfFileName, withHash } from '../doc-id.js';
import { isDocumentFileName } from '../batch/output-files.js';

/** Bumped when the rows an export makes from the same JSON change (so unchanged files are reloaded). */
export const EXPORT_FORMAT = 'sitrep-export/1';

/** One `<doc-id>.json` of an output folder, read but not yet parsed. */
export interface OutputFile {
  /** The path, as given (for messages). */
  file: string;
  /** The document id: what its name says (`idOfFileName`), or for a cut or disambiguated name (with `~`), its `doc.id`. */
  id: string;
  /** The file name without `.json` (`fileNameOf(id)`, or the manifest's name for it). */
  name: string;
  /** The id is the one its name says (false: read from the file, for a name with `~`). */
  named: boolean;
  raw: string;
  /** SHA-256 of the export format and the file's bytes: equal hashes load to equal rows. */
  hash: string;
}

/** Files of an output folder that are not documents. */
const isDocumentName = isDocumentFileName;

/** The id a document file's name (without `.json`) says, else its `doc.id` (for a name with `~`), else the name itself. */
function idOf(name: string, raw: string | undefined): { id: string; named: boolean } {
  const said = idOfFileName(name);
  if (said !== undefined) return { id: said, named: true };
  if (raw !== undefined && name.includes('~')) {
    try {
      const id = (JSON.parse(raw) as { doc?: { id?: unknown } }).doc?.id;
      if (typeof id === 'string') return { id, named: false };
    } catch {
      /* parseOutputFile says what is wrong with it */
    }
  }
  return { id: name, named: true };
}

/** The id the export keys a document file by before it is read (see `idOf`): for a file that cannot be read, its name's. */
export function idOfOutputName(name: string): string {
  return idOf(name.endsWith('.json') ? name.slice(0, -'.json'.length) : name, undefined).id;
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
  const stem = name.slice(0, -'.json'.length);
  return { file, ...idOf(stem, raw), name: stem, raw, hash: createHash('sha256').update(`${EXPORT_FORMAT}\n`).update(raw).digest('hex') };
}

/** The names sitrep may give an id's files: `fileNameOf(id)`, or that with `~` and a hash (told from an id that differs only in case). */
function namesOf(id: string): string[] {
  const name = fileNameOf(id);
  return [name, withHash(name, id)];
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
  if (f.named ? doc.doc.id !== f.id : !namesOf(doc.doc.id).includes(f.name)) {
    throw new SitrepInputError(`doc.id is ${JSON.stringify(doc.doc.id)} but the file is named for ${f.named ? JSON.stringify(f.id) : `another id`} (sitrep writes <doc-id>.json, the id percent-encoded: ${fileNameOf(doc.doc.id)}.json)`, f.file, 'export:id-mismatch');
  }
  return doc;
}
