import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocs, ROOT, tempDir, writeOutput } from './support.js';

const tmp = tempDir('export-cli');
const from = join(tmp.dir, 'output');
let n = 0;

function sitrep(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: tmp.dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const docs = corpusDocs();
  n = docs.length;
  writeOutput(from, docs);
});
afterAll(() => tmp.remove());

describe('sitrep export', () => {
  it('is listed by sitrep --help and has its own --help', () => {
    expect(sitrep('--help').stdout).toMatch(/^\s+export\s+load the output JSON/m);
    expect(sitrep('export', '--help').stdout).toMatch(/sitrep export \[--from DIR\] \[--to TARGET\] \[--prune\]/);
  });

  it('loads into <from>/sitrep.db by default, and a second run changes nothing', () => {
    const first = sitrep('export', '--from', from);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`sitrep export: ${n} documents → sqlite:${join(from, 'sitrep.db')} (${n} inserted, 0 unchanged)\n`);
    expect(existsSync(join(from, 'sitrep.db'))).toBe(true);
    expect(sitrep('export', '--from', from).stdout).toBe(`sitrep export: ${n} documents → sqlite:${join(from, 'sitrep.db')} (${n} unchanged)\n`);
  });

  it('prints a JSON report with --json, with row counts for a database', () => {
    const r = sitrep('export', '--from', from, '--to', `jsonl:${join(tmp.dir, 'jsonl')}`, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: n, written: n, failed: [], target: `jsonl:${join(tmp.dir, 'jsonl')}` });
    const db = sitrep('export', '--from', from, '--json');
    expect(JSON.parse(db.stdout)).toMatchObject({ documents: n, unchanged: n, counts: { documents: n } });
  });

  it.each([
    [['--to', 'mysql://x'], /sitrep export: Expected `--to` to be one of jsonl:DIR, sqlite:PATH, postgres:\/\/…, brat:DIR, w3c:DIR or labelstudio:FILE, got `mysql:\/\/x`/],
    [['--to', 'brat:'], /Expected a path after `brat:` in `--to`, got `brat:`/],
    [['--from', 'no-such-folder'], /sitrep export: no-such-folder: cannot read the output folder: ENOENT/],
    [['--frm', 'x'], /Unknown option '--frm'/],
  ])('refuses %j with a usage error (exit 2)', (args, message) => {
    const r = sitrep('export', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('names a bad file on stderr, loads the rest, and exits 1', () => {
    writeFileSync(join(from, 'zz-truncated.json'), '{"schemaVersion": "1.0.0", "doc": {"id": "zz');
    const r = sitrep('export', '--from', from, '--to', `sqlite:${join(tmp.dir, 'other.db')}`);
    expect(r.code).toBe(1);
    // The place is the end of the file: line 1, column 45 (the string never ends).
    expect(r.stderr).toMatch(new RegExp(`^sitrep export: ${join(from, 'zz-truncated\\.json')}:1:45: not valid JSON \\(.*\\)\n$`));
    expect(r.stdout).toMatch(new RegExp(`${n + 1} documents → .*\\(${n} inserted, 0 unchanged, 1 failed\\)`));
  });
});
