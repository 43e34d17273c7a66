import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { annotatedBy, corpusDocs, runCli, startCli, stopCli, type CliProcess } from './cli-process.js';

// Two worker processes over the sample corpus, against a real redis-server on loopback.
let redis: RedisServer;
let tmp: string;
let workers: CliProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  tmp = await mkdtemp(join(tmpdir(), 'sitrep-queue-'));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => stopCli(w)));
  await redis?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('sitrep annotate --queue with two sitrep worker processes', () => {
  it('writes byte for byte what a local run writes, each document annotated exactly once, and enqueueing again does no work', async () => {
    const local = join(tmp, 'local');
    const shared = join(tmp, 'shared');
    const q = ['--queue', redis.url, '--queue-name', 'corpus'];

    // Two workers, both ready before any job exists, so that both take some.
    workers = [startCli(['worker', ...q, '--out', shared]), startCli(['worker', ...q, '--out', shared])];
    // Meanwhile, the local run to compare with.
    const localRun = await runCli(['annotate', 'corpus', '--out', local, '--quiet']);
    expect(localRun.code, localRun.stderr).toBe(0);
    await Promise.all(workers.map((w) => w.waitFor(/sitrep worker: ready/)));

    // First without waiting: returns at once, with every document in the queue.
    const noWait = await runCli(['annotate', ...q, 'corpus', '--out', shared, '--no-wait', '--json']);
    expect(noWait.code, noWait.stderr).toBe(0);
    const n = corpusDocs().length;
    expect(JSON.parse(noWait.stdout)).toMatchObject({ enqueued: n, alreadyDone: 0, pending: n, failed: 0 });

    // Then the same again, waiting: nothing is added twice; it waits for the jobs already there.
    const waited = await runCli(['annotate', ...q, 'corpus', '--out', shared]);
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stdout).toBe(`sitrep: ${n} annotated, 0 unchanged, 0 failed → ${shared}/index.html\n`);

    // Same files, same bytes (run.json records times and workers, so it is the one file that
    // differs; .sitrep/ holds the manifest, a cache).
    const visible = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f !== 'run.json' && !f.startsWith('.')).sort();
    const localFiles = await visible(local);
    const sharedFiles = await visible(shared);
    expect(sharedFiles).toEqual(localFiles);
    expect(localFiles.filter((f) => f.endsWith('.json'))).toHaveLength(n);
    for (const f of localFiles) expect(await readFile(join(shared, f), 'utf8'), f).toBe(await readFile(join(local, f), 'utf8'));

    // Each document annotated once, by one of the two workers, and both took part.
    const byEach = workers.map(annotatedBy);
    expect([...byEach[0], ...byEach[1]].sort()).toEqual(corpusDocs().map((f) => `corpus/${f}`));
    expect(byEach[0].length).toBeGreaterThan(0);
    expect(byEach[1].length).toBeGreaterThan(0);

    // The queue agrees: n completed jobs, each after one attempt.
    const queue = new Queue('corpus', { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      expect(await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed')).toMatchObject({ completed: n, failed: 0, waiting: 0, active: 0, delayed: 0 });
      const done = await queue.getCompleted(0, -1);
      expect(done.map((j) => j.attemptsMade)).toEqual(Array(n).fill(1));
      // Done jobs keep their hash and result, not the text (Redis does not keep the corpus); the
      // worker drops the text just after the job is done, so give it a moment.
      const texts = async (): Promise<unknown[]> => (await queue.getCompleted(0, -1)).map((j) => [typeof j.data.sha256, j.data.text]);
      for (let i = 0; i < 100 && (await texts()).some((t) => (t as unknown[])[1] !== undefined); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await texts()).toEqual(Array(n).fill(['string', undefined]));
    } finally {
      await queue.close();
    }

    // The run report lists the n documents with the worker that did each.
    const run = JSON.parse(await readFile(join(shared, 'run.json'), 'utf8'));
    expect(run.totals).toMatchObject({ processed: n, failed: 0 });
    expect(new Set(run.processed.map((p: { worker: string }) => p.worker)).size).toBe(2);

    // A third time: the output folder's manifest says all are up to date; nothing for the workers.
    const again = await runCli(['annotate', ...q, 'corpus', '--out', shared, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ processed: 0, unchanged: n, enqueued: 0 });
    // A local run into the same folder agrees: the queued run recorded each document in the manifest.
    const localAgain = await runCli(['annotate', 'corpus', '--out', shared, '--json']);
    expect(localAgain.code, localAgain.stderr).toBe(0);
    expect(JSON.parse(localAgain.stdout)).toMatchObject({ processed: 0, unchanged: n, failed: 0 });
    expect(workers.map(annotatedBy).flat()).toHaveLength(n);

    // The same documents into another folder, on the same queue: the jobs are done, but their
    // outputs are not there, and the producer says so rather than recording them.
    const elsewhere = join(tmp, 'elsewhere');
    const other = await runCli(['annotate', ...q, 'corpus', '--out', elsewhere, '--json']);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout)).toMatchObject({ processed: 0, failed: n, alreadyDone: n });
    expect(other.stderr).toMatch(/failed corpus\/sahel-jnim-juntas\.md: done by worker \S+, but \S+elsewhere\/sahel-jnim-juntas\.json is not there: the workers of queue corpus write to another folder/);

    // --force: everything again, through the queue, to the same bytes.
    const forced = await runCli(['annotate', ...q, 'corpus', '--out', shared, '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ processed: n, enqueued: n, unchanged: 0 });
    expect(workers.map(annotatedBy).flat()).toHaveLength(2 * n);
    for (const f of localFiles) expect(await readFile(join(shared, f), 'utf8'), f).toBe(await readFile(join(local, f), 'utf8'));

    // SIGTERM: both stop cleanly.
    const stops = await Promise.all(workers.map((w) => stopCli(w)));
    expect(stops.map((s) => s.code)).toEqual([0, 0]);
  });
});
