import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;

/** The built CLI (`npm run build` first), run from the repo root as a user would. */
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stderr (or stdout) has a line matching `re`; rejects on exit or timeout. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<void>;
}

export function startCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    for (const l of listeners) l();
  });
  child.stderr!.on('data', (b: Buffer) => {
    err += b.toString();
    for (const l of listeners) l();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(re, timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (re.test(err) || re.test(out)) {
            done();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${re} within ${timeoutMs} ms; stderr:\n${err}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          done();
          if (re.test(err) || re.test(out)) resolve();
          else reject(new Error(`exited before ${re}; stderr:\n${err}`));
        });
        check();
      });
    },
  };
}

/** Run the CLI to its end. */
export async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = startCli(args);
  const { code } = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

/** Stop a process gracefully (SIGTERM) and wait for it; SIGKILL after `graceMs`. */
export async function stopCli(p: CliProcess, graceMs = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.exited;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  const r = await p.exited;
  clearTimeout(timer);
  return r;
}

/** Lines of a worker's log that say it annotated a document: the paths, in order. */
export function annotatedBy(p: CliProcess): string[] {
  return [...p.stderr().matchAll(/^sitrep worker: annotated (\S+) →/gm)].map((m) => m[1]);
}

/** The sample corpus's documents (file names), as the local run finds them. */
export function corpusDocs(): string[] {
  return readdirSync(join(ROOT, 'corpus')).filter((f) => /\.(txt|md|html)$/.test(f)).sort();
}
