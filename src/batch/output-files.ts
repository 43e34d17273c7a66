import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileNameOf, idOfFileName } from '../doc-id.js';

/**
 * A name of an output folder that is a document's JSON (`<name>.json`, not `run.json`, not a
 * review file, not hidden). Names come from `fileNameOf`, which never makes `run` or a final
 * `.review`, so a document's file is never mistaken for one of these.
 */
export function isDocumentFileName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.') && name !== 'run.json' && !name.endsWith('.review.json');
}

/** One document's files in an output folder: the name (without extension) and the id it holds. */
export interface OutputName {
  name: string;
  id: string;
}

/**
 * The documents of an output folder, sorted by file name: each name's id is what the name says
 * (`idOfFileName`), or, for a name that does not say (cut or disambiguated with `~`, or not
 * written by this version), the `doc.id` inside the file; a file that is not a document is left out.
 */
export async function listOutputNames(outDir: string): Promise<OutputName[]> {
  const names = (await readdir(outDir)).filter(isDocumentFileName).map((n) => n.slice(0, -'.json'.length)).sort();
  const out: OutputName[] = [];
  for (const name of names) {
    const id = idOfFileName(name) ?? (await idInside(join(outDir, `${name}.json`)));
    if (id !== undefined) out.push({ name, id });
  }
  return out;
}

async function idInside(file: string): Promise<string | undefined> {
  try {
    const doc = JSON.parse(await readFile(file, 'utf8')) as { doc?: { id?: unknown } };
    return typeof doc.doc?.id === 'string' ? doc.doc.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file name of each id in an output folder: `fileNameOf(id)` when that file is there, else the
 * name of the file whose `doc.id` it is (a cut or disambiguated name); undefined when none is.
 */
export async function locateOutputs(outDir: string, ids: readonly string[]): Promise<Map<string, string | undefined>> {
  const found = new Map<string, string | undefined>();
  let listing: Map<string, string> | undefined;
  for (const id of ids) {
    const name = fileNameOf(id);
    const here = await access(join(outDir, `${name}.json`)).then(
      () => true,
      () => false,
    );
    if (here && !name.includes('~')) {
      found.set(id, name);
      continue;
    }
    listing ??= new Map((await listOutputNames(outDir)).map((o) => [o.id, o.name]));
    found.set(id, listing.get(id));
  }
  return found;
}
