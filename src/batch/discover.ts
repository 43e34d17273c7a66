import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatOf } from '../ingest/index.js';
import { docIdOfPath } from '../doc-id.js';
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
 * Document ids of single-document files: the id the file gives itself (`given`: a Markdown file's
 * front-matter `id`), else its path under the input root without its extension (`docIdOfPath`,
 * case and punctuation kept); two files that would share a path id (a.txt and a.md) keep their
 * extension in it (`a.txt`, `a.md`). Decided over the whole list, so a file's id does not depend on
 * the order it is met.
 */
export function fileIds(files: readonly SourceFile[], given: (f: SourceFile) => string | undefined = () => undefined): (f: SourceFile) => string {
  const stemCount = new Map<string, number>();
  for (const f of files) {
    if (f.format === 'jsonl' || given(f) !== undefined) continue;
    const id = docIdOfPath(f.key);
    stemCount.set(id, (stemCount.get(id) ?? 0) + 1);
  }
  return (f) => {
    const own = given(f);
    if (own !== undefined) return own;
    const id = docIdOfPath(f.key);
    return (stemCount.get(id) ?? 0) > 1 ? f.key : id;
  };
}

/** Bytes of a Markdown file read to find its front matter (all of it is read when the front matter runs on). */
const HEAD_BYTES = 16 * 1024;

/**
 * The `id` of a Markdown file's YAML front matter (a non-empty string, or a number as written), or
 * undefined when it has none (or the front matter is not valid YAML: the ingester reports that).
 * Reads only the file's head.
 */
export async function frontMatterId(path: string): Promise<string | undefined> {
  let text: string;
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    text = buf.subarray(0, bytesRead).toString('utf8');
    if (bytesRead === HEAD_BYTES && /^\uFEFF?---[ \t]*\r?\n/.test(text) && !/\n---[ \t]*(?:\r?\n|$)/.test(text)) text = await readFile(path, 'utf8');
  } finally {
    await fh.close();
  }
  return frontMatterIdOf(text);
}

/** The front-matter `id` of a Markdown text (see `frontMatterId`). */
export function frontMatterIdOf(text: string): string | undefined {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  let data: unknown;
  try {
    data = parseYaml(m[1]);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const id = (data as Record<string, unknown>).id;
  if (typeof id === 'string' && id.trim() !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return m[1].match(/^id:[ \t]*([^\s#]+)/m)?.[1] ?? String(id);
  return undefined;
}
