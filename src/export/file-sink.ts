import { open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write/atomic.js';
import type { AnnotatedDoc } from '../doc.js';

/** A file-based export target (JSONL, brat, W3C, Label Studio). */
export interface FileSink {
  readonly description: string;
  /** Written as a whole (one set of files replaced at the end), rather than file by file. */
  readonly whole?: boolean;
  /**
   * Write one document; `unchanged` when its files already hold exactly this. A target written as
   * a whole answers `written`, and `finish` says whether the whole was `unchanged`.
   */
  add(doc: AnnotatedDoc, name?: string): Promise<'written' | 'unchanged'>;
  /**
   * After the last document. `ok` is false when some input failed: a target written as a whole
   * then keeps its previous files. With `prune`, per-document files of ids not in `keep` go.
   */
  finish(o: { ok: boolean; keep: ReadonlySet<string>; prune: boolean }): Promise<{ pruned: number; unchanged?: boolean }>;
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

/**
 * Remove `<name><ext>` files (for each of `exts`) in `dir` whose name is not kept (names as the
 * output folder's files have them: `fileNameOf(id)`, or the manifest's). Returns how many documents' files went.
 */
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
    const stem = name.slice(0, -primary.length);
    if (keep.has(stem)) continue;
    for (const ext of exts) await rm(join(dir, `${stem}${ext}`), { force: true });
    pruned++;
  }
  return pruned;
}

/** Whether two files hold the same bytes (read in chunks: the files may be corpus-sized). False if either is missing. */
export async function sameBytes(a: string, b: string): Promise<boolean> {
  try {
    if ((await stat(a)).size !== (await stat(b)).size) return false;
  } catch {
    return false;
  }
  const [fa, fb] = [await open(a, 'r'), await open(b, 'r')];
  try {
    const size = 1 << 16;
    const [ba, bb] = [Buffer.alloc(size), Buffer.alloc(size)];
    for (;;) {
      const [ra, rb] = [await fa.read(ba, 0, size, null), await fb.read(bb, 0, size, null)];
      if (ra.bytesRead !== rb.bytesRead || !ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
      if (ra.bytesRead === 0) return true;
    }
  } finally {
    await fa.close();
    await fb.close();
  }
}

/**
 * Put finished temporary files in place of their targets, unless every target already holds the
 * same bytes: then the temporary files go and the targets stay untouched (`unchanged`).
 */
export async function replaceUnlessSame(pairs: readonly { tmp: string; path: string }[]): Promise<'written' | 'unchanged'> {
  let same = true;
  for (const p of pairs) if (!(same = await sameBytes(p.tmp, p.path))) break;
  for (const p of pairs) {
    if (same) await rm(p.tmp, { force: true });
    else await rename(p.tmp, p.path);
  }
  return same ? 'unchanged' : 'written';
}
