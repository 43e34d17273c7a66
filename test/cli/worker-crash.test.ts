import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brownDocs } from '../../src/bench/brown.js';
import { lastJson, runCli, smallHugeSmallCorpus } from './cli-process.js';
import type { RunReport } from '../../src/batch/run-report.js';

// A document that kills its worker thread (here: more than the thread's heap limit) is that
// document's failure alone: the documents that shared the thread are annotated again on a thread
// of their own, and the run goes on.
const root = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('a worker thread out of memory fails its document only, named with the reason', async () => {
  const [first, second] = brownDocs(2);
  const corpus = smallHugeSmallCorpus(root, [first.text, second.text]);
  const out = join(root, 'out');
  const r = await runCli(['annotate', corpus, '--out', out, '--workers', '2', '--worker-memory', '192', '--json'], { env: { SITREP_REVIEWS: join(root, 'reviews') } });
  expect(r.code).toBe(1);
  expect(lastJson(r.stdout)).toMatchObject({ processed: 2, failed: 1 });
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunReport;
  expect(run.processed.map((p) => p.id)).toEqual(['a-small', 'c-small']);
  expect(run.failed).toEqual([{ path: join(corpus, 'b-huge.txt'), ruleId: 'pipeline:crash', reason: 'the worker thread ran out of memory annotating it (limit 192 MB: see --worker-memory)' }]);
  expect(r.stderr).toContain(`sitrep: failed ${join(corpus, 'b-huge.txt')}: the worker thread ran out of memory`);
}, 240_000);
