import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, type Job } from 'bullmq';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { ROOT, annotatedBy, runCli, startCli, stopCli, type CliProcess } from './cli-process.js';

// Workers that die, stop, and meet documents that always fail, against a real redis-server.
let redis: RedisServer;
let tmp: string;
let input: string;
let local: string;
const started: CliProcess[] = [];
const queues: Queue[] = [];

const worker = (name: string, out: string, ...more: string[]): CliProcess => {
  const p = startCli(['worker', '--queue', redis.url, '--queue-name', name, '--out', out, ...more]);
  started.push(p);
  return p;
};
const queueOf = (name: string): Queue => {
  const q = new Queue(name, { connection: { host: '127.0.0.1', port: redis.port } });
  queues.push(q);
  return q;
};
const until = async <T>(what: string, f: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
const activeJob = (q: Queue, path: string): Promise<Job> => until(`${path} to be active`, async () => (await q.getJobs(['active'])).find((j) => j?.data.path === path));
const sameFiles = async (a: string, b: string): Promise<void> => {
  const visible = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f !== 'run.json' && !f.startsWith('.')).sort();
  const files = await visible(a);
  expect(await visible(b)).toEqual(files);
  for (const f of files) expect(await readFile(join(b, f), 'utf8'), f).toBe(await readFile(join(a, f), 'utf8'));
};

beforeAll(async () => {
  redis = await startRedis();
  tmp = await mkdtemp(join(tmpdir(), 'sitrep-queue-fail-'));
  // A long document (a report repeated), long enough to be sure to catch its worker in the middle
  // of it, and two ordinary ones; annotated locally for reference.
  input = join(tmp, 'in');
  await mkdir(input);
  const report = await readFile(join(ROOT, 'corpus', 'somalia-al-shabaab-mogadishu.txt'), 'utf8');
  await writeFile(join(input, 'long.txt'), Array(15).fill(report).join('\n\n'));
  for (const f of ['sahel-jnim-juntas.md', 'syria-fall-of-assad.html']) await copyFile(join(ROOT, 'corpus', f), join(input, f));
  local = join(tmp, 'local');
  const r = await runCli(['annotate', input, '--out', local, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(async () => {
  await Promise.all(queues.map((q) => q.close()));
  for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(started.map((p) => p.exited));
  await redis?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('queue workers that fail', () => {
  it('loses nothing when a worker is killed (kill -9) in the middle of a job: another takes it over after its lock expires', async () => {
    const out = join(tmp, 'killed');
    const lock = ['--lock-duration', '1000', '--stalled-interval', '300'];
    const a = worker('killed', out, ...lock);
    await a.waitFor(/sitrep worker: ready/);
    const add = await runCli(['annotate', '--queue', redis.url, '--queue-name', 'killed', input, '--out', out, '--no-wait']);
    expect(add.code, add.stderr).toBe(0);

    const q = queueOf('killed');
    const job = await activeJob(q, join(input, 'long.txt'));
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    // Killed in the middle: the job is still marked active, its output not written.
    expect(await q.getJobState(job.id!)).toBe('active');
    await expect(stat(join(out, 'long.json'))).rejects.toThrow(/ENOENT/);

    const b = worker('killed', out, ...lock);
    const wait = await runCli(['annotate', '--queue', redis.url, '--queue-name', 'killed', input, '--out', out, '--json']);
    expect(wait.code, wait.stderr).toBe(0);
    expect(JSON.parse(wait.stdout)).toMatchObject({ processed: 3, failed: 0, enqueued: 0 });
    expect(b.stderr()).toMatch(/job long@\w+ lost its worker \(lock expired\); back in the queue/);
    expect(annotatedBy(b)).toContain(join(input, 'long.txt'));
    await sameFiles(local, out);
    expect((await stopCli(b)).code).toBe(0);
  });

  it('finishes the job in flight on SIGTERM, then exits', async () => {
    const out = join(tmp, 'term');
    const c = worker('term', out);
    await c.waitFor(/sitrep worker: ready/);
    const path = join(input, 'long.txt');
    const add = await runCli(['annotate', '--queue', redis.url, '--queue-name', 'term', path, '--out', out, '--no-wait']);
    expect(add.code, add.stderr).toBe(0);
    const q = queueOf('term');
    const job = await activeJob(q, path);
    c.child.kill('SIGTERM');
    const { code } = await c.exited;
    expect(code, c.stderr()).toBe(0);
    expect(c.stderr()).toMatch(/SIGTERM: stopping: finishing the jobs in flight[\s\S]*annotated \S+long\.txt[\s\S]*sitrep worker: stopped/);
    expect(await q.getJobState(job.id!)).toBe('completed');
    expect(await readFile(join(out, 'long.json'), 'utf8')).toBe(await readFile(join(local, 'long.json'), 'utf8'));
  });

  it('gives the job in flight back to the queue at once on a second SIGTERM', async () => {
    const out = join(tmp, 'term2');
    const e = worker('term2', out); // default lock (30 s): only giving the job back frees it sooner
    await e.waitFor(/sitrep worker: ready/);
    const path = join(input, 'long.txt');
    expect((await runCli(['annotate', '--queue', redis.url, '--queue-name', 'term2', path, '--out', out, '--no-wait'])).code).toBe(0);
    const q = queueOf('term2');
    const job = await activeJob(q, path);
    e.child.kill('SIGTERM');
    await e.waitFor(/stopping: finishing the jobs in flight/);
    e.child.kill('SIGTERM');
    const { code } = await e.exited;
    expect(code, e.stderr()).toBe(130);
    expect(e.stderr()).toMatch(/gave \S+long\.txt back to the queue/);
    expect(await q.getJobState(job.id!)).toBe('waiting');
  });

  it('puts a document that always fails in the failed set after its last attempt, with its diagnostic; status shows it, retry requeues it', async () => {
    const out = join(tmp, 'poison');
    const q = ['--queue', redis.url, '--queue-name', 'poison'];
    const bad = join(tmp, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'fine.txt'), 'Al-Shabaab fighters attacked a base near Mogadishu, Somalia, on 3 March 2024.\n');
    await writeFile(join(bad, 'stuck.txt'), 'Houthi forces fired missiles at ships in the Red Sea on 12 January 2024.\n');
    await writeFile(join(bad, 'chrome.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    // stuck.json cannot be written (a folder is in the way): every attempt throws.
    await mkdir(join(out, 'stuck.json'), { recursive: true });
    // A document enqueued by path, then changed before any worker reads it.
    const moving = join(tmp, 'moving.txt');
    await writeFile(moving, 'ISWAP fighters raided Monguno, Nigeria, on 5 May 2024.\n');
    const byPath = await runCli(['annotate', ...q, moving, '--by-path', '--out', out, '--no-wait']);
    expect(byPath.code, byPath.stderr).toBe(0);
    await writeFile(moving, 'JNIM fighters attacked Djibo, Burkina Faso, on 5 May 2024.\n');

    const d = worker('poison', out);
    const run = await runCli(['annotate', ...q, bad, '--out', out, '--attempts', '3', '--backoff', '50']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`sitrep: 1 annotated, 0 unchanged, 2 failed → ${out}/index.html\n`);
    expect(run.stderr).toMatch(/failed \S+stuck\.txt after 3 attempts: \[pipeline:crash\] Error: EISDIR/);
    expect(run.stderr).toMatch(/failed \S+chrome\.html after 1 attempt: \[ingest:empty\] no article text left after removing page chrome/);
    expect(d.stderr()).toMatch(/attempt failed \S+stuck\.txt \(attempt 1 of 3, will retry\)/);

    const queue = queueOf('poison');
    await until('the changed document to fail', async () => (await queue.getJobCounts('failed')).failed === 3);
    const status = await runCli(['queue', 'status', ...q, '--json']);
    expect(status.code, status.stderr).toBe(0);
    const s = JSON.parse(status.stdout);
    expect(s.counts).toMatchObject({ completed: 1, failed: 3, waiting: 0, active: 0, delayed: 0 });
    expect(s.workers).toBe(1);
    const failed = s.failed.map((f: { id: string; ruleId: string; attempts: number }) => [f.id, f.ruleId, f.attempts]).sort();
    expect(failed).toEqual([
      ['chrome', 'ingest:empty', 1],
      ['moving', 'queue:changed', 1],
      ['stuck', 'pipeline:crash', 3],
    ]);
    expect(s.failed.find((f: { id: string }) => f.id === 'moving').reason).toMatch(/^the source changed since it was enqueued/);
    await expect(stat(join(out, 'moving.json'))).rejects.toThrow(/ENOENT/);
    const text = await runCli(['queue', 'status', ...q]);
    expect(text.stdout).toMatch(/failed 3/);
    expect(text.stdout).toMatch(/stuck\.txt: \[pipeline:crash\] Error: EISDIR.*\(after 3 attempts; job stuck@\w+\)/);

    // Naming what is not failed is an error that names it.
    const wrong = await runCli(['queue', 'retry', ...q, 'no-such-doc']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/`no-such-doc`/);

    // Clear the way, retry by document id: it is done, with fresh attempts.
    await rmdir(join(out, 'stuck.json'));
    const retry = await runCli(['queue', 'retry', ...q, 'stuck']);
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toMatch(/^sitrep: 1 failed job back in the queue: stuck@\w+/);
    await until('stuck to be done', async () => (await queue.getJobCounts('completed')).completed === 2);
    expect(JSON.parse(await readFile(join(out, 'stuck.json'), 'utf8')).doc.id).toBe('stuck');
    expect(annotatedBy(d).filter((p) => p.endsWith('stuck.txt'))).toHaveLength(1);

    // clean: forget finished jobs (here all of them), so the same documents could be done again.
    const clean = await runCli(['queue', 'clean', ...q, '--completed', '--failed']);
    expect(clean.stdout).toBe('sitrep: removed 2 completed and 2 failed jobs\n');
    expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 0, failed: 0 });
    expect((await stopCli(d)).code).toBe(0);
  });
});
