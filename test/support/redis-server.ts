import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real redis-server (Debian's `redis-server`) on loopback, for the queue tests. */
export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

async function redisBinary(waitMs: number): Promise<string> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const found = CANDIDATES.find((p) => existsSync(p));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`redis-server not found (looked at ${CANDIDATES.join(', ')}); install the Debian package: apt-get install redis-server (npm test runs test/support/system-deps.sh, which does)`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitReady(child: ChildProcess, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${log.join('')}`)), 10_000);
    const onData = (b: Buffer): void => {
      log.push(b.toString());
      if (/Ready to accept connections/.test(log.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${log.join('')}`));
    });
  });
}

/**
 * Start redis-server on a free loopback port, in a temporary folder, without persistence (the tests
 * need none). Waits up to `waitForBinaryMs` for the package to be installed. `stop()` shuts it down
 * and removes the folder.
 */
export async function startRedis(waitForBinaryMs = 120_000): Promise<RedisServer> {
  const bin = await redisBinary(waitForBinaryMs);
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-redis-'));
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const log: string[] = [];
    const child = spawn(bin, ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--maxmemory-policy', 'noeviction'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await waitReady(child, log);
    } catch (err) {
      lastError = err;
      child.kill('SIGKILL');
      continue; // the port was taken between finding it and binding it: try another
    }
    child.stdout?.removeAllListeners('data');
    child.stderr?.removeAllListeners('data');
    child.stdout?.resume();
    child.stderr?.resume();
    return {
      port,
      url: `redis://127.0.0.1:${port}`,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}
