import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, runCli } from './cli-process.js';
import { run as workerCommand } from '../../src/cli/worker.js';
import { run as queueCommand } from '../../src/cli/queue.js';
import { SitrepOptionError } from '../../src/errors.js';

// Usage errors of the queue commands: a message naming the bad value, before any work.
let closed = '';

beforeAll(async () => {
  // A loopback port nobody listens on.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  closed = `redis://127.0.0.1:${port}`;
});

describe('queue commands refuse bad usage at the door', () => {
  it.each<[string, () => string[], RegExp]>([
    ['a worker without a queue', () => ['--out', 'x'], /^Expected `--queue redis:\/\/HOST:PORT`, got nothing$/],
    ['a queue that is not a redis:// URL', () => ['--queue', 'http://127.0.0.1:6379'], /^Expected `queue` to be a redis:\/\/HOST:PORT URL, got `http:\/\/127.0.0.1:6379`$/],
    ['a Redis nobody answers at', () => ['--queue', closed], /^Expected `queue` to name a reachable Redis server, got `redis:\/\/127.0.0.1:\d+` \(connect ECONNREFUSED 127.0.0.1:\d+\)$/],
    ['a concurrency that is not a number', () => ['--queue', closed, '--concurrency', 'two'], /^Expected `concurrency` to be a whole number, got `two`$/],
    ['a lock too short to renew', () => ['--queue', closed, '--lock-duration', '10'], /^Expected `lock-duration` to be an integer from 200 and up, got `10`$/],
    ['paths given to a worker', () => ['--queue', closed, 'corpus'], /^Expected no paths \(a worker takes its documents from the queue\), got `corpus`$/],
  ])('sitrep worker: %s', async (_, args, message) => {
    await expect(workerCommand(args())).rejects.toThrow(SitrepOptionError);
    await expect(workerCommand(args())).rejects.toThrow(message);
  });

  it.each<[string, () => string[], RegExp]>([
    ['an unknown subcommand', () => ['drain', '--queue', closed], /^Expected one of `add`, `status`, `retry`, `clean` after `sitrep queue`, got `drain`$/],
    ['status of a Redis nobody answers at', () => ['status', '--queue', closed], /^Expected `queue` to name a reachable Redis server/],
    ['attempts that are not a number', () => ['add', '--queue', closed, '--attempts', 'many'], /^Expected `attempts` to be a whole number, got `many`$/],
  ])('sitrep queue: %s', async (_, args, message) => {
    await expect(queueCommand(args())).rejects.toThrow(message);
  });

  it('sitrep annotate --queue with a Redis nobody answers at: exit code 2, the reason, and nothing written', async () => {
    const r = await runCli(['annotate', '--queue', closed, 'corpus', '--out', 'never-written']);
    expect(r.stderr).toMatch(/^sitrep annotate: Expected `queue` to name a reachable Redis server, got `redis:\/\/127.0.0.1:\d+` \(connect ECONNREFUSED/);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(join(ROOT, 'never-written'))).toBe(false);
  });

  it('sitrep annotate --queue refuses the options of a local run it cannot honour', async () => {
    const r = await runCli(['annotate', '--queue', closed, '--watch']);
    expect(r.stderr).toMatch(/Unknown option '--watch'/);
    expect(r.code).toBe(2);
  });
});
