import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileNameOf } from '../doc-id.js';
import { writeFileAtomic } from '../write/atomic.js';
import { parseReviewFile } from './validate.js';
import type { ReviewFile, StoredDecision } from './types.js';

/**
 * The review store: a folder of review files (`reviews/` by default, never inside the output
 * folder a user may wipe). Every `*.json` file in it is read; the decisions of all files about one
 * document are applied together, oldest first. Files are only ever added, never merged or rewritten,
 * so a decision is never lost by a later one.
 */
export interface ReviewStore {
  dir: string;
  /** Decisions per document id, oldest first, each id once. */
  byDoc: Map<string, StoredDecision[]>;
  /** Files that could not be read as review files, with the reason (they are skipped). */
  problems: { file: string; message: string }[];
  files: number;
}

export const DEFAULT_REVIEWS_DIR = 'reviews';

/** The store folder: the one given, else `$SITREP_REVIEWS`, else `reviews` in the working folder. */
export function resolveReviewsDir(dir?: string | null): string {
  return resolve(dir || process.env.SITREP_REVIEWS || DEFAULT_REVIEWS_DIR);
}

export function emptyStore(dir: string): ReviewStore {
  return { dir, byDoc: new Map(), problems: [], files: 0 };
}

/** Decisions sorted by time; ties keep file then in-file order. A decision id seen twice counts once. */
function settle(list: StoredDecision[]): StoredDecision[] {
  list.sort((a, b) => a.decision.at.localeCompare(b.decision.at) || a.file.localeCompare(b.file) || a.order - b.order);
  const seen = new Set<string>();
  return list.filter((d) => (seen.has(d.decision.id) ? false : (seen.add(d.decision.id), true)));
}

/** Read every review file of a folder. A missing folder is an empty store. */
export async function loadReviewStore(dir: string): Promise<ReviewStore> {
  const store = emptyStore(dir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return store;
    throw err;
  }
  for (const name of names) {
    const path = join(dir, name);
    let file: ReviewFile;
    try {
      file = parseReviewFile(await readFile(path, 'utf8'), path);
    } catch (err) {
      store.problems.push({ file: path, message: (err as Error).message });
      continue;
    }
    store.files++;
    const list = store.byDoc.get(file.docId) ?? [];
    file.decisions.forEach((decision, order) => list.push({ decision, file: path, order }));
    store.byDoc.set(file.docId, list);
  }
  for (const [id, list] of store.byDoc) store.byDoc.set(id, settle(list));
  return store;
}

/** The decisions about one document, oldest first. */
export function decisionsFor(store: ReviewStore, docId: string): StoredDecision[] {
  return store.byDoc.get(docId) ?? [];
}

/**
 * A hash of every decision about one document (16 hex digits; the same for a document without
 * any). An incremental run keeps it with the document: a new review changes it, and the document
 * is processed again so that the review is applied.
 */
export function reviewsHash(store: ReviewStore, docId: string): string {
  const h = createHash('sha256');
  for (const d of decisionsFor(store, docId)) h.update(JSON.stringify(d.decision)).update('\n');
  return h.digest('hex').slice(0, 16);
}

/** Store problems that concern one document: the file's name starts with its id (or its id's file name). */
export function problemsFor(store: ReviewStore, docId: string): ReviewStore['problems'] {
  return store.problems.filter((p) => {
    const name = p.file.slice(store.dir.length + 1);
    const stem = fileNameOf(docId);
    return name === `${docId}.json` || name.startsWith(`${docId}.`) || name === `${stem}.json` || name.startsWith(`${stem}.`);
  });
}

export function serializeReviewFile(file: ReviewFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Add a (checked) review file to the store as `<doc-id>.<hash>.review.json`. The same content is
 * stored once: storing it again changes nothing. Returns the path and whether it was new.
 */
export async function storeReviewFile(dir: string, file: ReviewFile): Promise<{ path: string; created: boolean }> {
  const data = serializeReviewFile(file);
  const path = join(dir, `${fileNameOf(file.docId)}.${createHash('sha256').update(data).digest('hex').slice(0, 12)}.review.json`);
  try {
    if ((await readFile(path, 'utf8')) === data) return { path, created: false };
  } catch {
    /* not there yet */
  }
  await writeFileAtomic(path, data);
  return { path, created: true };
}

/** Where review files go that a rename replaced (hidden: the store does not read it; nothing in it is ever deleted). */
export const RENAMED_REVIEWS_DIR = '.renamed';

/**
 * A document's id changed (an earlier version named it otherwise, or its file's own id changed):
 * each review file about `from` is stored again about `to` (the same decisions), and the old file
 * is moved, not deleted, to `<dir>/.renamed/`, so no reviewer's work is lost and the decisions are
 * applied once, to the document under its new id. Returns the files written and moved.
 */
export async function renameReviews(dir: string, from: string, to: string): Promise<{ from: string; to: string }[]> {
  const store = await loadReviewStore(dir);
  const files = [...new Set(decisionsFor(store, from).map((d) => d.file))].sort();
  const moved: { from: string; to: string }[] = [];
  if (files.length === 0) return moved;
  await mkdir(join(dir, RENAMED_REVIEWS_DIR), { recursive: true });
  for (const old of files) {
    const file = parseReviewFile(await readFile(old, 'utf8'), old);
    if (file.docId !== from) continue;
    const { path } = await storeReviewFile(dir, { ...file, docId: to });
    await rename(old, join(dir, RENAMED_REVIEWS_DIR, basename(old)));
    moved.push({ from: old, to: path });
  }
  return moved;
}

const cache = new Map<string, { signature: string; store: ReviewStore }>();

/**
 * The store of a folder, read once per process and read again when the folder changes (a file
 * added, removed or replaced changes the folder's modification time). `dir` as for
 * `resolveReviewsDir`. Used by every worker that annotates documents.
 */
export async function reviewStoreFor(dir?: string | null): Promise<ReviewStore> {
  const abs = resolveReviewsDir(dir);
  let signature = 'none';
  try {
    const s = await stat(abs);
    signature = `${s.ino}:${s.mtimeMs}`;
  } catch {
    /* no folder: an empty store */
  }
  const hit = cache.get(abs);
  if (hit && hit.signature === signature) return hit.store;
  const store = signature === 'none' ? emptyStore(abs) : await loadReviewStore(abs);
  cache.set(abs, { signature, store });
  return store;
}
