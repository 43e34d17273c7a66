import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOutput, type ExportReport } from '../../src/export/run-export.js';
import { MIGRATIONS } from '../../src/export/migrations.js';
import { TABLE_NAMES } from '../../src/export/rows.js';
import { SAMPLE } from '../support/annotate.js';
import { corpusDocs, readQuery, reannotatedSample, tempDir, totals, writeOutput } from './support.js';
import { attacksByGroupSince, documentsMentioningBoth, groupsMostMentionedPerMonth } from './query-expectations.js';
import type { AnnotatedDoc } from '../../src/doc.js';

export type QueryRow = Record<string, unknown>;

/** A database under test, reached through its own driver (not through sitrep's code). */
export interface DatabaseUnderTest {
  /** `--to` for sitrep export. */
  target: string;
  /** Run SQL with `$1, $2…` parameters. */
  query(sql: string, params?: unknown[]): Promise<QueryRow[]>;
  /** Something that changes whenever any row is written (file bytes, row xmin…). */
  fingerprint(): Promise<string>;
  /** Foreign-key violations (empty when the database enforces them itself). */
  foreignKeyViolations(): Promise<QueryRow[]>;
  close(): Promise<void>;
}

const docIdOf = (file: string): string => file.replace(/\.txt$|\.md$|\.html$/, '');

/**
 * The behaviour both databases must show, run against a real one: counts equal the JSON, a second
 * export is a no-op, a changed document replaces its rows, bad files are named and skipped,
 * --prune removes what is gone, and the README's queries return what the JSON says they should.
 */
export function databaseContract(name: string, open: () => Promise<DatabaseUnderTest>): void {
  describe(`export to ${name}`, () => {
    const out = tempDir(`export-${name}`);
    let db: DatabaseUnderTest;
    let docs: AnnotatedDoc[];
    const sample = (): AnnotatedDoc => docs.find((d) => d.doc.id === docIdOf(SAMPLE))!;
    const run = (prune = false): Promise<ExportReport> => exportOutput({ from: out.dir, to: db.target, prune, counts: true });
    const counts = async (): Promise<Record<string, number>> => {
      const c: Record<string, number> = {};
      for (const t of TABLE_NAMES) c[t] = Number((await db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
      return c;
    };
    const ids = async (table: string, docId: string): Promise<string[]> => (await db.query(`SELECT id FROM ${table} WHERE doc_id = $1 ORDER BY id`, [docId])).map((r) => String(r.id));
    const sorted = (xs: string[]): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

    beforeAll(async () => {
      docs = corpusDocs();
      writeOutput(out.dir, docs);
      db = await open();
    });
    afterAll(async () => {
      await db?.close();
      out.remove();
    });

    it('loads every document: row counts equal the counts in the JSON', async () => {
      const r = await run();
      expect(r).toMatchObject({ documents: docs.length, inserted: docs.length, replaced: 0, unchanged: 0, failed: [] });
      expect(await counts()).toEqual(totals(docs));
      expect(r.counts).toEqual(totals(docs));
      expect(await db.foreignKeyViolations()).toEqual([]);
      for (const d of docs) {
        expect(await ids('mentions', d.doc.id)).toEqual(sorted(d.mentions.map((m) => m.id)));
        expect(await ids('events', d.doc.id)).toEqual(sorted(d.events.map((e) => e.id)));
      }
    });

    it('records the schema migrations it applied', async () => {
      const rows = await db.query('SELECT version, name FROM sitrep_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('keeps spans and links: every mention row slices its document text; roles point at mentions', async () => {
      const s = sample();
      const [doc] = await db.query('SELECT text FROM documents WHERE id = $1', [s.doc.id]);
      const rows = await db.query('SELECT start_offset, end_offset, text FROM mentions WHERE doc_id = $1', [s.doc.id]);
      for (const m of rows) expect(String(doc.text).slice(Number(m.start_offset), Number(m.end_offset))).toBe(m.text);
      const linked = await db.query("SELECT COUNT(*) AS n FROM mentions WHERE doc_id = $1 AND entity_id IS NOT NULL", [s.doc.id]);
      expect(Number(linked[0].n)).toBe(s.entities.reduce((n, e) => n + e.mentions.length, 0));
    });

    it('a second export of the same output changes nothing', async () => {
      const before = await db.fingerprint();
      const versions = await db.query('SELECT id, row_version, loaded_at FROM documents ORDER BY id');
      const r = await run();
      expect(r).toMatchObject({ inserted: 0, replaced: 0, unchanged: docs.length, pruned: 0, failed: [] });
      expect(await db.fingerprint()).toBe(before);
      expect(await db.query('SELECT id, row_version, loaded_at FROM documents ORDER BY id')).toEqual(versions);
      expect(versions.every((v) => Number(v.row_version) === 1)).toBe(true);
      expect(await counts()).toEqual(totals(docs));
    });

    describe('the README queries return what the JSON says', () => {
      const isKp = (): string => sample().mentions.find((m) => m.text === 'IS-KP')!.entity!;
      const taliban = (): string => sample().mentions.find((m) => m.text === 'Taliban')!.entity!;

      it('all attacks by IS-KP since 2024, by country', async () => {
        const rows = await db.query(readQuery('attacks-by-group-since'), [isKp(), '2024-01-01']);
        expect(rows).toEqual(attacksByGroupSince(docs, isKp(), '2024-01-01'));
      });

      it('all attacks by the group with the most, since any date, by country (a non-empty answer)', async () => {
        const actors = docs.flatMap((d) => d.events.filter((e) => e.type === 'attack').flatMap((e) => e.roles.filter((r) => r.role === 'actor').map((r) => d.mentions.find((m) => m.id === r.mention)?.entity)));
        const attacks = (g: string): number => attacksByGroupSince(docs, g, '1900-01-01').reduce((n, r) => n + r.attacks, 0);
        const busiest = [...new Set(actors)].filter((g): g is string => !!g).sort((a, b) => attacks(b) - attacks(a) || (a < b ? -1 : 1))[0];
        expect(busiest).toBeDefined();
        const rows = await db.query(readQuery('attacks-by-group-since'), [busiest, '1900-01-01']);
        expect(rows).toEqual(attacksByGroupSince(docs, busiest, '1900-01-01'));
        expect(rows.length).toBeGreaterThan(0);
        expect(await db.query(readQuery('attacks-by-group-since'), [busiest, '2100-01-01'])).toEqual([]);
      });

      it('the groups most mentioned per month', async () => {
        const rows = await db.query(readQuery('groups-most-mentioned-per-month'), [3]);
        expect(rows).toEqual(groupsMostMentionedPerMonth(docs, 3));
        const month = sample().doc.date.value!.slice(0, 7);
        expect(rows.find((r) => r.month === month && Number(r.month_rank) === 1)?.group_id).toBe(isKp());
      });

      it('every document mentioning two given groups', async () => {
        const rows = await db.query(readQuery('documents-mentioning-both'), [isKp(), taliban()]);
        expect(rows).toEqual(documentsMentioningBoth(docs, isKp(), taliban()));
        expect(rows.map((r) => r.id)).toContain(sample().doc.id);
        expect(await db.query(readQuery('documents-mentioning-both'), [isKp(), 'group:no-such-group'])).toEqual([]);
      });
    });

    it('a re-annotated document replaces its rows (and only its rows)', async () => {
      const changed = reannotatedSample(sample());
      const others = docs.filter((d) => d !== sample());
      const fingerprintOthers = await db.query('SELECT id, row_version, loaded_at FROM documents WHERE id <> $1 ORDER BY id', [changed.doc.id]);
      writeOutput(out.dir, [changed]);
      const r = await run();
      expect(r).toMatchObject({ inserted: 0, replaced: 1, unchanged: docs.length - 1, failed: [] });
      docs = [...others, changed];
      expect(await counts()).toEqual(totals(docs));
      expect(await ids('mentions', changed.doc.id)).toEqual(sorted(changed.mentions.map((m) => m.id)));
      expect(await ids('events', changed.doc.id)).toEqual(sorted(changed.events.map((e) => e.id)));
      const [row] = await db.query('SELECT row_version, text FROM documents WHERE id = $1', [changed.doc.id]);
      expect(Number(row.row_version)).toBe(2);
      expect(row.text).toBe(changed.text);
      expect(await db.query('SELECT id, row_version, loaded_at FROM documents WHERE id <> $1 ORDER BY id', [changed.doc.id])).toEqual(fingerprintOthers);
    });

    it('names a bad file, loads nothing from it, and goes on with the others', async () => {
      const s = sample();
      writeFileSync(join(out.dir, 'broken.json'), '{"schemaVersion": "1.0.0",\n  "doc": {,\n}');
      const bad = structuredClone(s);
      bad.doc.id = 'shifted';
      bad.mentions[0].end += 1;
      writeFileSync(join(out.dir, 'shifted.json'), JSON.stringify(bad));
      const before = await db.fingerprint();
      const r = await run(true);
      expect(r.failed.map((f) => f.file).sort()).toEqual([join(out.dir, 'broken.json'), join(out.dir, 'shifted.json')]);
      expect(r.failed.find((f) => f.file.endsWith('broken.json'))!.message).toMatch(/broken\.json:2:\d+: not valid JSON/);
      expect(r.failed.find((f) => f.file.endsWith('shifted.json'))!.message).toMatch(/shifted\.json: .*\/mentions\/0/);
      expect(r).toMatchObject({ unchanged: docs.length, pruned: 0 });
      expect(await db.fingerprint()).toBe(before);
      rmSync(join(out.dir, 'broken.json'));
      rmSync(join(out.dir, 'shifted.json'));
    });

    it('removes documents gone from the output only with --prune', async () => {
      const gone = docs.find((d) => d.doc.id !== docIdOf(SAMPLE))!;
      rmSync(join(out.dir, `${gone.doc.id}.json`));
      expect(await run()).toMatchObject({ pruned: 0, unchanged: docs.length - 1 });
      expect(await counts()).toEqual(totals(docs));
      const r = await run(true);
      expect(r).toMatchObject({ pruned: 1, unchanged: docs.length - 1, failed: [] });
      docs = docs.filter((d) => d !== gone);
      expect(await counts()).toEqual(totals(docs));
      for (const t of TABLE_NAMES.filter((x) => x !== 'documents')) expect(await db.query(`SELECT * FROM ${t} WHERE doc_id = $1`, [gone.doc.id])).toEqual([]);
      expect(await db.foreignKeyViolations()).toEqual([]);
    });
  });
}
