import { afterAll, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStaleTemps } from '../../src/batch/stale-temp.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-temps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('removes the temporary files of dead processes only', async () => {
  const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
  const files = {
    [`.a.json.tmp-${dead}-0a1b2c3d`]: false,
    [`.a.html.tmp-${process.pid}-0a1b2c3d`]: true,
    [`.b.json.tmp-1-deadbeef`]: true, // pid 1 is alive (or not ours: EPERM)
    'a.json': true,
    '.a.json.tmp-notapid': true,
  };
  for (const f of Object.keys(files)) writeFileSync(join(dir, f), 'x');
  expect(await removeStaleTemps(dir)).toBe(1);
  for (const [f, kept] of Object.entries(files)) expect([f, existsSync(join(dir, f))]).toEqual([f, kept]);
  expect(readdirSync(dir)).toHaveLength(4);
});

it('a missing folder has nothing to remove', async () => {
  expect(await removeStaleTemps(join(dir, 'nope'))).toBe(0);
});
