import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brownDocs } from '../../src/bench/brown.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
/** The built CLI (`npm run build` first). */
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Cli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `test(stdout, stderr)` holds; rejects when the process ends first or after `timeoutMs`. */
  until(test: (stdout: string, stderr: string) => boolean, timeoutMs?: number): Promise<void>;
}

export function startCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Cli {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const poke = (): void => {
    for (const w of [...waiters]) w();
  };
  child.stdout!.on('data', (b: Buffer) => ((out += b.toString()), poke()));
  child.stderr!.on('data', (b: Buffer) => ((err += b.toString()), poke()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    until(test, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const done = (fn: () => void): void => {
          clearTimeout(timer);
          waiters.delete(check);
          fn();
        };
        const check = (): void => {
          if (test(out, err)) done(resolve);
        };
        const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err.slice(-3000)}`))), timeoutMs);
        waiters.add(check);
        void exited.then(() => {
          if (waiters.has(check)) done(() => (test(out, err) ? resolve() : reject(new Error(`exited first; stdout:\n${out}\nstderr:\n${err.slice(-3000)}`))));
        });
        check();
      });
    },
  };
}

export async function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = startCli(args, opts);
  const { code } = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

/** The last line of stdout, parsed (the `--json` summary). */
export function lastJson<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

/**
 * A corpus folder `<root>/corpus` of three documents: `a-small.txt`, `b-huge.txt` (the first 120 Brown
 * documents in one, ~240,000 words: more than a thread's small heap or a short time limit allows)
 * and `c-small.txt`, so that a run shows the huge one failing alone between the other two.
 */
export function smallHugeSmallCorpus(root: string, small: [string, string]): string {
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  writeFileSync(join(corpus, 'a-small.txt'), small[0]);
  writeFileSync(join(corpus, 'b-huge.txt'), brownDocs(120).map((d) => d.text).join('\n'));
  writeFileSync(join(corpus, 'c-small.txt'), small[1]);
  return corpus;
}
