import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { formatOf } from '../ingest/index.js';
import { docIdFor } from '../doc-id.js';
import type { SourceFormat } from '../doc.js';

export interface SourceFile {
  path: string;
  /** Path relative to the input root it was found under (the document key). */
  key: string;
  format: SourceFormat;
  /** Size in bytes and modification time, when the file was found. */
  size: number;
  mtimeMs: number;
}

export interface Discovery {
  files: SourceFile[];
  /** Files found under an input folder that sitrep does not read, with the reason. */
  ignored: { path: string; reason: string }[];
  /** Inputs that do not exist. */
  missing: string[];
}

/**
 * Files under the inputs (folders are walked, hidden entries skipped), sorted for a stable order.
 * Folders in `exclude` (the output folder) are not walked, so outputs never become inputs.
 */
export async function discoverSources(inputs: readonly string[], exclude: readonly string[] = []): Promise<Discovery> {
  const excluded = new Set(exclude.map((p) => resolve(p)));
  const files: SourceFile[] = [];
  const ignored: Discovery['ignored'] = [];
  const missing: string[] = [];
  const walk = async (root: string, dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!excluded.has(resolve(p))) await walk(root, p);
      } else if (e.isFile()) {
        const format = formatOf(p);
        if (format) {
          const st = await stat(p).catch(() => undefined);
          if (st) files.push({ path: p, key: relative(root, p).split(sep).join('/'), format, size: st.size, mtimeMs: st.mtimeMs });
          else missing.push(p);
        } else ignored.push({ path: p, reason: 'not a .txt, .md, .html or .jsonl file' });
      }
    }
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (info.isDirectory()) await walk(resolve(input), input);
    else files.push({ path: input, key: input.split(sep).pop()!, format: formatOf(input) ?? 'txt', size: info.size, mtimeMs: info.mtimeMs });
  }
  return { files, ignored, missing };
}

/**
 * Document ids of single-document files: the path without its extension (`docIdFor`); two files
 * that would share one (a.txt and a.md) keep their extension in it. Decided over the whole list,
 * so a file's id does not depend on the order it is met.
 */
export function fileIds(files: readonly SourceFile[]): (f: SourceFile) => string {
  const stemCount = new Map<string, number>();
  for (const f of files) if (f.format !== 'jsonl') stemCount.set(docIdFor(f.key), (stemCount.get(docIdFor(f.key)) ?? 0) + 1);
  return (f) => {
    const id = docIdFor(f.key);
    return (stemCount.get(id) ?? 0) > 1 ? `${id}-${extname(f.key).slice(1).toLowerCase()}` : id;
  };
}
