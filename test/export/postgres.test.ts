import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseContract, type DatabaseUnderTest } from './db-contract.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { migratePostgres, PostgresStore } from '../../src/export/postgres-store.js';
import { LATEST_VERSION } from '../../src/export/migrations.js';
import { TABLE_NAMES } from '../../src/export/rows.js';
import { exportOutput } from '../../src/export/run-export.js';
import { tempDir } from './support.js';

// A real PostgreSQL server (Debian's binaries), started on loopback for this file and removed after.
let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client(server.url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.url.replace(/\/postgres$/, `/${name}`);
}

databaseContract('PostgreSQL', async () => {
  const url = await createDatabase('contract');
  const client = new pg.Client(url);
  await client.connect();
  const db: DatabaseUnderTest = {
    target: url,
    async query(sql, params = []) {
      return (await client.query(sql, params)).rows;
    },
    // xmin is the id of the transaction that wrote a row version: any insert, update or delete changes this.
    async fingerprint() {
      const parts: string[] = [];
      for (const t of TABLE_NAMES) parts.push(String((await client.query(`SELECT COUNT(*) AS n, string_agg(xmin::text, ',' ORDER BY xmin::text) AS x FROM ${t}`)).rows.map((r) => `${r.n}:${r.x}`)));
      return parts.join('|');
    },
    async foreignKeyViolations() {
      return []; // PostgreSQL enforces foreign keys on every statement
    },
    async close() {
      await client.end();
    },
  };
  return db;
});

describe('PostgreSQL schema', () => {
  it('applies only the migrations a database lacks', async () => {
    const url = await createDatabase('old');
    const c = new pg.Client(url);
    await c.connect();
    expect(await migratePostgres(c, 1)).toEqual([1]);
    await c.end();
    const store = await PostgresStore.open(url);
    const versions = (await store.client.query('SELECT version FROM sitrep_migrations ORDER BY version')).rows.map((r) => r.version);
    expect(versions).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    expect(await migratePostgres(store.client)).toEqual([]);
    await store.close();
  });

  it('lets one export load a database at a time', async () => {
    const url = await createDatabase('locked');
    const first = await PostgresStore.open(url);
    await expect(PostgresStore.open(url)).rejects.toThrow(/another sitrep export is loading/);
    await first.close();
    await (await PostgresStore.open(url)).close();
  });

  it('says which server it cannot reach, without the password', async () => {
    const url = server.url.replace('postgres@', 'postgres:secret@').replace(`:${server.port}/`, ':1/');
    const empty = tempDir('pg-unreachable');
    try {
      await expect(exportOutput({ from: empty.dir, to: url })).rejects.toThrow(/cannot connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/postgres/);
    } finally {
      empty.remove();
    }
  });
});
