import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/write/atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `d`, relative, sorted (temporary files included: they start with a dot). */
function filesUnder(d: string): string[] {
  return readdirSync(d, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(d.length + 1))
    .sort();
}

const writers = [
  ['writeFileAtomic', (p: string, d: string | Uint8Array) => writeFileAtomic(p, d)],
  ['writeFileAtomicSync', async (p: string, d: string | Uint8Array) => writeFileAtomicSync(p, d)],
] as const;

describe.each(writers)('%s', (_name, write) => {
  it.each([
    ['a string, in a folder not yet made', 'a/b/doc.json', '{"text":"Kabul — Kandahar, 2021"}'],
    ['bytes', 'doc.html', new TextEncoder().encode('<p>ISKP</p>\n')],
    ['nothing', 'empty.txt', ''],
  ])('writes %s, leaving no temporary file', async (_what, rel, data) => {
    await write(join(dir, rel), data);
    expect(readFileSync(join(dir, rel))).toEqual(Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
    expect(filesUnder(dir)).toEqual([rel]);
  });

  it('replaces a file that is there', async () => {
    writeFileSync(join(dir, 'doc.json'), 'old, and longer than the new text');
    await write(join(dir, 'doc.json'), 'new');
    expect(readFileSync(join(dir, 'doc.json'), 'utf8')).toBe('new');
    expect(filesUnder(dir)).toEqual(['doc.json']);
  });

  it.each([
    [
      'the target is a folder',
      () => {
        mkdirSync(join(dir, 'out', 'doc.json'), { recursive: true });
        writeFileSync(join(dir, 'out', 'doc.json', 'kept.txt'), 'kept');
      },
      ['out/doc.json/kept.txt'],
    ],
    ['a folder on the way is a file', () => writeFileSync(join(dir, 'out'), 'a file'), ['out']],
  ])('fails when %s, leaving what was there and no temporary file', async (_what, arrange, after) => {
    arrange();
    await expect(write(join(dir, 'out', 'doc.json'), 'data')).rejects.toThrow();
    expect(filesUnder(dir)).toEqual(after);
  });
});
