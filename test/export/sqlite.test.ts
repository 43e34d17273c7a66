import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseContract, type DatabaseUnderTest } from './db-contract.js';
import { tempDir } from './support.js';
import { migrateSqlite, SqliteStore } from '../../src/export/sqlite-store.js';
import { LATEST_VERSION } from '../../src/export/migrations.js';

const dir = tempDir('sqlite');
afterAll(() => dir.remove());

/** A connection per call, closed at once: the database file is exactly what the exporter left. */
function sqlite(path: string): DatabaseUnderTest {
  const withDb = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(path);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    target: `sqlite:${path}`,
    async query(sql, params = []) {
      return withDb((db) => db.prepare(sql).all(Object.fromEntries(params.map((p, i) => [i + 1, p]))) as Record<string, unknown>[]);
    },
    async fingerprint() {
      const h = createHash('sha256').update(readFileSync(path));
      if (existsSync(`${path}-wal`)) h.update(readFileSync(`${path}-wal`));
      return h.digest('hex');
    },
    async foreignKeyViolations() {
      return withDb((db) => db.pragma('foreign_key_check') as Record<string, unknown>[]);
    },
    async close() {},
  };
}

databaseContract('SQLite', async () => sqlite(join(dir.dir, 'db', 'sitrep.db')));

describe('SQLite schema', () => {
  it('applies only the migrations a database lacks', () => {
    const path = join(dir.dir, 'old.db');
    const db = new Database(path);
    expect(migrateSqlite(db, 1)).toEqual([1]);
    db.close();
    const store = SqliteStore.open(path);
    expect((store.db.prepare('SELECT version FROM sitrep_migrations ORDER BY version').pluck().all() as number[])).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    expect(migrateSqlite(store.db)).toEqual([]);
    store.db.close();
  });

  it('has the indexes for the usual questions, and enforces foreign keys', () => {
    const store = SqliteStore.open(join(dir.dir, 'idx.db'));
    const indexes = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['mentions_entity', 'entities_country', 'documents_date', 'mentions_date', 'events_type']));
    expect(() => store.db.prepare("INSERT INTO mentions (doc_id, id, type, start_offset, end_offset, text, sentence, source, confidence) VALUES ('nope', 'm', 'group', 0, 1, 'x', 0, 's', 1)").run()).toThrow(/FOREIGN KEY/);
    store.db.close();
  });

  it('refuses a database written by a newer sitrep', () => {
    const path = join(dir.dir, 'future.db');
    const db = new Database(path);
    migrateSqlite(db);
    db.prepare("INSERT INTO sitrep_migrations VALUES (999, 'future', 'x')").run();
    db.close();
    expect(() => SqliteStore.open(path)).toThrow(/schema version 999 is newer/);
  });
});
