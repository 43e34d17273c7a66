import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import { TABLES, TABLE_NAMES, type DocRows, type Row, type TableName } from './rows.js';
import type { DocStore, StoredState } from './store.js';
import { SitrepOptionError } from '../errors.js';

type Db = Database.Database;

/** Apply the migrations this database lacks, each in its own transaction, recording each one. */
export function migrateSqlite(db: Db, upTo = LATEST_VERSION): number[] {
  db.exec(MIGRATIONS_TABLE('sqlite'));
  const applied = new Set((db.prepare('SELECT version FROM sitrep_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  if (newest > LATEST_VERSION) throw new SitrepOptionError(`the database's schema version ${newest} is newer than this sitrep knows (${LATEST_VERSION}); upgrade sitrep`);
  const done: number[] = [];
  const isApplied = db.prepare('SELECT 1 FROM sitrep_migrations WHERE version = ?').pluck();
  for (const m of MIGRATIONS) {
    if (m.version > upTo || applied.has(m.version)) continue;
    // Checked again inside the write lock: another exporter may have applied it meanwhile.
    const ran = db.transaction(() => {
      if (isApplied.get(m.version)) return false;
      db.exec(m.sql('sqlite'));
      db.prepare('INSERT INTO sitrep_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      return true;
    }).immediate();
    if (ran) done.push(m.version);
  }
  return done;
}

const insertSql = (t: TableName, extra: readonly string[] = []): string => {
  const cols = [...TABLES[t], ...extra];
  return `INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;
};

/** A SQLite database file (better-sqlite3): foreign keys on, WAL journal. */
export class SqliteStore implements DocStore {
  readonly description: string;
  private readonly inserts: Record<TableName, Database.Statement>;
  private readonly replaceTx: Database.Transaction<(rows: DocRows, hash: string, version: number) => void>;

  private constructor(
    readonly db: Db,
    path: string,
  ) {
    this.description = `sqlite:${path}`;
    this.inserts = Object.fromEntries(TABLE_NAMES.map((t) => [t, db.prepare(insertSql(t, t === 'documents' ? ['content_hash', 'row_version', 'loaded_at'] : []))])) as Record<TableName, Database.Statement>;
    const del = db.prepare('DELETE FROM documents WHERE id = ?');
    this.replaceTx = db.transaction((rows: DocRows, hash: string, version: number) => {
      const doc = rows.documents[0];
      del.run(doc.id);
      this.inserts.documents.run({ ...doc, content_hash: hash, row_version: version, loaded_at: new Date().toISOString() });
      for (const t of TABLE_NAMES) if (t !== 'documents') for (const r of rows[t]) this.inserts[t].run(r as Row);
    });
  }

  static open(path: string): SqliteStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL never corrupts the database; a power cut may lose the last documents, which the next export loads again.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 10000');
      migrateSqlite(db);
      return new SqliteStore(db, path);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  async state(docId: string): Promise<StoredState | undefined> {
    const r = this.db.prepare('SELECT content_hash, row_version FROM documents WHERE id = ?').get(docId) as { content_hash: string; row_version: number } | undefined;
    return r && { contentHash: r.content_hash, rowVersion: r.row_version };
  }

  async replace(rows: DocRows, contentHash: string, rowVersion: number): Promise<void> {
    this.replaceTx.immediate(rows, contentHash, rowVersion);
  }

  async docIds(): Promise<string[]> {
    return (this.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as string[]);
  }

  async remove(docId: string): Promise<void> {
    this.db.prepare('DELETE FROM documents WHERE id = ?').run(docId);
  }

  async counts(): Promise<Record<TableName, number>> {
    return Object.fromEntries(TABLE_NAMES.map((t) => [t, this.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number])) as Record<TableName, number>;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
