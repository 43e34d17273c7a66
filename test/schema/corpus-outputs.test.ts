import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDoc } from '../../src/schema/validate.js';
import { ingestDocument, formatOf } from '../../src/ingest/index.js';
import { annotateIngested } from '../../src/pipeline.js';
import { annotateCorpusFile, corpusFiles, CORPUS, ROOT } from '../support/annotate.js';
import { tempDir } from '../export/support.js';
import type { AnnotatedDoc } from '../../src/doc.js';

/**
 * Every output the suite produces for corpus/ validates against the published schema: the
 * in-process annotation of each document, what `sitrep annotate corpus` writes (every format the
 * corpus holds, JSONL included), and the golden files under test/fixtures.
 */

const out = tempDir('schema-cli');
let cliOutputs: Map<string, AnnotatedDoc>;

beforeAll(() => {
  const reviews = join(out.dir, 'no-reviews');
  mkdirSync(reviews);
  // The CLI from the same sources as this test (through tsx), in its own process.
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), 'annotate', 'corpus', '--out', join(out.dir, 'out'), '--no-html', '--workers', '0', '--quiet', '--reviews', reviews], { cwd: ROOT, stdio: 'pipe' });
  cliOutputs = new Map(
    readdirSync(join(out.dir, 'out'))
      .filter((f) => f.endsWith('.json') && f !== 'run.json' && !f.startsWith('.'))
      .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(out.dir, 'out', f), 'utf8')) as AnnotatedDoc]),
  );
}, 120_000);
afterAll(() => out.remove());

const expectValid = (doc: unknown): void => {
  const r = validateDoc(doc);
  expect(r.errors).toEqual([]);
  expect(r.valid).toBe(true);
};

function goldenFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return goldenFiles(p);
    if (!f.endsWith('.json')) return [];
    const j = JSON.parse(readFileSync(p, 'utf8')) as { schemaVersion?: unknown; mentions?: unknown };
    return typeof j.schemaVersion === 'string' && Array.isArray(j.mentions) ? [p] : [];
  });
}

describe('every output validates against the schema', () => {
  it.each(corpusFiles())('the in-process annotation of corpus/%s', (f) => {
    expectValid(annotateCorpusFile(f));
  });

  it('what `sitrep annotate corpus` writes, one JSON per corpus document', () => {
    expect(cliOutputs.size).toBeGreaterThanOrEqual(corpusFiles().length);
    for (const doc of cliOutputs.values()) expectValid(doc);
  });

  it.each(goldenFiles(join(ROOT, 'test', 'fixtures')).map((p) => relative(ROOT, p)))('the golden file %s', (p) => {
    expectValid(JSON.parse(readFileSync(join(ROOT, p), 'utf8')));
  });
});

describe('ids are stable: the same input and pipeline version give the same document', () => {
  const ids = (d: AnnotatedDoc) => ({
    doc: d.doc.id,
    mentions: d.mentions.map((m) => m.id),
    entities: d.entities.map((e) => e.id),
    events: d.events.map((e) => e.id),
  });

  it.each(corpusFiles())('corpus/%s annotated twice in one process', (f) => {
    const path = join(CORPUS, f);
    const again = annotateIngested(ingestDocument(readFileSync(path, 'utf8'), `corpus/${f}`, f, formatOf(path)));
    expect(ids(again)).toEqual(ids(annotateCorpusFile(f)));
    expect(again).toEqual(annotateCorpusFile(f));
  });

  it('in another process (the CLI): the same ids for every corpus document', () => {
    for (const f of corpusFiles()) {
      const mine = annotateCorpusFile(f);
      const theirs = cliOutputs.get(mine.doc.id);
      expect(theirs, `no CLI output for ${mine.doc.id}`).toBeDefined();
      expect(theirs!.run).toEqual(mine.run);
      expect(ids(theirs!)).toEqual(ids(mine));
    }
  });

  it('ids are unique within a document', () => {
    for (const f of corpusFiles()) {
      const d = annotateCorpusFile(f);
      for (const list of Object.values(ids(d)).filter(Array.isArray)) expect(new Set(list).size).toBe(list.length);
    }
  });
});
