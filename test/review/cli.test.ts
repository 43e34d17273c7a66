import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateCorpusFile, ROOT, SAMPLE } from '../support/annotate.js';
import { serializeDoc } from '../../src/write/json.js';
import { renderIndex, summarize } from '../../src/write/html-index.js';
import { quoteAt } from '../../src/review/quote.js';
import type { AnnotatedDoc } from '../../src/doc.js';

/** `sitrep review` from the built CLI, on an output folder written here (no extraction run). */

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-review-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const doc = annotateCorpusFile(SAMPLE);
const out = join(tmp, 'out');
mkdirSync(out);
writeFileSync(join(out, `${doc.doc.id}.json`), serializeDoc(doc));
writeFileSync(join(out, `${doc.doc.id}.html`), 'old page');
writeFileSync(join(out, 'index.html'), renderIndex([summarize(doc)], []));

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'review', ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const m = doc.mentions.find((x) => x.type === 'place')!;
const review = {
  format: 'sitrep-review',
  version: 1,
  docId: doc.doc.id,
  reviewer: 'Ann',
  exportedAt: '2025-09-01T10:00:00Z',
  decisions: [
    { id: 'r1', action: 'reject', target: { id: m.id, type: m.type, ...quoteAt(doc.text, m.start, m.end), key: '' } },
    { id: 'r2', action: 'add', type: 'group', span: { start: 0, end: 9, exact: 'Hezbollah', prefix: 'x', suffix: 'y' } },
  ],
};
writeFileSync(join(tmp, 'good.review.json'), JSON.stringify(review));

describe('sitrep review apply', () => {
  it('refuses a bad file, naming it and the field, and stores nothing', () => {
    writeFileSync(join(tmp, 'bad.review.json'), JSON.stringify({ ...review, decisions: [{ ...review.decisions[0], action: 'remove' }] }));
    const r = run(['apply', 'good.review.json', 'bad.review.json', '--reviews', 'reviews', '--out', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.review\.json: decisions\[0\]\.action: expected one of accept, reject, edit, add, got "remove"/);
    expect(existsSync(join(tmp, 'reviews'))).toBe(false);
  });

  it('refuses a store inside the output folder', () => {
    const r = run(['apply', 'good.review.json', '--reviews', 'out/reviews', '--out', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the output folder/);
  });

  it('stores the file, applies it to the output now and reports what could not be placed', () => {
    const r = run(['apply', 'good.review.json', '--reviews', 'reviews', '--out', 'out']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stored good\.review\.json/);
    expect(r.stdout).toContain(`${doc.doc.id}: 1 applied, 0 already shown, 0 with nothing left to do, 1 unplaced`);
    expect(r.stderr).toContain('cannot place add group "Hezbollah" (decision r2');
    const now = JSON.parse(readFileSync(join(out, `${doc.doc.id}.json`), 'utf8')) as AnnotatedDoc;
    expect(now.mentions.find((x) => x.id === m.id)).toMatchObject({ status: 'rejected', review: { by: 'Ann', decision: 'r1' } });
    expect(now.diagnostics.filter((d) => d.ruleId === 'review:unplaced')).toHaveLength(1);
    expect(readFileSync(join(out, `${doc.doc.id}.html`), 'utf8')).toContain('data-status="rejected"');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('1 unplaced');
  });

  it('changes nothing when the same file is applied again', () => {
    const before = readFileSync(join(out, `${doc.doc.id}.json`), 'utf8');
    const r = run(['apply', 'good.review.json', '--reviews', 'reviews', '--out', 'out', '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.stored[0].created).toBe(false);
    expect(report.applied[0].counts).toEqual({ applied: 0, already: 1, obsolete: 0, unplaced: 1 });
    expect(readFileSync(join(out, `${doc.doc.id}.json`), 'utf8')).toBe(before);
    expect(readdirSync(join(tmp, 'reviews'))).toHaveLength(1);
  });

  it('lists the store', () => {
    const r = run(['list', '--reviews', 'reviews', '--json']);
    expect(JSON.parse(r.stdout).docs).toEqual([{ docId: doc.doc.id, decisions: 2, reject: 1, add: 1, last: '2025-09-01T10:00:00Z' }]);
  });
});
