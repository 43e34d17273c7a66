import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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
}

/** Bumped when the table changes; an older manifest is dropped (it is a cache: its documents are annotated again). */
const SCHEMA_VERSION = 2;

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
  sort_date TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  seen_run TEXT,
  processed_run TEXT
);
CREATE INDEX IF NOT EXISTS docs_seen ON docs (seen_run, sort_date DESC, id);
CREATE INDEX IF NOT EXISTS docs_processed ON docs (processed_run, id);
`;

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
    if (this.db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
      this.db.exec('DROP TABLE IF EXISTS docs');
      this.db.exec(SCHEMA);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    this.getStmt = this.db.prepare('SELECT * FROM docs WHERE id = ?');
    this.upsertStmt = this.db.prepare(`INSERT INTO docs (id, path, line, content_hash, reviews_hash, config_key, size, mtime_ms, json, html, words, mentions, events, summary, sort_date, updated_at, seen_run, processed_run)
      VALUES (@id, @path, @line, @content_hash, @reviews_hash, @config_key, @size, @mtime_ms, @json, @html, @words, @mentions, @events, @summary, @sort_date, @updated_at, @run, @run)
      ON CONFLICT (id) DO UPDATE SET path = excluded.path, line = excluded.line, content_hash = excluded.content_hash, reviews_hash = excluded.reviews_hash, config_key = excluded.config_key,
        size = excluded.size, mtime_ms = excluded.mtime_ms, json = excluded.json, html = excluded.html, words = excluded.words, mentions = excluded.mentions,
        events = excluded.events, summary = excluded.summary, sort_date = excluded.sort_date, updated_at = excluded.updated_at, seen_run = excluded.seen_run,
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

  /** Record a document whose outputs were just written (call only after they are on disk). */
  record(e: ManifestEntry, runId: string): void {
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
      sort_date: e.summary.date ?? '',
      updated_at: new Date().toISOString(),
      run: runId,
    });
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
