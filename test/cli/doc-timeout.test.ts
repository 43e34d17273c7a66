import { afterAll, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastJson, runCli, smallHugeSmallCorpus } from './cli-process.js';
import type { RunReport } from '../../src/batch/run-report.js';
import { COMPONENTS } from '../../src/pipeline.js';

// A document still annotating after --doc-timeout seconds is stopped with its worker thread and
// fails alone; the document queued behind it on the same thread is annotated again on a thread of
// its own, and the run goes on. The limit counts from when the document's annotation begins.
const root = mkdtempSync(join(tmpdir(), 'sitrep-timeout-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('a document over the time limit fails with pipeline:timeout; the others are annotated', async () => {
  // The huge document (~240,000 words) takes far more than 6 s; a small one, even on a busy host, far less.
  const corpus = smallHugeSmallCorpus(root, ['KABUL, 3 March 2024 — Taliban fighters attacked a checkpoint in Kabul on Sunday.\n', 'MOGADISHU, 12 May 2023 — Al-Shabaab claimed a bombing in Mogadishu.\n']);
  const out = join(root, 'out');
  const r = await runCli(['annotate', corpus, '--out', out, '--workers', '1', '--doc-timeout', '6', '--json'], { env: { SITREP_REVIEWS: join(root, 'reviews') } });
  expect(r.code).toBe(1);
  expect(lastJson(r.stdout)).toMatchObject({ processed: 2, failed: 1 });
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunReport;
  expect(run.processed.map((p) => p.id)).toEqual(['a-small', 'c-small']);
  // The reason names the stage that was running when the limit struck (one of the pipeline's).
  expect(run.failed).toEqual([{ path: join(corpus, 'b-huge.txt'), ruleId: 'pipeline:timeout', reason: expect.stringMatching(/^annotating it took longer than 6 s \(see --doc-timeout\), stopped in [a-z]+\/[a-z-]+; its worker threads were stopped$/) }]);
  const stage = /stopped in (\S+);/.exec(run.failed[0].reason)![1];
  expect(['ingest/txt', 'segment/sentences', 'compromise/parse', 'tokens', ...COMPONENTS.map((c) => c.name)]).toContain(stage);
  expect(r.stderr).toContain(`sitrep: failed ${join(corpus, 'b-huge.txt')}: annotating it took longer than 6 s`);
  // Nothing half-written: no output and no temporary file for the stopped document.
  expect(existsSync(join(out, 'b-huge.json'))).toBe(false);
  expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
}, 240_000);

it.each([['-1'], ['soon'], ['1e3']])('--doc-timeout %s is a usage error', async (v) => {
  const r = await runCli(['annotate', join(root, 'none'), '--out', join(root, 'out-bad'), '--doc-timeout', v]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--doc-timeout');
});
