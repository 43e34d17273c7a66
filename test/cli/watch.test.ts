import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli } from './cli-process.js';

// `sitrep annotate --watch` on a temporary folder: files that arrive or change are annotated as
// they come; SIGTERM ends the watch cleanly.
const root = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
const corpus = join(root, 'corpus');
const out = join(root, 'out');
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Pass = { processed: number; unchanged: number; failed: number };
const passes = (stdout: string): Pass[] => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Pass);

describe('annotate --watch', () => {
  it('annotates the corpus, then each new or changed file as it arrives, and stops on SIGTERM', async () => {
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'first.txt'), 'Taliban fighters attacked a checkpoint in Kabul on 3 March 2024.\n');
    const p = startCli(['annotate', corpus, '--out', out, '--watch', '--json', '--workers', '1'], { env: { SITREP_REVIEWS: join(root, 'reviews') } });
    try {
      await p.until((o) => passes(o).length >= 1, 120_000);
      expect(passes(p.stdout())[0]).toMatchObject({ processed: 1, unchanged: 0, failed: 0 });

      // A new file, in a new sub-folder.
      mkdirSync(join(corpus, 'later'));
      writeFileSync(join(corpus, 'later', 'second.md'), '# Mogadishu\n\nAl-Shabaab claimed a bombing in Mogadishu on 12 May 2023.\n');
      await p.until((o) => passes(o).some((x) => x.processed === 1 && x.unchanged === 1), 60_000);
      expect(existsSync(join(out, 'later%2Fsecond.json'))).toBe(true);

      // A changed file.
      writeFileSync(join(corpus, 'first.txt'), 'Taliban fighters attacked a checkpoint in Herat on 3 March 2024.\n');
      await p.until(() => existsSync(join(out, 'first.json')) && readFileSync(join(out, 'first.json'), 'utf8').includes('Herat'), 60_000);
      await p.until((o) => passes(o).slice(2).some((x) => x.processed === 1 && x.unchanged === 1), 60_000);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('later%252Fsecond.html');
    } finally {
      p.child.kill('SIGTERM');
    }
    const { code } = await p.exited;
    expect(code).toBe(0);
  }, 300_000);
});
