import pg from 'pg';
import { LATEST_VERSION, MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import { TABLES, TABLE_NAMES, type DocRows, type Row, type TableName, type Value } from './rows.js';
import type { DocStore, StoredState } from './store.js';
import { SitrepOptionError } from '../errors.js';

/** Key of the session advisory lock one `sitrep export` holds on a database (one loader at a time). */
const LOCK_KEY = 0x5175e9;
/** PostgreSQL takes at most 65535 bind parameters per statement. */
const MAX_PARAMS = 60_000;

/** Apply the migrations this database lacks, each in its own transaction, recording each one. */
export async function migratePostgres(client: pg.ClientBase, upTo = LATEST_VERSION): Promise<number[]> {
  await client.query(MIGRATIONS_TABLE('postgres'));
  const applied = new Set((await client.query<{ version: number }>('SELECT version FROM sitrep_migrations')).rows.map((r) => r.version));
  const newest = Math.max(0, ...applied);
  if (newest > LATEST_VERSION) throw new SitrepOptionError(`the database's schema version ${newest} is newer than this sitrep knows (${LATEST_VERSION}); upgrade sitrep`);
  const done: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version > upTo || applied.has(m.version)) continue;
    await inTransaction(client, async () => {
      await client.query(m.sql('postgres'));
      await client.query('INSERT INTO sitrep_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
    });
    done.push(m.version);
  }
  return done;
}

async function inTransaction(client: pg.ClientBase, fn: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await fn();
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/** INSERT … VALUES (…), (…) in as few statements as the parameter limit allows. */
async function insertMany(client: pg.ClientBase, table: string, cols: readonly string[], rows: Row[]): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: Value[] = [];
    const tuples = chunk.map((r) => `(${cols.map((c) => `$${params.push(r[c] ?? null)}`).join(', ')})`);
    await client.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** A PostgreSQL database through `pg`: one connection, holding an advisory lock while it loads. */
export class PostgresStore implements DocStore {
  private constructor(
    readonly client: pg.Client,
    readonly description: string,
  ) {}

  static async open(url: string): Promise<PostgresStore> {
    const client = new pg.Client({ connectionString: url, application_name: 'sitrep export' });
    const where = redact(url);
    try {
      await client.connect();
    } catch (err) {
      throw new SitrepOptionError(`cannot connect to ${where}: ${(err as Error).message}`);
    }
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY]);
      if (!rows[0].locked) throw new SitrepOptionError(`another sitrep export is loading into ${where}; try again when it is done`);
      await migratePostgres(client);
      return new PostgresStore(client, where);
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
  }

  async state(docId: string): Promise<StoredState | undefined> {
    const { rows } = await this.client.query<{ content_hash: string; row_version: number }>('SELECT content_hash, row_version FROM documents WHERE id = $1', [docId]);
    return rows[0] && { contentHash: rows[0].content_hash, rowVersion: rows[0].row_version };
  }

  async replace(rows: DocRows, contentHash: string, rowVersion: number): Promise<void> {
    const doc = rows.documents[0];
    await inTransaction(this.client, async () => {
      await this.client.query('DELETE FROM documents WHERE id = $1', [doc.id]);
      await insertMany(this.client, 'documents', [...TABLES.documents, 'content_hash', 'row_version', 'loaded_at'], [{ ...doc, content_hash: contentHash, row_version: rowVersion, loaded_at: new Date().toISOString() }]);
      for (const t of TABLE_NAMES) if (t !== 'documents' && rows[t].length) await insertMany(this.client, t, TABLES[t], rows[t]);
    });
  }

  async docIds(): Promise<string[]> {
    return (await this.client.query<{ id: string }>('SELECT id FROM documents ORDER BY id')).rows.map((r) => r.id);
  }

  async remove(docId: string): Promise<void> {
    await this.client.query('DELETE FROM documents WHERE id = $1', [docId]);
  }

  async counts(): Promise<Record<TableName, number>> {
    const out = {} as Record<TableName, number>;
    for (const t of TABLE_NAMES) out[t] = Number((await this.client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${t}`)).rows[0].n);
    return out;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
