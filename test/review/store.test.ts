import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReviewFile } from '../../src/review/validate.js';
import { decisionsFor, loadReviewStore, renameReviews, reviewStoreFor, reviewsHash, storeReviewFile, problemsFor } from '../../src/review/store.js';
import { SitrepInputError } from '../../src/errors.js';

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-review-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const target = { id: 'group-10-15', type: 'group', start: 10, end: 15, exact: 'IS-KP', prefix: 'attack by ', suffix: ' in Kabul', key: 'group:IS-KP#0' };
const file = (over: Record<string, unknown> = {}, decisions: unknown[] = [{ id: 'd1', action: 'reject', target, at: '2025-09-01T10:00:00Z', by: 'Ann' }]) =>
  JSON.stringify({ format: 'sitrep-review', version: 1, docId: 'report-1', exportedAt: '2025-09-01T10:05:00Z', decisions, ...over });

describe('reading a review file', () => {
  it('takes a file the page exports, filling in what a hand-written one may leave out', () => {
    const f = parseReviewFile(
      file({ reviewer: 'Ann' }, [
        { action: 'reject', target: { type: 'group', start: 10, end: 15, exact: 'IS-KP' } },
        { action: 'edit', target, type: 'place' },
        { action: 'add', type: 'date', span: { start: 0, end: 4, exact: '2021' }, at: '2025-09-01T11:00:00+02:00', extra: 'ignored' },
      ]),
      'r.json',
    );
    expect(f.decisions[0]).toMatchObject({ action: 'reject', at: '2025-09-01T10:05:00Z', by: 'Ann', target: { id: 'group-10-15', prefix: '', suffix: '', key: '' } });
    expect(f.decisions[0].id).toMatch(/^h-[0-9a-f]{16}$/);
    expect(f.decisions[1]).toMatchObject({ action: 'edit', type: 'place', span: { start: 10, end: 15, exact: 'IS-KP' } });
    expect(f.decisions[2]).not.toHaveProperty('extra');
  });

  it.each([
    ['broken JSON', '{"format": "sitrep-review",', /r\.json:1:\d+: not valid JSON/],
    ['another kind of JSON', JSON.stringify({ schemaVersion: '1.0.0' }), /r\.json: format: expected "sitrep-review"/],
    ['a later version', file({ version: 2 }), /version: expected 1, got 2/],
    ['an empty document id', file({ docId: '' }), /docId/],
    ['an unknown action', file({}, [{ action: 'delete', target, at: '2025-09-01T10:00:00Z' }]), /decisions\[0\]\.action: expected one of accept, reject, edit, add, got "delete"/],
    ['an unknown type', file({}, [{ action: 'add', type: 'weapon', span: { start: 0, end: 3, exact: 'AK4' } }]), /decisions\[0\]\.type: expected one of group/],
    ['an offset that is not a number', file({}, [{ action: 'reject', target: { ...target, start: '10' } }]), /decisions\[0\]\.target\.start: expected a whole number from 0 up, got "10"/],
    ['a quote whose length disagrees with its span', file({}, [{ action: 'reject', target: { ...target, end: 16 } }]), /decisions\[0\]\.target\.exact: has 5 characters but \[start, end\) spans 6/],
    ['a time that is not ISO 8601', file({}, [{ action: 'reject', target, at: 'yesterday' }]), /decisions\[0\]\.at: expected an ISO 8601 time/],
    ['no time at all', file({ exportedAt: undefined }, [{ action: 'reject', target }]), /decisions\[0\]\.at: expected the time of the decision/],
  ])('refuses %s, naming the file and the field', (_, raw, message) => {
    let err: unknown;
    try {
      parseReviewFile(raw, 'r.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SitrepInputError);
    expect((err as Error).message).toMatch(message);
  });
});

describe('the review store', () => {
  const dir = join(tmp, 'reviews');

  it('keeps each stored file once, under the document id', async () => {
    const f = parseReviewFile(file(), 'a.json');
    const first = await storeReviewFile(dir, f);
    const again = await storeReviewFile(dir, f);
    expect(first.created).toBe(true);
    expect(again).toEqual({ path: first.path, created: false });
    expect(readdirSync(dir)).toEqual([first.path.slice(dir.length + 1)]);
    expect(first.path).toMatch(/report-1\.[0-9a-f]{12}\.review\.json$/);
  });

  it.each([
    ['../etc/passwd', /^%2E.%2Fetc%2Fpasswd\.[0-9a-f]{12}\.review\.json$/],
    ['Report 1/ملخص', /^Report%201%2F%D9%85%D9%84%D8%AE%D8%B5\.[0-9a-f]{12}\.review\.json$/],
  ])('stores a review of any document id (%j) inside the store, under its id\'s file name, and reads it back by the id', async (docId, name) => {
    const own = join(tmp, `reviews-${Buffer.from(docId).toString('hex').slice(0, 8)}`);
    const r = await storeReviewFile(own, parseReviewFile(file({ docId }), 'a.json'));
    expect(r.path.startsWith(`${own}/`)).toBe(true);
    expect(r.path.slice(own.length + 1)).toMatch(name);
    expect(decisionsFor(await loadReviewStore(own), docId)).toHaveLength(1);
  });

  it('renameReviews stores the decisions about an old id again under the new one and moves (never deletes) the old file to .renamed/', async () => {
    const own = join(tmp, 'reviews-renamed');
    const old = await storeReviewFile(own, parseReviewFile(file({ docId: 'report' }), 'a.json'));
    const moved = await renameReviews(own, 'report', 'report.1');
    expect(moved).toHaveLength(1);
    expect(moved[0].from).toBe(old.path);
    expect(moved[0].to).toMatch(/report\.1\.[0-9a-f]{12}\.review\.json$/);
    const store = await loadReviewStore(own);
    expect(decisionsFor(store, 'report')).toHaveLength(0);
    expect(decisionsFor(store, 'report.1').map((d) => d.decision.id)).toEqual(['d1']);
    expect(readdirSync(join(own, '.renamed'))).toEqual([old.path.slice(own.length + 1)]);
    expect(await renameReviews(own, 'report', 'report.1')).toEqual([]); // once
  });

  it('orders decisions by time across files, each decision once, and its hash changes with a new review', async () => {
    const before = reviewsHash(await loadReviewStore(dir), 'report-1');
    expect(before).toBe(reviewsHash(await loadReviewStore(dir), 'report-1'));
    // An older decision in a newer file, and the same decision exported twice.
    await storeReviewFile(dir, parseReviewFile(file({ exportedAt: '2025-09-02T00:00:00Z' }, [{ id: 'd0', action: 'accept', target, at: '2025-08-31T09:00:00Z' }, { id: 'd1', action: 'reject', target, at: '2025-09-01T10:00:00Z', by: 'Ann' }]), 'b.json'));
    const store = await loadReviewStore(dir);
    expect(decisionsFor(store, 'report-1').map((d) => d.decision.id)).toEqual(['d0', 'd1']);
    expect(reviewsHash(store, 'report-1')).not.toBe(before);
    expect(reviewsHash(store, 'other-doc')).toBe(reviewsHash(await loadReviewStore(join(tmp, 'nowhere')), 'other-doc'));
  });

  it('skips a file it cannot read and reports it for the document its name starts with', async () => {
    writeFileSync(join(dir, 'report-1.by-hand.review.json'), '{ not json');
    const store = await loadReviewStore(dir);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0].message).toMatch(/report-1\.by-hand\.review\.json:1:3: not valid JSON/);
    expect(problemsFor(store, 'report-1')).toHaveLength(1);
    expect(problemsFor(store, 'report')).toHaveLength(0);
    expect(decisionsFor(store, 'report-1')).toHaveLength(2);
  });

  it('is read again by workers when the folder changes', async () => {
    const d = join(tmp, 'cached');
    mkdirSync(d);
    const a = await reviewStoreFor(d);
    expect(await reviewStoreFor(d)).toBe(a);
    await storeReviewFile(d, parseReviewFile(file(), 'a.json'));
    utimesSync(d, new Date(), new Date(Date.now() + 5000));
    const b = await reviewStoreFor(d);
    expect(b).not.toBe(a);
    expect(decisionsFor(b, 'report-1')).toHaveLength(1);
  });
});
