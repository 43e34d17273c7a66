import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brownDocs } from '../../src/bench/brown.js';
import { lastJson, runCli, startCli } from './cli-process.js';
import type { RunReport } from '../../src/batch/run-report.js';

// A run killed with SIGKILL at any moment and started again finishes the work: no output lost,
// duplicated or half-written. Checked against a clean run, file by file, byte for byte.
const DOCS = 20;
const root = mkdtempSync(join(tmpdir(), 'sitrep-kill-'));
const corpus = join(root, 'corpus');
const clean = join(root, 'clean');
const resumed = join(root, 'resumed');
const env = { SITREP_REVIEWS: join(root, 'reviews') };
const annotated = (stderr: string): number => (stderr.match(/^sitrep: annotated /gm) ?? []).length;
const outputs = (dir: string): string[] => readdirSync(dir).filter((f) => !f.startsWith('.') && f !== 'run.json').sort();

/** Start a run into `resumed` and SIGKILL it once `lines` more documents were annotated (0: as soon as it has started). */
async function killAfter(lines: number): Promise<void> {
  const p = startCli(['annotate', corpus, '--out', resumed, '--workers', '2'], { env });
  await p.until((_o, e) => (lines === 0 ? /source files found/.test(e) : annotated(e) >= lines));
  p.child.kill('SIGKILL');
  const { signal } = await p.exited;
  expect(signal).toBe('SIGKILL');
}

let final: Awaited<ReturnType<typeof runCli>>;
let stopped: { code: number | null };
let stoppedReport: RunReport;
beforeAll(async () => {
  mkdirSync(corpus);
  // Brown documents, their first paragraphs (about 700 words each: enough to be caught mid-run).
  for (const d of brownDocs(DOCS)) {
    const cut = d.text.indexOf('\n\n', 4000);
    writeFileSync(join(corpus, `${d.name}.txt`), cut === -1 ? d.text : `${d.text.slice(0, cut)}\n`);
  }
  const c = await runCli(['annotate', corpus, '--out', clean, '--workers', '2', '--quiet'], { env });
  expect(c.code).toBe(0);
  await killAfter(0);
  await killAfter(3);
  expect(outputs(resumed).filter((f) => f.endsWith('.json')).length).toBeLessThan(DOCS); // killed mid-run, really
  // SIGTERM: a graceful stop. The documents in flight are finished and recorded, the report says so.
  const p = startCli(['annotate', corpus, '--out', resumed, '--workers', '2'], { env });
  await p.until((_o, e) => annotated(e) >= 2);
  p.child.kill('SIGTERM');
  stopped = await p.exited;
  stoppedReport = JSON.parse(readFileSync(join(resumed, 'run.json'), 'utf8')) as RunReport;
  await killAfter(3);
  final = await runCli(['annotate', corpus, '--out', resumed, '--workers', '2', '--json'], { env });
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('kill -9 mid-run, then run again', () => {
  it('SIGTERM stops a run gracefully: exit code 130, its report written and marked interrupted', () => {
    expect(stopped.code).toBe(130);
    expect(stoppedReport.interrupted).toBe(true);
    expect(stoppedReport.totals.processed).toBeGreaterThanOrEqual(2);
    expect(stoppedReport.totals.processed + stoppedReport.totals.unchanged).toBeLessThan(DOCS);
  });

  it('the last run finishes the work: every document annotated or already done, none failed', () => {
    expect(final.code).toBe(0);
    const t = lastJson<{ processed: number; unchanged: number; failed: number }>(final.stdout);
    expect(t.failed).toBe(0);
    expect(t.processed + t.unchanged).toBe(DOCS);
    expect(t.unchanged).toBeGreaterThanOrEqual(7); // the killed runs' work was kept
  });

  it('the same files as a clean run, byte for byte, each JSON parsing; no temporary file left', () => {
    expect(outputs(resumed)).toEqual(outputs(clean));
    expect(outputs(clean)).toHaveLength(2 * DOCS + 1);
    for (const f of outputs(clean)) {
      const a = readFileSync(join(clean, f), 'utf8');
      const b = readFileSync(join(resumed, f), 'utf8');
      if (f.endsWith('.json')) expect(() => JSON.parse(b)).not.toThrow();
      expect([f, b === a]).toEqual([f, true]);
    }
    expect(readdirSync(resumed).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
