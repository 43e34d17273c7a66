import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { ROOT, runCli, startCli, type CliProcess } from './cli-process.js';

// Workers whose Redis server goes away under them, then are told to stop (a supervisor's stop).
let tmp: string;
const started: CliProcess[] = [];
const servers: RedisServer[] = [];

const worker = (redis: RedisServer, name: string, out: string): CliProcess => {
  const p = startCli(['worker', '--queue', redis.url, '--queue-name', name, '--out', out]);
  started.push(p);
  return p;
};
/** Milliseconds from `signal` to the process's exit, and its exit code. */
const timeToExit = async (p: CliProcess, signal: () => void): Promise<{ ms: number; code: number | null }> => {
  const t = performance.now();
  signal();
  const { code } = await p.exited;
  return { ms: performance.now() - t, code };
};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'sitrep-redis-gone-'));
});

afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(started.map((p) => p.exited));
  await Promise.all(servers.map((s) => s.stop()));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('sitrep worker when Redis has gone away', () => {
  it('two idle workers each stop within a second of one SIGTERM, exit 0', async () => {
    const redis = await startRedis();
    servers.push(redis);
    const out = join(tmp, 'idle');
    const a = worker(redis, 'idle', out);
    const b = worker(redis, 'idle', out);
    await Promise.all([a.waitFor(/sitrep worker: ready/), b.waitFor(/sitrep worker: ready/)]);
    await redis.stop();
    await Promise.all([a.waitFor(/Redis unreachable/), b.waitFor(/Redis unreachable/)]);
    const [ra, rb] = await Promise.all([timeToExit(a, () => a.child.kill('SIGTERM')), timeToExit(b, () => b.child.kill('SIGTERM'))]);
    for (const [p, r] of [[a, ra], [b, rb]] as const) {
      expect(r.code, p.stderr()).toBe(0);
      expect(r.ms, p.stderr()).toBeLessThan(1000);
      expect(p.stderr()).toMatch(/SIGTERM: stopping[\s\S]*sitrep worker: stopped/);
    }
  });

  it('a worker with a job in flight stops at once on the second SIGTERM (exit 130), saying the job goes back when its lock expires', async () => {
    const redis = await startRedis();
    servers.push(redis);
    const input = join(tmp, 'in');
    await mkdir(input, { recursive: true });
    const report = await readFile(join(ROOT, 'corpus', 'somalia-al-shabaab-mogadishu.txt'), 'utf8');
    await writeFile(join(input, 'long.txt'), Array(25).fill(report).join('\n\n'));
    const out = join(tmp, 'busy');
    const c = worker(redis, 'busy', out);
    await c.waitFor(/sitrep worker: ready/);
    const add = await runCli(['annotate', '--queue', redis.url, '--queue-name', 'busy', input, '--out', out, '--no-wait']);
    expect(add.code, add.stderr).toBe(0);
    await c.waitFor(/sitrep worker: started \S+long\.txt/);
    await redis.stop();
    await c.waitFor(/Redis unreachable/);
    c.child.kill('SIGTERM');
    await c.waitFor(/stopping: finishing the jobs in flight/);
    const r = await timeToExit(c, () => c.child.kill('SIGTERM'));
    expect(r.code, c.stderr()).toBe(130);
    expect(r.ms, c.stderr()).toBeLessThan(2000);
    expect(c.stderr()).toMatch(/could not give \S+long\.txt back[\s\S]*goes back when its lock expires/);
  });
});
