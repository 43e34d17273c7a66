import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastJson, runCli } from './cli-process.js';
import type { AnnotatedDoc } from '../../src/doc.js';
import type { RunReport } from '../../src/batch/run-report.js';

// `sitrep annotate` end to end on a temporary folder, with two worker threads.
const root = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
const corpus = join(root, 'corpus');
const out = join(root, 'out');
const env = { SITREP_REVIEWS: join(root, 'reviews') };
let first: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  mkdirSync(join(corpus, 'deep'), { recursive: true });
  writeFileSync(join(corpus, 'yemen.txt'), 'SANAA, 9 January 2024 — Houthi forces fired missiles at ships in the Red Sea, the US military said.\n');
  writeFileSync(join(corpus, 'deep', 'mali.html'), '<html><head><title>Mali</title><meta name="date" content="2024-02-01"></head><body><article><p>JNIM fighters attacked an army post near Mopti in central Mali.</p></article></body></html>');
  writeFileSync(join(corpus, 'somalia.md'), '# Somalia\n\nAl-Shabaab fighters stormed a hotel in Mogadishu on 5 August 2023.\n');
  writeFileSync(join(corpus, 'empty.txt'), '   \n');
  first = await runCli(['annotate', corpus, '--out', out, '--workers', '2'], { env });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sitrep annotate', () => {
  it('annotates the folder; a failure goes to stderr naming the file and the reason; exit code 1', () => {
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`sitrep: failed ${join(corpus, 'empty.txt')}: empty file (only white space)`);
    expect(first.stdout).toMatch(/^sitrep: 3 annotated, 0 unchanged, 1 failed → .*index\.html \(\d+\.\d s, [\d,]+ words\/s\)\n$/);
    // Not a terminal: plain lines, one per document.
    expect(first.stderr.match(/^sitrep: annotated /gm)).toHaveLength(3);
  });

  it('every output parses; run.json names what was done and why', () => {
    const json = readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'run.json').sort();
    expect(json).toEqual(['deep%2Fmali.json', 'somalia.json', 'yemen.json']);
    for (const f of json) {
      const doc = JSON.parse(readFileSync(join(out, f), 'utf8')) as AnnotatedDoc;
      expect(doc.mentions.length).toBeGreaterThan(0);
      for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      expect(readFileSync(join(out, f.replace(/\.json$/, '.html')), 'utf8')).toMatch(/^<!doctype html>/);
    }
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunReport;
    expect([run.workers, run.threads]).toEqual([2, 2]);
    expect(run.processed.map((p) => p.id)).toEqual(['deep/mali', 'somalia', 'yemen']);
    expect(run.failed).toEqual([{ path: join(corpus, 'empty.txt'), ruleId: 'ingest:empty', reason: 'empty file (only white space)' }]);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a second run skips what is unchanged (--json summary); --force redoes all', async () => {
    const again = await runCli(['annotate', corpus, '--out', out, '--json'], { env });
    expect(again.code).toBe(1);
    // The empty file is tried again (it was never annotated): one thread for it, not two.
    expect(lastJson(again.stdout)).toMatchObject({ processed: 0, unchanged: 3, failed: 1, skipped: 3, workers: 2, threads: 1 });
    expect(again.stderr).toContain('empty.txt: empty file'); // --json is quiet, but failures still show
    expect(again.stderr).not.toContain('unchanged');
    const forced = await runCli(['annotate', corpus, '--out', out, '--json', '--force', '-w', '1'], { env });
    expect(lastJson(forced.stdout)).toMatchObject({ processed: 3, unchanged: 0, failed: 1, workers: 1 });
  });

  it('--quiet prints only failures; a clean corpus exits 0', async () => {
    rmSync(join(corpus, 'empty.txt'));
    const r = await runCli(['annotate', corpus, '--out', out, '--quiet'], { env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('starts no more worker threads than there are documents to annotate', async () => {
    const json = async (args: string[]): Promise<Record<string, unknown>> => lastJson((await runCli(['annotate', corpus, '--out', out, '--json', ...args], { env })).stdout);
    expect(await json(['-w', '3'])).toMatchObject({ processed: 0, unchanged: 3, workers: 3, threads: 0 });
    writeFileSync(join(corpus, 'somalia.md'), '# Somalia\n\nAl-Shabaab fighters stormed a hotel in Mogadishu on 6 August 2023.\n');
    expect(await json(['-w', '3'])).toMatchObject({ processed: 1, unchanged: 2, workers: 3, threads: 1 });
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).toMatchObject({ workers: 3, threads: 1 });
    expect(await json(['-w', '3', '--force'])).toMatchObject({ processed: 3, workers: 3, threads: 3 });
    expect(await json(['-w', '2', '--force'])).toMatchObject({ processed: 3, workers: 2, threads: 2 });
    // A JSONL file may hold any number of documents: every thread asked for starts.
    const wire = join(root, 'wire.jsonl');
    writeFileSync(wire, `${JSON.stringify({ id: 'wire-1', text: 'Houthi forces fired a missile at a ship in the Red Sea on 9 January 2024.' })}\n`);
    expect(await json(['-w', '2', '--jsonl', wire])).toMatchObject({ processed: 1, unchanged: 3, workers: 2, threads: 2 });
  });

  it.each([
    [['--workers', 'x'], 'Expected --workers to be a whole number, got `x`'],
    [['--workers=-1'], 'Expected --workers to be a whole number, got `-1`'],
    [['--date', 'yesterday'], 'Expected `date` as YYYY-MM-DD, got `yesterday`'],
    [['--worker-memory', '10'], 'Expected `workerMemoryMb` to be an integer from 64 (MB) up, got `10`'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
  ])('refuses %j with exit code 2 and the bad value', async (args, message) => {
    const r = await runCli(['annotate', corpus, '--out', join(root, 'never'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('--help documents the batch options', async () => {
    const r = await runCli(['annotate', '--help']);
    for (const flag of ['--workers N', '--worker-memory MB', '--force', '--watch', '--quiet', '--json', '--jsonl FILE', '--reviews DIR']) expect(r.stdout).toContain(flag);
  });
});
