import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli-process.js';

// `npm run bench` in its quick mode: it runs and ends with the JSON line of the four ratios.
// Numbers are not asserted (speed is measured by the bench, never by tests).
it('bench --docs 2 --json ends with one JSON line of the four ratios', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', 'run.js'), '--docs', '2', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  const last = JSON.parse(lines[lines.length - 1]) as Record<string, number>;
  expect(Object.keys(last)).toEqual(['pipelineVsParse', 'twoWorkerSpeedup', 'rssGrowth4x', 'rerunSpeedup']);
  for (const v of Object.values(last)) expect(Number.isFinite(v) && v > 0).toBe(true);
  expect(r.stdout).toContain('bare nlp(text), 1 thread');
  expect(r.stdout).toMatch(/compromise\/parse\s/);
  // How many cores each timed run kept busy (CPU time of all its threads over its wall time).
  expect(r.stdout).toMatch(/CPU time \(all threads\)\s+baseline [\d.]+ s = [\d.]+ cores · 1 worker [\d.]+ s = [\d.]+ cores · 2 workers [\d.]+ s = [\d.]+ cores/);
  // When the first document was done and the pace once warm (too few documents here for a middle: "–").
  expect(r.stdout).toMatch(/start and steady pace\s+1 worker: first document after [\d.]+ s, then – documents\/s · 2 workers: first document after [\d.]+ s, then – documents\/s\n/);
  // The timed runs are repeated (default 2 rounds) and every round's time is shown beside the fastest.
  expect(r.stdout).toMatch(/fastest of 2 rounds: baseline [\d.]+ s, [\d.]+ s;/);
}, 300_000);

it('bench rejects a --repeat that is not a whole number from 1, naming the option', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', 'run.js'), '--docs', '2', '--repeat', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('--repeat');
});

// `npm run bench:threads`: the scaling of the work itself over 1 and 2 threads, without the batch.
it('bench:threads --docs 2 --json ends with one JSON line of three speedups', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', 'threads.js'), '--docs', '2', '--repeat', '1', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  const last = JSON.parse(lines[lines.length - 1]) as Record<string, number>;
  expect(Object.keys(last)).toEqual(['parseDefault', 'parseTuned', 'annotateTuned']);
  for (const v of Object.values(last)) expect(Number.isFinite(v) && v > 0).toBe(true);
  expect(r.stdout).toContain('sitrep annotate(), batch V8 settings');
}, 150_000);

it.each([['--docs', '0'], ['--repeat', '1.5']])('bench:threads rejects %s %s, naming the option', (option, value) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', 'threads.js'), option, value], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain(option);
});
