import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, lastJson, runCli } from './cli-process.js';
import type { RunReport } from '../../src/batch/run-report.js';

// `--jsonl` over every file of the shared gold data (~400 documents, and two gazetteers whose
// lines are not documents): whatever a document does to the pipeline, it is at worst that
// document's failure, never a crash of the run.
const EVAL = join(ROOT, '..', 'shared', 'eval');
const files = existsSync(EVAL) ? readdirSync(EVAL).filter((f) => f.endsWith('.jsonl')).sort() : [];
const out = mkdtempSync(join(tmpdir(), 'sitrep-eval-jsonl-'));
let r: Awaited<ReturnType<typeof runCli>>;
let docsWithText = 0;

beforeAll(async () => {
  if (!files.length) return;
  for (const f of files) for (const line of readFileSync(join(EVAL, f), 'utf8').split('\n')) if (line.trim() && typeof JSON.parse(line).text === 'string') docsWithText++;
  r = await runCli(['annotate', ...files.flatMap((f) => ['--jsonl', join(EVAL, f)]), '--out', out, '--json', '--no-html'], { env: { SITREP_REVIEWS: join(out, '.reviews') } });
}, 400_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!files.length)('annotate --jsonl over every file of ../shared/eval', () => {
  it('finishes with a report: no crash, no stack trace, exit code 1 only for per-line failures', () => {
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect([0, 1]).toContain(r.code);
    const t = lastJson<{ processed: number; failed: number }>(r.stdout);
    expect(t.processed).toBeGreaterThanOrEqual(docsWithText - 5);
  });

  it('every failure names the file, the line and a reason; gazetteer lines fail as "no text"', () => {
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunReport;
    for (const f of run.failed) {
      expect(files.map((x) => join(EVAL, x))).toContain(f.path);
      expect(f.line).toBeGreaterThan(0);
      expect(f.reason.length).toBeGreaterThan(0);
      expect(r.stderr).toContain(`sitrep: failed ${f.path}:${f.line}: ${f.reason}`);
    }
    const byRule = new Map<string, number>();
    for (const f of run.failed) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const gazetteerLines = files.filter((f) => f.startsWith('gazetteer')).reduce((n, f) => n + readFileSync(join(EVAL, f), 'utf8').split('\n').filter((l) => l.trim()).length, 0);
    expect(byRule.get('ingest:jsonl-text') ?? 0).toBe(gazetteerLines);
    expect(run.processed.length + run.failed.length).toBe(docsWithText + gazetteerLines);
  });

  it('every output parses, with every span matching its text', () => {
    const json = readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'run.json');
    expect(json.length).toBe(lastJson<{ processed: number }>(r.stdout).processed);
    for (const f of json) {
      const doc = JSON.parse(readFileSync(join(out, f), 'utf8')) as { text: string; mentions: { start: number; end: number; text: string }[] };
      for (const m of doc.mentions) if (doc.text.slice(m.start, m.end) !== m.text) throw new Error(`${f}: ${JSON.stringify(m)}`);
    }
  });
});
