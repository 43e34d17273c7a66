import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planJobs, type PlanItem } from '../../src/queue/plan.js';
import { ingestJob, runDocJob } from '../../src/queue/run-job.js';
import { resolveEnqueueOptions } from '../../src/queue/options.js';
import { ingestDocument, ingestJsonl } from '../../src/ingest/index.js';
import { jobIdFor, type DocJobData } from '../../src/queue/job-data.js';
import { Manifest } from '../../src/batch/manifest.js';
import { decisionsFor, loadReviewStore, storeReviewFile } from '../../src/review/store.js';
import { parseReviewFile } from '../../src/review/validate.js';

// What a producer puts in the jobs, and what a worker makes of it (no Redis needed for this).
let dir: string;
let items: PlanItem[];
let byPath: PlanItem[];

const jobs = (xs: PlanItem[]): DocJobData[] => xs.flatMap((x) => ('job' in x ? [x.job.data] : []));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-plan-'));
  await mkdir(join(dir, 'in', 'sub'), { recursive: true });
  await writeFile(join(dir, 'in', 'report.txt'), 'Al-Shabaab fighters attacked a base near Mogadishu on 3 March 2024.\n');
  await writeFile(join(dir, 'in', 'report.md'), '---\ntitle: Sahel\ndate: 2024-05-05\n---\nJNIM fighters attacked Djibo.\n');
  await writeFile(join(dir, 'in', 'sub', 'page.html'), '<html><body><article><p>Houthi forces fired missiles in the Red Sea.</p></article></body></html>');
  await writeFile(join(dir, 'in', 'notes.pdf'), '%PDF-1.4');
  await writeFile(join(dir, 'in', 'empty.txt'), '');
  await writeFile(
    join(dir, 'docs.jsonl'),
    ['{"id": "a-1", "text": "ISWAP raided Monguno.", "date": "2024-05-05"}', '', '{"id": "a-2", "text": "JNIM attacked Djibo."}', 'not json', '{"id": "a-1", "text": "again"}'].join('\n'),
  );
  const o = { url: 'redis://127.0.0.1:1', inputs: [join(dir, 'in'), join(dir, 'missing')], jsonl: [join(dir, 'docs.jsonl')], date: '2024-06-01', reviewsDir: join(dir, 'no-reviews') };
  items = [];
  for await (const i of planJobs(resolveEnqueueOptions(o))) items.push(i);
  byPath = [];
  for await (const i of planJobs(resolveEnqueueOptions({ ...o, byPath: true }))) byPath.push(i);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('planJobs: one job per document, as a local run would annotate them', () => {
  it('gives the ids, keys and paths a local run gives (a.txt and a.md keep their extension apart)', () => {
    expect(jobs(items).map((d) => [d.id, d.key, d.path.slice(dir.length + 1), d.format, d.line ?? null])).toEqual([
      ['report.md', 'report.md', 'in/report.md', 'md', null],
      ['report.txt', 'report.txt', 'in/report.txt', 'txt', null],
      ['sub/page', 'sub/page.html', 'in/sub/page.html', 'html', null],
      ['a-1', 'a-1', 'docs.jsonl', 'jsonl', 1],
      ['a-2', 'a-2', 'docs.jsonl', 'jsonl', 3],
    ]);
    expect(jobs(items).every((d) => d.fallbackDate === '2024-06-01' && d.html && d.text !== undefined && d.file === undefined)).toBe(true);
  });

  it('refuses what a local run refuses, with the same rules and places', () => {
    const failures = items.flatMap((x) => ('failure' in x ? [x.failure] : [])).map((f) => [f.path.slice(dir.length + 1), f.line ?? null, f.ruleId]);
    expect(failures).toEqual([
      ['missing', null, 'input:missing'],
      ['in/empty.txt', null, 'ingest:empty'],
      ['docs.jsonl', 4, 'ingest:jsonl-syntax'],
      ['docs.jsonl', 5, 'input:duplicate-id'],
    ]);
    expect(items.flatMap((x) => ('skipped' in x ? [x.skipped.path.slice(dir.length + 1)] : []))).toEqual(['in/notes.pdf']);
  });

  it('puts the path and hash instead of the text with byPath, under the same job ids', () => {
    expect(jobs(byPath).every((d) => d.text === undefined && d.file?.startsWith('/'))).toBe(true);
    expect(byPath.flatMap((x) => ('job' in x ? [x.job.jobId] : []))).toEqual(items.flatMap((x) => ('job' in x ? [x.job.jobId] : [])));
  });
});

describe('job ids: the document\'s file name and a hash (BullMQ refuses ":" in a job id)', () => {
  it.each([
    ['urn:doc:1', /^urn%3Adoc%3A1@[0-9a-f]{16}$/],
    ['Report 1/ملخص', /^Report%201%2F%D9%85%D9%84%D8%AE%D8%B5@[0-9a-f]{16}$/],
    ['report.1', /^report\.1@[0-9a-f]{16}$/],
  ])('%j', (id, jobId) => {
    const d = { v: 1 as const, id, path: 'x.jsonl', key: id, format: 'jsonl' as const, line: 1, sha256: 'h', fallbackDate: null, html: true, reviewsHash: 'r', configKey: 'k' };
    expect(jobIdFor(d)).toMatch(jobId);
    expect(jobIdFor(d)).not.toContain(':');
    expect(jobIdFor({ ...d, name: 'Report.1~0123456789ab' })).toMatch(/^Report\.1~0123456789ab@/);
  });
});

describe('planJobs with the manifest: names and reviews as a local run gives them', () => {
  it('the later of two ids that differ only in case carries its ~hash name; a former id\'s reviews are stored under the new id', async () => {
    const d = join(dir, 'names');
    await mkdir(join(d, 'reviews'), { recursive: true });
    await writeFile(join(d, 'docs.jsonl'), ['{"id": "report.1", "text": "ISWAP raided Monguno."}', '{"id": "Report.1", "text": "JNIM attacked Djibo."}'].join('\n'));
    const m = Manifest.open(join(d, 'out'), 'k');
    try {
      await storeReviewFile(join(d, 'reviews'), parseReviewFile(JSON.stringify({ format: 'sitrep-review', version: 1, docId: 'report', decisions: [{ id: 'd1', action: 'add', type: 'place', span: { start: 13, end: 20, exact: 'Monguno' }, at: '2025-09-01T10:00:00Z' }] }), 'r.json'));
      const current = { unchangedFile: () => false, upToDate: () => false, nameFor: (id: string) => m.nameFor(id), formerIdOf: (_p: string, line: number | undefined) => (line === 1 ? 'report' : undefined) };
      const planned: PlanItem[] = [];
      for await (const i of planJobs(resolveEnqueueOptions({ url: 'redis://127.0.0.1:1', jsonl: [join(d, 'docs.jsonl')], reviewsDir: join(d, 'reviews') }), current)) planned.push(i);
      const data = jobs(planned);
      expect(data.map((x) => [x.id, x.name ?? null])).toEqual([
        ['report.1', null],
        ['Report.1', expect.stringMatching(/^Report\.1~[0-9a-f]{12}$/)],
      ]);
      expect(data[1].name).toBe(m.nameFor('Report.1'));
      expect(decisionsFor(await loadReviewStore(join(d, 'reviews')), 'report.1')).toHaveLength(1);
      expect(data[0].reviewsHash).not.toBe('e3b0c44298fc1c14'); // the moved decision counts for report.1
    } finally {
      m.close();
    }
  });
});

describe('ingestJob: what a worker annotates is what was enqueued, or nothing', () => {
  it('rebuilds the ingested document a local run would annotate, for files and JSONL lines, from text or from the path', async () => {
    const [md, , , a1, a2] = jobs(items);
    const source = await readFile(md.path, 'utf8');
    expect(await ingestJob(md)).toEqual(ingestDocument(source, md.path, md.key, 'md'));
    const lines = [...ingestJsonl(await readFile(join(dir, 'docs.jsonl'), 'utf8'), join(dir, 'docs.jsonl'))];
    expect(await ingestJob(a1)).toEqual(lines[0]);
    expect(await ingestJob(a2)).toEqual(lines[1]);
    expect((await ingestJob(a2)).line).toBe(3);
    const [mdByPath, , , , a2ByPath] = jobs(byPath);
    expect(await ingestJob(mdByPath)).toEqual(await ingestJob(md));
    expect(await ingestJob(a2ByPath)).toEqual(lines[1]);
  });

  it('refuses a text that is not the one hashed', async () => {
    const [, txt] = jobs(items);
    await expect(ingestJob({ ...txt, text: `${txt.text} (edited)` })).rejects.toThrow(/^\[queue:changed\] the source changed since it was enqueued/);
  });

  it("refuses to apply other reviewers' decisions than the producer saw (and writes nothing)", async () => {
    const [md] = jobs(items);
    const out = join(dir, 'out-reviews');
    const noReviews = join(dir, 'no-reviews');
    expect(md.reviewsHash).toBe('e3b0c44298fc1c14'); // no decisions (no reviews folder)
    await expect(runDocJob({ ...md, reviewsHash: '0123456789abcdef' }, { outDir: out, reviewsDir: noReviews })).rejects.toThrow(
      /^\[queue:reviews-differ\] the reviews folder of this worker \(\S+no-reviews\) holds other decisions about "report\.md" than the producer's \(e3b0c44298fc1c14, enqueued 0123456789abcdef\)/,
    );
    await expect(readFile(join(out, 'report.md.json'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a job enqueued by another sitrep configuration (pipeline, lexicons, libraries)', async () => {
    const [md] = jobs(items);
    await expect(runDocJob({ ...md, configKey: '0'.repeat(24) }, { outDir: join(dir, 'out-config'), reviewsDir: join(dir, 'no-reviews') })).rejects.toThrow(
      /^\[queue:config-differs\] this worker runs another sitrep configuration .*enqueued 0{24}/,
    );
  });

  it('refuses a file changed since it was enqueued, and the error is unrecoverable (no retries)', async () => {
    const [, txt] = jobs(byPath);
    await writeFile(txt.file!, 'Someone rewrote this report.\n');
    const err = await ingestJob(txt).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('UnrecoverableError');
    expect((err as Error).message).toMatch(/^\[queue:changed\] .*sha256 [0-9a-f]{12}…, enqueued [0-9a-f]{12}…/);
  });
});
