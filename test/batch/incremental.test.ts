import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotateCorpus, type RunReport } from '../../src/batch/annotate-corpus.js';
import type { AnnotateCorpusOptions } from '../../src/batch/options.js';
import type { AnnotatedDoc } from '../../src/doc.js';

// The batch in this thread (workers: 0): the manifest, skipping, failures and the index, on a
// small temporary corpus. Worker threads and the CLI are tested end to end in test/cli.
const root = mkdtempSync(join(tmpdir(), 'sitrep-incremental-'));
const corpus = join(root, 'corpus');
const out = join(root, 'out');
const reviews = join(root, 'reviews');
const TEXTS: Record<string, string> = {
  'kabul.txt': 'KABUL, 3 March 2024 — Taliban fighters attacked a checkpoint in Kabul on Sunday, officials said.\n',
  'mogadishu.txt': 'MOGADISHU, 12 May 2023 — Al-Shabaab claimed a bombing in Mogadishu that killed five people.\n',
  'notes/sahel.md': '---\ntitle: Sahel\ndate: 2024-02-01\n---\n\nJNIM fighters attacked an army post near Mopti in Mali.\n',
};
const jsonl = join(root, 'wire.jsonl');

const run = (o: Partial<AnnotateCorpusOptions> = {}): Promise<RunReport> => annotateCorpus({ inputs: [corpus], jsonl: [jsonl], outDir: out, workers: 0, reviewsDir: reviews, ...o });
const readDoc = (id: string): AnnotatedDoc => JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')) as AnnotatedDoc;
const ids = (r: RunReport): string[] => r.processed.map((p) => p.id);

let first: RunReport;
beforeAll(async () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    mkdirSync(join(corpus, name, '..'), { recursive: true });
    writeFileSync(join(corpus, name), text);
  }
  writeFileSync(join(corpus, 'photo.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
  writeFileSync(join(corpus, 'table.csv'), 'a,b\n');
  writeFileSync(
    jsonl,
    [
      JSON.stringify({ id: 'wire-1', text: 'Houthi forces fired a missile at a ship in the Red Sea on 9 January 2024.', date: '2024-01-10' }),
      '{"id": "wire-2", "text": ',
      JSON.stringify({ id: 'wire-3', text: 'Boko Haram fighters raided a village in Borno State.' }),
    ].join('\n'),
  );
  first = await run();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a first run', () => {
  it('annotates every document, reports each failure with its file (and line) and reason', () => {
    expect(ids(first)).toEqual(['kabul', 'mogadishu', 'notes/sahel', 'wire-1', 'wire-3']);
    expect(first.failed.map((f) => [f.path.replace(root, ''), f.line, f.ruleId])).toEqual([
      ['/corpus/photo.txt', 1, 'ingest:binary'],
      ['/wire.jsonl', 2, 'ingest:jsonl-syntax'],
    ]);
    expect(first.skipped.map((s) => s.path.replace(root, ''))).toEqual(['/corpus/table.csv']);
    expect(first.totals).toMatchObject({ processed: 5, failed: 2, skipped: 1, unchanged: 0 });
    expect(first.totals.words).toBeGreaterThan(40);
  });

  it('writes JSON, HTML, index.html and run.json, and no temporary file', () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual(['.sitrep', 'index.html', 'kabul.html', 'kabul.json', 'mogadishu.html', 'mogadishu.json', 'notes%2Fsahel.html', 'notes%2Fsahel.json', 'run.json', 'wire-1.html', 'wire-1.json', 'wire-3.html', 'wire-3.json']);
    const report = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunReport;
    expect(report.totals).toEqual(first.totals);
    expect(readDoc('kabul').mentions.some((m) => m.type === 'group' && m.text === 'Taliban')).toBe(true);
  });
});

describe('running again', () => {
  it('skips every unchanged document (counted as skipped), annotates nothing, keeps the files', async () => {
    const before = statSync(join(out, 'kabul.json')).mtimeMs;
    const r = await run();
    expect(r.totals).toMatchObject({ processed: 0, unchanged: 5, failed: 2, skipped: 6 });
    expect(r.skipped.filter((s) => s.reason.startsWith('unchanged')).map((s) => s.id)).toEqual(['kabul', 'mogadishu', 'notes/sahel', 'wire-1', 'wire-3']);
    expect(statSync(join(out, 'kabul.json')).mtimeMs).toBe(before);
    // The index still lists every document, from the manifest's summaries.
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const href of ['kabul', 'mogadishu', 'notes%252Fsahel', 'wire-1', 'wire-3']) expect(index).toContain(`href="${href}.html"`);
    expect(index).toContain('photo.txt');
  });

  it('annotates only what changed: an edited file, an edited JSONL line', async () => {
    writeFileSync(join(corpus, 'kabul.txt'), TEXTS['kabul.txt'].replace('Sunday', 'Monday'));
    const lines = readFileSync(jsonl, 'utf8').split('\n');
    lines[2] = JSON.stringify({ id: 'wire-3', text: 'Boko Haram fighters raided two villages in Borno State.' });
    writeFileSync(jsonl, lines.join('\n'));
    const r = await run();
    expect(ids(r)).toEqual(['kabul', 'wire-3']);
    expect(r.totals.unchanged).toBe(3);
    expect(readDoc('kabul').text).toContain('Monday');
  });

  it('a touched file with the same content is read, found unchanged, and not annotated', async () => {
    const p = join(corpus, 'mogadishu.txt');
    utimesSync(p, new Date(), new Date(Date.now() + 5000));
    expect(ids(await run())).toEqual([]);
  });

  it('a deleted output is written again', async () => {
    rmSync(join(out, 'mogadishu.html'));
    expect(ids(await run())).toEqual(['mogadishu']);
    expect(readFileSync(join(out, 'mogadishu.html'), 'utf8')).toContain('Mogadishu');
  });

  it('a new review decision about a document makes it stale; the decision is in its output', async () => {
    const text = readDoc('mogadishu').text;
    const start = text.indexOf('bombing');
    mkdirSync(reviews, { recursive: true });
    writeFileSync(
      join(reviews, 'mogadishu.1.review.json'),
      JSON.stringify({
        format: 'sitrep-review',
        version: 1,
        docId: 'mogadishu',
        decisions: [{ id: 'd1', at: '2025-01-01T00:00:00Z', action: 'add', type: 'event', span: { start, end: start + 7, exact: 'bombing', prefix: text.slice(start - 10, start), suffix: text.slice(start + 7, start + 17) } }],
      }),
    );
    const r = await run();
    expect(ids(r)).toEqual(['mogadishu']);
    expect(readDoc('mogadishu').mentions.some((m) => m.text === 'bombing' && m.status === 'added')).toBe(true);
    expect(ids(await run())).toEqual([]);
  });

  it('another option that changes outputs (a fallback date) makes every document stale; --force redoes all', async () => {
    expect(ids(await run({ date: '2024-06-01' })).length).toBe(5);
    expect(ids(await run({ date: '2024-06-01' }))).toEqual([]);
    expect(ids(await run({ date: '2024-06-01', force: true })).length).toBe(5);
  });
});
