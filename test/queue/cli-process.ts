import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, CLI, runCli, startCli as start, type Cli } from '../cli/cli-process.js';

export { ROOT, CLI, runCli };

/** A CLI process (test/cli/cli-process.ts) that can also wait for a line of its log. */
export interface CliProcess extends Cli {
  /** Resolves when stderr (or stdout) has a line matching `re`; rejects on exit or timeout. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<void>;
}

export function startCli(args: string[]): CliProcess {
  const p = start(args);
  return { ...p, waitFor: (re, timeoutMs = 30_000) => p.until((out, err) => re.test(err) || re.test(out), timeoutMs) };
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
