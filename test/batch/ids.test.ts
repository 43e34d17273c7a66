import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotateCorpus, type RunReport } from '../../src/batch/annotate-corpus.js';
import { fileNameOf, legacyDocIdFor } from '../../src/doc-id.js';
import { exportOutput } from '../../src/export/run-export.js';
import { storeReviewFile, loadReviewStore, decisionsFor } from '../../src/review/store.js';
import { parseReviewFile } from '../../src/review/validate.js';
import type { AnnotatedDoc } from '../../src/doc.js';
import { run as render } from '../../src/cli/render.js';

// Issue 21: a document keeps the id its user gave it, byte for byte; its files are named by a
// reversible encoding of it; outputs an earlier version wrote under folded ids are replaced once.
const root = mkdtempSync(join(tmpdir(), 'sitrep-ids-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TEXT = (n: number): string => `Houthi forces fired missile number ${n} at a ship in the Red Sea on 9 January 2024, officials said.`;
const LONG_ID = `${'Сводка за день '.repeat(16)}#1`;
const IDS = ['report.1', 'report.2', 'Report.1', '20_VOA_EN_NW_2016.11.17.3601570', 'wire/2024 01 (a)', 'تقرير-١', 'index', '.hidden', '100%~', LONG_ID];

const readDoc = (out: string, name: string): AnnotatedDoc => JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as AnnotatedDoc;
const docsOf = (out: string): string[] => readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'run.json').sort();

describe('a JSONL corpus: every record under its own id', () => {
  const dir = join(root, 'jsonl');
  const jsonl = join(dir, 'docs.jsonl');
  const out = join(dir, 'out');
  const run = (): Promise<RunReport> => annotateCorpus({ jsonl: [jsonl], outDir: out, workers: 0, reviewsDir: join(dir, 'reviews') });
  let first: RunReport;
  let second: RunReport;

  it('writes each record under its id (report.1 and report.2 apart, the WikiEvents id whole, case kept)', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(jsonl, `${[...IDS.map((id, i) => JSON.stringify({ id, text: TEXT(i) })), JSON.stringify({ id: 'report.1', text: TEXT(99) })].join('\n')}\n`);
    first = await run();
    expect(first.processed.map((p) => p.id).sort()).toEqual([...IDS].sort());
    for (const p of first.processed) expect(readDoc(out, p.json.slice(out.length + 1, -'.json'.length)).doc.id).toBe(p.id);
    expect(docsOf(out)).toHaveLength(IDS.length);
  });

  it('refuses a second record with an id already taken, naming the file and line', () => {
    expect(first.failed).toEqual([expect.objectContaining({ path: jsonl, line: IDS.length + 1, ruleId: 'input:duplicate-id', reason: expect.stringContaining('document id "report.1" is also the id of') })]);
  });

  it('names files by the encoding, and the later of two ids that differ only in case gets ~hash', () => {
    const name = (id: string): string => first.processed.find((p) => p.id === id)!.json.slice(out.length + 1, -'.json'.length);
    expect(name('report.1')).toBe('report.1');
    expect(name('20_VOA_EN_NW_2016.11.17.3601570')).toBe('20_VOA_EN_NW_2016.11.17.3601570');
    expect(name('wire/2024 01 (a)')).toBe('wire%2F2024%2001%20%28a%29');
    expect(name('index')).toBe('%69ndex');
    expect(name('.hidden')).toBe('%2Ehidden');
    expect(name('100%~')).toBe('100%25%7E');
    expect(name('Report.1')).toMatch(/^Report\.1~[0-9a-f]{12}$/);
    expect(name(LONG_ID)).toMatch(/~[0-9a-f]{12}$/);
    expect(name(LONG_ID).length).toBeLessThanOrEqual(200);
    const folded = docsOf(out).map((f) => f.toLowerCase());
    expect(new Set(folded).size).toBe(folded.length); // no two names meet on a case-insensitive file system
    expect(existsSync(join(out, 'index.html'))).toBe(true); // the corpus page is not a document's
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain(`href="${encodeURIComponent(name('Report.1'))}.html"`);
    expect(index).toContain('href="wire%252F2024%252001%2520%2528a%2529.html"');
  });

  it('runs again incrementally: every document unchanged, under the same names', async () => {
    const before = docsOf(out);
    second = await run();
    expect(second.totals).toMatchObject({ processed: 0, unchanged: IDS.length, failed: 1 });
    expect(second.renamed).toBeUndefined();
    expect(docsOf(out)).toEqual(before);
  });

  it('sitrep render finds each document by its id, whatever its file name (a ~ name read from doc.id)', async () => {
    const told = first.processed.find((p) => p.id === 'Report.1')!.html!;
    const long = first.processed.find((p) => p.id === LONG_ID)!.html!;
    rmSync(told);
    rmSync(long);
    expect((await render(['--out', out, 'Report.1'])).code).toBe(0);
    expect(existsSync(told)).toBe(true);
    expect(existsSync(long)).toBe(false);
    expect((await render(['--out', out])).code).toBe(0);
    expect(existsSync(long)).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.html'))).toHaveLength(IDS.length + 1);
  });

  it('exports keyed by the exact ids (SQLite), and a file whose doc.id disagrees with its name is refused', async () => {
    const db = join(dir, 'sitrep.db');
    const r = await exportOutput({ from: out, to: `sqlite:${db}` });
    expect(r.failed).toEqual([]);
    expect(r.inserted).toBe(IDS.length);
    const rows = new Database(db, { readonly: true }).prepare('SELECT id FROM documents ORDER BY id').pluck().all() as string[];
    expect(rows).toEqual([...IDS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'report.3.json'), readFileSync(join(out, 'report.1.json')));
    const b = await exportOutput({ from: bad, to: `sqlite:${join(dir, 'bad.db')}` });
    expect(b.failed).toEqual([expect.objectContaining({ message: expect.stringMatching(/doc\.id is "report\.1" but the file is named for "report\.3"/) })]);
  });

  it('brat and W3C files are named as the output files are', async () => {
    await exportOutput({ from: out, to: `brat:${join(dir, 'brat')}` });
    const names = readdirSync(join(dir, 'brat')).filter((f) => f.endsWith('.ann')).map((f) => f.slice(0, -4)).sort();
    expect(names).toEqual(docsOf(out).map((f) => f.slice(0, -5)).sort());
  });
});

describe('files: the path less one extension, or the front-matter id', () => {
  const dir = join(root, 'files');
  const corpus = join(dir, 'corpus');
  const out = join(dir, 'out');
  it('keeps dots, case and folders; a.txt and a.md keep their extensions; front matter gives its own id', async () => {
    const files: Record<string, string> = {
      'Report.v2.txt': TEXT(1),
      'Sub Dir/Kabul.txt': TEXT(2),
      'a.txt': TEXT(3),
      'a.md': TEXT(4),
      'own.md': `---\nid: AFP-2024.03.17/0042\ntitle: x\n---\n\n${TEXT(5)}\n`,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(corpus, name, '..'), { recursive: true });
      writeFileSync(join(corpus, name), text);
    }
    const run = (): Promise<RunReport> => annotateCorpus({ inputs: [corpus], outDir: out, workers: 0, reviewsDir: join(dir, 'reviews') });
    const r = await run();
    expect(r.processed.map((p) => p.id).sort()).toEqual(['AFP-2024.03.17/0042', 'Report.v2', 'Sub Dir/Kabul', 'a.md', 'a.txt']);
    expect(readDoc(out, fileNameOf('AFP-2024.03.17/0042')).doc.id).toBe('AFP-2024.03.17/0042');
    const again = await run();
    expect(again.totals).toMatchObject({ processed: 0, unchanged: 5 });
    expect(again.skipped.map((s) => s.id).sort()).toEqual(['AFP-2024.03.17/0042', 'Report.v2', 'Sub Dir/Kabul', 'a.md', 'a.txt']);
  });
});

/** The docs table of manifest schema 2 (the version before ids were kept), as it wrote it. */
const SCHEMA_2 = `CREATE TABLE docs (id TEXT PRIMARY KEY, path TEXT NOT NULL, line INTEGER, content_hash TEXT NOT NULL, reviews_hash TEXT NOT NULL, config_key TEXT NOT NULL,
  size INTEGER, mtime_ms REAL, json TEXT NOT NULL, html TEXT, words INTEGER NOT NULL, mentions INTEGER NOT NULL, events INTEGER NOT NULL, summary TEXT NOT NULL,
  sort_date TEXT NOT NULL, updated_at TEXT NOT NULL, seen_run TEXT, processed_run TEXT)`;

describe('an output folder written by the earlier naming', () => {
  const dir = join(root, 'migrate');
  const jsonl = join(dir, 'docs.jsonl');
  const corpus = join(dir, 'corpus');
  const out = join(dir, 'out');
  const reviews = join(dir, 'reviews');
  const run = (): Promise<RunReport> => annotateCorpus({ inputs: [corpus], jsonl: [jsonl], outDir: out, workers: 0, reviewsDir: reviews });
  const text0 = TEXT(0);
  const ship = text0.indexOf('ship');

  it('is migrated once: old outputs replaced, not doubled; renamed listed in run.json; the review moved to the new id and applied', async () => {
    mkdirSync(corpus, { recursive: true });
    mkdirSync(join(out, '.sitrep'), { recursive: true });
    writeFileSync(jsonl, `${[JSON.stringify({ id: 'report.1', text: text0 }), JSON.stringify({ id: 'report.2', text: TEXT(1) }), JSON.stringify({ id: 'keep', text: TEXT(2) })].join('\n')}\n`);
    mkdirSync(join(corpus, 'Notes'));
    writeFileSync(join(corpus, 'Notes', 'Sahel.txt'), TEXT(3));
    // What the earlier version left: report.1 as "report" (report.2 refused), "keep", notes--sahel.
    const old = [
      { id: legacyDocIdFor('report.1'), path: jsonl, line: 1 },
      { id: legacyDocIdFor('keep'), path: jsonl, line: 3 },
      { id: legacyDocIdFor('Notes/Sahel.txt'), path: join(corpus, 'Notes', 'Sahel.txt'), line: null },
    ];
    expect(old.map((o) => o.id)).toEqual(['report', 'keep', 'notes--sahel']);
    const db = new Database(join(out, '.sitrep', 'manifest.sqlite'));
    db.exec(SCHEMA_2);
    for (const o of old) {
      const json = join(out, `${o.id}.json`);
      const html = join(out, `${o.id}.html`);
      writeFileSync(json, JSON.stringify({ doc: { id: o.id } }));
      writeFileSync(html, '<html></html>');
      db.prepare('INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, 1, 0, 0, ?, ?, ?, ?, ?)').run(o.id, o.path, o.line, 'h', 'r', 'k', json, html, JSON.stringify({ id: o.id }), '', '', 'x', 'x');
    }
    db.pragma('user_version = 2');
    db.close();
    const review = await storeReviewFile(reviews, parseReviewFile(JSON.stringify({ format: 'sitrep-review', version: 1, docId: 'report', decisions: [{ id: 'd1', action: 'add', type: 'place', span: { start: ship, end: ship + 4, exact: 'ship' }, at: '2025-09-01T10:00:00Z' }] }), 'r.json'));

    const r = await run();
    expect(r.processed.map((p) => p.id).sort()).toEqual(['Notes/Sahel', 'keep', 'report.1', 'report.2']);
    expect(docsOf(out)).toEqual(['Notes%2FSahel.json', 'keep.json', 'report.1.json', 'report.2.json']);
    expect(readdirSync(out).filter((f) => f.endsWith('.html')).sort()).toEqual(['Notes%2FSahel.html', 'index.html', 'keep.html', 'report.1.html', 'report.2.html']);
    // Sorted by source: the corpus file, then the JSONL line; "keep" kept its id and its files.
    expect(r.renamed?.map((x) => [x.from, x.to, x.removed.length])).toEqual([
      ['notes--sahel', 'Notes/Sahel', 2],
      ['report', 'report.1', 2],
    ]);
    const report1 = r.renamed!.find((x) => x.to === 'report.1')!;
    expect(report1.reviews).toEqual([{ from: review.path, to: expect.stringMatching(/report\.1\.[0-9a-f]{12}\.review\.json$/) }]);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).renamed).toHaveLength(2);
    // The reviewer's work: kept (moved, not deleted), stored again under the new id, and applied to it.
    expect(readdirSync(join(reviews, '.renamed'))).toEqual([review.path.slice(reviews.length + 1)]);
    expect(decisionsFor(await loadReviewStore(reviews), 'report.1')).toHaveLength(1);
    expect(readDoc(out, 'report.1').mentions.some((m) => m.start === ship && m.end === ship + 4 && m.type === 'place')).toBe(true);
  });

  it('and only once: the next run is incremental, renames nothing, doubles nothing', async () => {
    const r = await run();
    expect(r.totals).toMatchObject({ processed: 0, unchanged: 4, failed: 0 });
    expect(r.renamed).toBeUndefined();
    expect(docsOf(out)).toEqual(['Notes%2FSahel.json', 'keep.json', 'report.1.json', 'report.2.json']);
  });
});
