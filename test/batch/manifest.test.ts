import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Manifest, type ManifestEntry } from '../../src/batch/manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entry(id: string, over: Partial<ManifestEntry> = {}): ManifestEntry {
  const json = join(dir, `${id}.json`);
  const html = join(dir, `${id}.html`);
  writeFileSync(json, '{}');
  writeFileSync(html, '<p>');
  return {
    id,
    path: `corpus/${id}.txt`,
    contentHash: `c-${id}`,
    reviewsHash: 'r0',
    json,
    html,
    words: 10,
    mentions: 2,
    events: 1,
    summary: { id, title: id, date: null, path: `corpus/${id}.txt`, counts: { group: 1 }, events: 1, diagnostics: 0 },
    source: { size: 100, mtimeMs: 1000 },
    ...over,
  };
}

describe('Manifest', () => {
  const m = Manifest.open(dir, 'config-A');
  const run1 = Manifest.newRunId();
  m.record(entry('a'), run1);

  it.each([
    ['same content, reviews, config, path', { id: 'a', path: 'corpus/a.txt', hash: 'c-a', reviews: 'r0' }, true],
    ['changed content', { id: 'a', path: 'corpus/a.txt', hash: 'c-other', reviews: 'r0' }, false],
    ['a new review', { id: 'a', path: 'corpus/a.txt', hash: 'c-a', reviews: 'r1' }, false],
    ['another source path for the id', { id: 'a', path: 'elsewhere/a.txt', hash: 'c-a', reviews: 'r0' }, false],
    ['unknown id', { id: 'zzz', path: 'corpus/zzz.txt', hash: 'c-zzz', reviews: 'r0' }, false],
  ])('isUpToDate: %s → %s', (_name, q, expected) => {
    expect(m.isUpToDate(q.id, q.path, q.hash, q.reviews)).toBe(expected);
  });

  it.each([
    ['same size and mtime', { size: 100, mtimeMs: 1000 }, 'r0', true],
    ['touched (new mtime)', { size: 100, mtimeMs: 2000 }, 'r0', false],
    ['grown', { size: 101, mtimeMs: 1000 }, 'r0', false],
    ['a new review', { size: 100, mtimeMs: 1000 }, 'r1', false],
  ])('isUnchangedFile: %s → %s', (_name, stat, reviews, expected) => {
    expect(m.isUnchangedFile('a', 'corpus/a.txt', stat, reviews)).toBe(expected);
  });

  it('upToDateHash: the content hash a reader of the source compares with, only while outputs are up to date', () => {
    expect(m.upToDateHash('a', 'corpus/a.txt', 'r0')).toBe('c-a');
    expect(m.upToDateHash('a', 'corpus/a.txt', 'r1')).toBeUndefined();
    expect(m.upToDateHash('a', 'moved/a.txt', 'r0')).toBeUndefined();
  });

  it('another configuration (pipeline version, data, options) makes every document stale', () => {
    const other = Manifest.open(dir, 'config-B');
    expect(other.isUpToDate('a', 'corpus/a.txt', 'c-a', 'r0')).toBe(false);
    expect(other.lookup('a')?.contentHash).toBe('c-a');
    other.close();
  });

  it('a document whose output was deleted is stale', () => {
    m.record(entry('gone'), run1);
    expect(m.isUpToDate('gone', 'corpus/gone.txt', 'c-gone', 'r0')).toBe(true);
    rmSync(join(dir, 'gone.html'));
    expect(m.isUpToDate('gone', 'corpus/gone.txt', 'c-gone', 'r0')).toBe(false);
  });

  it('a record replaces the previous one for the id; markSeen updates the stat', () => {
    const run2 = Manifest.newRunId();
    m.record(entry('a', { contentHash: 'c-a2', source: { size: 5, mtimeMs: 5 } }), run2);
    expect(m.isUpToDate('a', 'corpus/a.txt', 'c-a', 'r0')).toBe(false);
    expect(m.isUpToDate('a', 'corpus/a.txt', 'c-a2', 'r0')).toBe(true);
    m.markSeen('a', run2, { size: 6, mtimeMs: 6 });
    expect(m.isUnchangedFile('a', 'corpus/a.txt', { size: 6, mtimeMs: 6 }, 'r0')).toBe(true);
  });

  it('summaries of a run: those recorded or seen in it, newest date first, then by id', () => {
    const run = Manifest.newRunId();
    m.record(entry('old', { summary: { ...entry('old').summary, date: '2020-01-01' } }), run);
    m.record(entry('new', { summary: { ...entry('new').summary, date: '2024-05-01' } }), run);
    m.record(entry('undated'), run);
    m.markSeen('a', run);
    m.record(entry('elsewhere'), Manifest.newRunId());
    expect([...m.summaries(run)].map((s) => s.id)).toEqual(['new', 'old', 'a', 'undated']);
  });

  it('a manifest of an older layout is dropped (its documents are annotated again), not misread', () => {
    const d2 = mkdtempSync(join(dir, 'old-'));
    const first = Manifest.open(d2, 'k');
    first.record(entry('x'), 'r');
    first.close();
    const db = new Database(join(d2, '.sitrep', 'manifest.sqlite'));
    db.pragma('user_version = 1');
    db.close();
    const again = Manifest.open(d2, 'k');
    expect(again.lookup('x')).toBeUndefined();
    again.close();
  });

  it('nameFor: the encoded id; the later of two ids that differ only in case gets ~hash; names kept across reopening and schema versions', () => {
    const d3 = mkdtempSync(join(dir, 'names-'));
    const m = Manifest.open(d3, 'k');
    expect(m.nameFor('report.1')).toBe('report.1');
    const told = m.nameFor('Report.1');
    expect(told).toMatch(/^Report\.1~[0-9a-f]{12}$/);
    expect(m.nameFor('a/b')).toBe('a%2Fb');
    m.close();
    const db = new Database(join(d3, '.sitrep', 'manifest.sqlite'));
    db.pragma('user_version = 2'); // as if an older layout: the docs table is rebuilt, the names stay
    db.close();
    const again = Manifest.open(d3, 'k');
    expect(again.nameFor('Report.1')).toBe(told);
    expect(again.nameFor('report.1')).toBe('report.1');
    again.close();
  });

  it('a file whose own id changed: the old outputs go once the new ones are recorded, and the rename is listed', () => {
    const d4 = mkdtempSync(join(dir, 'rename-'));
    const m = Manifest.open(d4, 'k');
    const a = entry('a');
    m.record(a, 'r1');
    const b = entry('a.txt', { path: a.path });
    expect(m.formerIdOf(a.path, undefined, 'a.txt')).toBe('a');
    const renames = m.record(b, 'r2');
    expect(renames).toEqual([{ from: 'a', to: 'a.txt', path: a.path, removed: [a.json, a.html] }]);
    expect(existsSync(a.json)).toBe(false);
    expect(existsSync(b.json)).toBe(true);
    expect(m.lookup('a')).toBeUndefined();
    expect(m.renames().map((r) => r.to)).toEqual(['a.txt']);
    expect(m.record(b, 'r3')).toEqual([]);
    m.close();
  });
});
