import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileNameOf, foldName, withHash } from '../doc-id.js';
import type { DocSummary } from '../write/html-index.js';

/** What the manifest knows about one document whose outputs were written. */
export interface ManifestEntry {
  id: string;
  /** Source file (and line, for a JSONL document). */
  path: string;
  line?: number;
  /** sha256 of the document's source (the file, or the JSONL line): `doc.source.sha256` in its JSON. */
  contentHash: string;
  /** Hash of the review decisions applied to it (`reviewsHash` of src/review), so a new review makes it stale. */
  reviewsHash: string;
  /** Output files. */
  json: string;
  html?: string;
  words: number;
  mentions: number;
  events: number;
  /** What the index page shows of it (small: the index is built from these, never from whole documents). */
  summary: DocSummary;
  /** Size and modification time of a single-document source file, so an untouched file need not be read again. */
  source?: { size: number; mtimeMs: number };
  /** A Markdown file's front-matter `id` when its outputs were made (`null`: it had none), so an untouched file's id is known without reading it. */
  frontId?: string | null;
}

/** A document that had another id (and other output files) before: an earlier version's name, or a file whose own id changed. */
export interface Renamed {
  from: string;
  to: string;
  path: string;
  line?: number;
  /** Output files of the old id removed (the new ones replace them). */
  removed: string[];
}

interface Row {
  id: string;
  path: string;
  line: number | null;
  content_hash: string;
  reviews_hash: string;
  config_key: string;
  size: number | null;
  mtime_ms: number | null;
  json: string;
  html: string | null;
  words: number;
  mentions: number;
  events: number;
  summary: string;
  front_id: string | null;
}

/**
 * Bumped when the table changes; an older manifest's documents are annotated again (it is a
 * cache), but what it said of their sources and outputs is kept in `legacy_docs`, so that outputs
 * written under names an earlier version gave are replaced once, not left beside the new ones.
 * Schema 3: documents keep their users' ids (issue 21); schema 2 and before folded them.
 */
const SCHEMA_VERSION = 3;

/** Tables kept across schema versions: the file name of each id, older documents, and the renames done. */
const LASTING = `
CREATE TABLE IF NOT EXISTS names (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, folded TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS legacy_docs (id TEXT NOT NULL, path TEXT NOT NULL, line INTEGER, json TEXT NOT NULL, html TEXT, schema INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS legacy_source ON legacy_docs (path, line);
CREATE TABLE IF NOT EXISTS renamed (old_id TEXT NOT NULL, new_id TEXT NOT NULL, path TEXT NOT NULL, line INTEGER, removed TEXT NOT NULL, at TEXT NOT NULL, run TEXT NOT NULL);
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  id TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  line INTEGER,
  content_hash TEXT NOT NULL,
  reviews_hash TEXT NOT NULL,
  config_key TEXT NOT NULL,
  size INTEGER,
  mtime_ms REAL,
  json TEXT NOT NULL,
  html TEXT,
  words INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  events INTEGER NOT NULL,
  summary TEXT NOT NULL,
  front_id TEXT,
  sort_date TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  seen_run TEXT,
  processed_run TEXT
);
CREATE INDEX IF NOT EXISTS docs_seen ON docs (seen_run, sort_date DESC, id);
CREATE INDEX IF NOT EXISTS docs_processed ON docs (processed_run, id);
CREATE INDEX IF NOT EXISTS docs_source ON docs (path, line);
`;

/** The same file: the same path, or (a case-insensitive file system) two spellings of one. */
function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  if (foldName(a) !== foldName(b)) return false;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function entryOf(r: Row): ManifestEntry {
  return {
    id: r.id,
    path: r.path,
    ...(r.line !== null ? { line: r.line } : {}),
    contentHash: r.content_hash,
    reviewsHash: r.reviews_hash,
    json: r.json,
    ...(r.html !== null ? { html: r.html } : {}),
    words: r.words,
    mentions: r.mentions,
    events: r.events,
    summary: JSON.parse(r.summary) as DocSummary,
    ...(r.size !== null && r.mtime_ms !== null ? { source: { size: r.size, mtimeMs: r.mtime_ms } } : {}),
    ...(r.front_id !== null ? { frontId: r.front_id } : {}),
  };
}

/**
 * The incremental manifest of an output folder: for each document id, the content hash and the
 * configuration key its outputs were made with, where they are, and a small summary for the index.
 * A document is up to date when both hashes match and its outputs are still on disk.
 *
 * Kept in SQLite (`<out>/.sitrep/manifest.sqlite`, WAL): each record is one transaction, written
 * only after the document's files were written atomically, so a run killed at any moment leaves
 * every record true, and other processes (queue workers) can share it. Nothing here holds the
 * whole corpus: lookups go to the database and listings are streamed.
 */
export class Manifest {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string], Row>;
  private readonly upsertStmt: Database.Statement<Record<string, unknown>>;
  private readonly seenStmt: Database.Statement<[string, string]>;
  private readonly seenStatStmt: Database.Statement<[string, number, number, string]>;

  private constructor(
    file: string,
    /** The configuration half of the key (see `configKey`). */
    readonly configKey: string,
  ) {
    this.file = file;
    this.db = new Database(file, { timeout: 15_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.function('sitrep_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? foldName(v) : null));
    this.db.transaction(() => {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      this.db.exec(LASTING);
      if (version !== SCHEMA_VERSION) {
        const old = this.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('docs')").all().map((c) => c.name);
        if (['id', 'path', 'line', 'json', 'html'].every((c) => old.includes(c))) {
          this.db.prepare('INSERT INTO legacy_docs (id, path, line, json, html, schema) SELECT id, path, line, json, html, ? FROM docs').run(version);
        }
        this.db.exec('DROP TABLE IF EXISTS docs');
        this.db.exec(SCHEMA);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }
    })();
    this.getStmt = this.db.prepare('SELECT * FROM docs WHERE id = ?');
    this.upsertStmt = this.db.prepare(`INSERT INTO docs (id, path, line, content_hash, reviews_hash, config_key, size, mtime_ms, json, html, words, mentions, events, summary, front_id, sort_date, updated_at, seen_run, processed_run)
      VALUES (@id, @path, @line, @content_hash, @reviews_hash, @config_key, @size, @mtime_ms, @json, @html, @words, @mentions, @events, @summary, @front_id, @sort_date, @updated_at, @run, @run)
      ON CONFLICT (id) DO UPDATE SET path = excluded.path, line = excluded.line, content_hash = excluded.content_hash, reviews_hash = excluded.reviews_hash, config_key = excluded.config_key,
        size = excluded.size, mtime_ms = excluded.mtime_ms, json = excluded.json, html = excluded.html, words = excluded.words, mentions = excluded.mentions,
        events = excluded.events, summary = excluded.summary, front_id = excluded.front_id, sort_date = excluded.sort_date, updated_at = excluded.updated_at, seen_run = excluded.seen_run,
        processed_run = excluded.processed_run`);
    this.seenStmt = this.db.prepare('UPDATE docs SET seen_run = ? WHERE id = ?');
    this.seenStatStmt = this.db.prepare('UPDATE docs SET seen_run = ?, size = ?, mtime_ms = ? WHERE id = ?');
  }

  /** Open (or create) the manifest of `outDir`. */
  static open(outDir: string, configKey: string): Manifest {
    const dir = join(outDir, '.sitrep');
    mkdirSync(dir, { recursive: true });
    return new Manifest(join(dir, 'manifest.sqlite'), configKey);
  }

  /** A new run id: what a run processes or skips is marked with it, for its report and its index. */
  static newRunId(): string {
    return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  }

  lookup(id: string): ManifestEntry | undefined {
    const r = this.getStmt.get(id);
    return r ? entryOf(r) : undefined;
  }

  private current(id: string, path: string): Row | undefined {
    const r = this.getStmt.get(id);
    if (!r || r.config_key !== this.configKey || r.path !== path) return undefined;
    if (!existsSync(r.json) || (r.html !== null && !existsSync(r.html))) return undefined;
    return r;
  }

  /**
   * Are the outputs of `id` from this source (path and sha256 of its content), these reviews and
   * this configuration, and still on disk?
   */
  isUpToDate(id: string, path: string, contentHash: string, reviewsHash: string): boolean {
    return this.upToDateHash(id, path, reviewsHash) === contentHash;
  }

  /**
   * The content hash whose outputs for `id` are up to date (this source path, these reviews, this
   * configuration, files on disk), if any: a reader of the source can tell by itself whether it
   * changed.
   */
  upToDateHash(id: string, path: string, reviewsHash: string): string | undefined {
    const r = this.current(id, path);
    return r && r.reviews_hash === reviewsHash ? r.content_hash : undefined;
  }

  /**
   * The fast check for a single-document file: same size and modification time as when its
   * outputs were made (and same configuration, outputs on disk), so it need not even be read.
   */
  isUnchangedFile(id: string, path: string, stat: { size: number; mtimeMs: number }, reviewsHash: string): boolean {
    const r = this.current(id, path);
    return !!r && r.size === stat.size && r.mtime_ms === stat.mtimeMs && r.reviews_hash === reviewsHash;
  }

  /**
   * The file name (without extension) of a document id's outputs: `fileNameOf(id)`, unless another
   * id already has a name that differs from it only in case (`Report.1` after `report.1`): then
   * the later one's name ends in `~` and a hash of its id, so that the two never meet on a
   * case-insensitive file system. Decided once per id and kept (across schema versions), so names
   * are stable from run to run.
   */
  nameFor(id: string): string {
    const known = this.db.prepare<[string], { name: string }>('SELECT name FROM names WHERE id = ?').get(id);
    if (known) return known.name;
    let name = fileNameOf(id);
    const taken = (n: string): boolean => this.db.prepare<[string], { id: string }>('SELECT id FROM names WHERE folded = ?').get(foldName(n)) !== undefined;
    if (taken(name)) name = withHash(name, id);
    if (taken(name)) throw new Error(`no file name for document id ${JSON.stringify(id)}: ${name} is taken`);
    this.db.prepare('INSERT INTO names (id, name, folded) VALUES (?, ?, ?)').run(id, name, foldName(name));
    return name;
  }

  /** The id an earlier version (or an earlier run) gave the document of this source, when it was another. */
  formerIdOf(path: string, line: number | undefined, id: string): string | undefined {
    const legacy = this.db.prepare<[string, number | null, string], { id: string }>('SELECT id FROM legacy_docs WHERE path = ? AND line IS ? AND id != ? LIMIT 1').get(path, line ?? null, id);
    if (legacy) return legacy.id;
    if (line !== undefined) return undefined;
    return this.db.prepare<[string, string], { id: string }>('SELECT id FROM docs WHERE path = ? AND line IS NULL AND id != ? LIMIT 1').get(path, id)?.id;
  }

  /**
   * The front-matter id of an untouched single-document file (same size and time) as it was when
   * its outputs were made: a string, `null` for none, undefined when the manifest cannot say.
   */
  frontIdOf(path: string, stat: { size: number; mtimeMs: number }): string | null | undefined {
    const r = this.db.prepare<[string, number, number], { front_id: string | null; config_key: string }>('SELECT front_id, config_key FROM docs WHERE path = ? AND line IS NULL AND size = ? AND mtime_ms = ? LIMIT 1').get(path, stat.size, stat.mtimeMs);
    return r ? r.front_id : undefined;
  }

  /** Renames the manifest has done, oldest first (all runs, or one). */
  renames(runId?: string): Renamed[] {
    const rows = runId
      ? this.db.prepare<[string], { old_id: string; new_id: string; path: string; line: number | null; removed: string }>('SELECT * FROM renamed WHERE run = ? ORDER BY rowid').all(runId)
      : this.db.prepare<[], { old_id: string; new_id: string; path: string; line: number | null; removed: string }>('SELECT * FROM renamed ORDER BY rowid').all();
    return rows.map((r) => ({ from: r.old_id, to: r.new_id, path: r.path, ...(r.line !== null ? { line: r.line } : {}), removed: JSON.parse(r.removed) as string[] }));
  }

  /**
   * The outputs an earlier name of this document left (an earlier version's, from `legacy_docs`;
   * or this file's under an id it no longer has) are removed, once the new ones are on disk, unless
   * another document's outputs are those files (compared as a case-insensitive file system would).
   * Review files are never touched here (they are in the reviews folder: see src/review/store.ts).
   */
  private retire(e: ManifestEntry, runId: string): Renamed[] {
    const line = e.line ?? null;
    const olds = this.db.prepare<[string, number | null], { rowid: number; id: string; json: string; html: string | null; legacy: number }>(
      'SELECT rowid, id, json, html, 1 AS legacy FROM legacy_docs WHERE path = ? AND line IS ?',
    ).all(e.path, line);
    if (line === null) olds.push(...this.db.prepare<[string, string], { rowid: number; id: string; json: string; html: string | null; legacy: number }>('SELECT rowid, id, json, html, 0 AS legacy FROM docs WHERE path = ? AND line IS NULL AND id != ?').all(e.path, e.id));
    const out: Renamed[] = [];
    const inUse = this.db.prepare<[string, string, string], { json: string; html: string | null }>('SELECT json, html FROM docs WHERE (sitrep_fold(json) = ? OR sitrep_fold(html) = ?) AND id != ?');
    for (const o of olds) {
      const removed: string[] = [];
      for (const f of [o.json, o.html]) {
        if (f === null || !existsSync(f)) continue;
        // Not a file this document or another one has now: on a case-insensitive file system,
        // `report.json` is `Report.json`.
        const folded = foldName(f);
        const current = [e.json, e.html, ...inUse.all(folded, folded, o.id).flatMap((r) => [r.json, r.html])];
        if (current.some((c) => c !== null && c !== undefined && sameFile(c, f))) continue;
        rmSync(f, { force: true });
        removed.push(f);
      }
      if (o.legacy) this.db.prepare('DELETE FROM legacy_docs WHERE rowid = ?').run(o.rowid);
      else this.db.prepare('DELETE FROM docs WHERE rowid = ?').run(o.rowid);
      if (o.id === e.id && removed.length === 0) continue;
      const r: Renamed = { from: o.id, to: e.id, path: e.path, ...(e.line ? { line: e.line } : {}), removed };
      this.db.prepare('INSERT INTO renamed (old_id, new_id, path, line, removed, at, run) VALUES (?, ?, ?, ?, ?, ?, ?)').run(r.from, r.to, r.path, line, JSON.stringify(removed), new Date().toISOString(), runId);
      out.push(r);
    }
    return out;
  }

  /**
   * Record a document whose outputs were just written (call only after they are on disk). Returns
   * the renames this settles: outputs of the same source under an earlier name, now removed.
   */
  record(e: ManifestEntry, runId: string): Renamed[] {
    this.upsertStmt.run({
      id: e.id,
      path: e.path,
      line: e.line ?? null,
      content_hash: e.contentHash,
      reviews_hash: e.reviewsHash,
      config_key: this.configKey,
      size: e.source?.size ?? null,
      mtime_ms: e.source?.mtimeMs ?? null,
      json: e.json,
      html: e.html ?? null,
      words: e.words,
      mentions: e.mentions,
      events: e.events,
      summary: JSON.stringify(e.summary),
      front_id: e.frontId ?? null,
      sort_date: e.summary.date ?? '',
      updated_at: new Date().toISOString(),
      run: runId,
    });
    return this.retire(e, runId);
  }

  /** Mark an up-to-date document as part of run `runId` (updating its file's stat, when given). */
  markSeen(id: string, runId: string, stat?: { size: number; mtimeMs: number }): void {
    if (stat) this.seenStatStmt.run(runId, stat.size, stat.mtimeMs, id);
    else this.seenStmt.run(runId, id);
  }

  /** Summaries of the documents of a run (annotated or up to date), in index order: newest first, then by id. */
  *summaries(runId: string): Generator<DocSummary> {
    for (const r of this.db.prepare<[string], { summary: string }>('SELECT summary FROM docs WHERE seen_run = ? ORDER BY sort_date DESC, id').iterate(runId)) {
      yield JSON.parse(r.summary) as DocSummary;
    }
  }

  close(): void {
    this.db.close();
  }
}
