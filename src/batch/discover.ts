import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { formatOf } from '../ingest/index.js';
import type { SourceFormat } from '../doc.js';

export interface SourceFile {
  path: string;
  /** Path relative to the input root it was found under (the document key). */
  key: string;
  format: SourceFormat;
}

export interface Discovery {
  files: SourceFile[];
  /** Files found under an input folder that sitrep does not read, with the reason. */
  ignored: { path: string; reason: string }[];
  /** Inputs that do not exist. */
  missing: string[];
}

/** Files under the inputs (folders are walked, hidden entries skipped), sorted for a stable order. */
export async function discoverSources(inputs: readonly string[]): Promise<Discovery> {
  const files: SourceFile[] = [];
  const ignored: Discovery['ignored'] = [];
  const missing: string[] = [];
  const walk = async (root: string, dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(root, p);
      else if (e.isFile()) {
        const format = formatOf(p);
        if (format) files.push({ path: p, key: relative(root, p).split(sep).join('/'), format });
        else ignored.push({ path: p, reason: 'not a .txt, .md, .html or .jsonl file' });
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
    else files.push({ path: input, key: input.split(sep).pop()!, format: formatOf(input) ?? 'txt' });
  }
  return { files, ignored, missing };
}
