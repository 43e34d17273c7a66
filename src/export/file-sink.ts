import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write/atomic.js';
import type { AnnotatedDoc } from '../doc.js';

/** A file-based export target (JSONL, brat, W3C, Label Studio). */
export interface FileSink {
  readonly description: string;
  /** Written as a whole (one set of files replaced at the end), rather than file by file. */
  readonly whole?: boolean;
  /** Write one document; `unchanged` when its files already hold exactly this. */
  add(doc: AnnotatedDoc): Promise<'written' | 'unchanged'>;
  /**
   * After the last document. `ok` is false when some input failed: a target written as a whole
   * then keeps its previous files. With `prune`, per-document files of ids not in `keep` go.
   */
  finish(o: { ok: boolean; keep: ReadonlySet<string>; prune: boolean }): Promise<{ pruned: number }>;
}

/** Write a file atomically unless it already holds exactly this content. */
export async function writeIfChanged(path: string, content: string): Promise<'written' | 'unchanged'> {
  try {
    if ((await readFile(path, 'utf8')) === content) return 'unchanged';
  } catch {
    // missing: write it
  }
  await writeFileAtomic(path, content);
  return 'written';
}

/** Remove `<id><ext>` files (for each of `exts`) in `dir` whose id is not kept. Returns the ids removed. */
export async function pruneFiles(dir: string, exts: readonly string[], keep: ReadonlySet<string>): Promise<number> {
  const [primary] = exts;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let pruned = 0;
  for (const name of names) {
    if (!name.endsWith(primary) || name.startsWith('.')) continue;
    const id = name.slice(0, -primary.length);
    if (keep.has(id)) continue;
    for (const ext of exts) await rm(join(dir, `${id}${ext}`), { force: true });
    pruned++;
  }
  return pruned;
}
