import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSource, readSource, readSourceSync } from '../../src/ingest/read-source.js';
import { ingestJsonl } from '../../src/ingest/jsonl.js';
import { SitrepInputError } from '../../src/errors.js';

describe('reading sources', () => {
  it.each([
    [new Uint8Array([]), 'ingest:empty', /empty file/],
    [new TextEncoder().encode('   \n\n'), 'ingest:empty', /white space/],
    [new Uint8Array([0x68, 0x69, 0x0a, 0x00, 0x01]), 'ingest:binary', /binary/],
    [new Uint8Array([0x61, 0x0a, 0x62, 0x63, 0xff, 0x64]), 'ingest:encoding', /not UTF-8 \(invalid byte 0xff at byte 4\)/],
  ])('refuses bad bytes with a clear error (%#)', (bytes, ruleId, message) => {
    let err: unknown;
    try {
      decodeSource(bytes, 'bad.txt');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SitrepInputError);
    expect((err as SitrepInputError).ruleId).toBe(ruleId);
    expect((err as SitrepInputError).message).toMatch(message);
    expect((err as SitrepInputError).message).toMatch(/^bad\.txt/);
  });

  it('names the line and column of a bad byte', () => {
    try {
      decodeSource(new Uint8Array([0x61, 0x0a, 0x62, 0x63, 0xff]), 'bad.txt');
    } catch (e) {
      expect((e as SitrepInputError).place).toMatchObject({ line: 2, column: 3 });
    }
  });

  it('reads JSONL documents and reports each bad line with its number', () => {
    const src = ['{"id":"a","text":"Kabul fell.","date":"2021-08-15"}', '{"id":"b"', '', '{"id":"c","text":""}', '[1]', '{"id":"d","text":"x","date":"soon"}', '{"id":"e","text":"ok","title":"T"}'].join('\n');
    const items = [...ingestJsonl(src, 'docs.jsonl')];
    const docs = items.filter((i) => !('error' in i));
    const problems = items.filter((i) => 'error' in i) as { line: number; error: SitrepInputError }[];
    expect(docs.map((d) => ('key' in d ? d.key : ''))).toEqual(['a', 'e']);
    expect(problems.map((p) => [p.line, p.error.ruleId])).toEqual([
      [2, 'ingest:jsonl-syntax'],
      [4, 'ingest:empty'],
      [5, 'ingest:jsonl-shape'],
      [6, 'ingest:jsonl-date'],
    ]);
    expect(problems[0].error.message).toMatch(/^docs\.jsonl:2:1: not valid JSON/);
  });
});

describe('reading a source file, blocking or not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: string | Uint8Array): string => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  it.each([
    ['an article', () => file('ok.txt', 'Kabul, 15 August 2021. The Taliban took the city.\n'), { text: 'Kabul, 15 August 2021. The Taliban took the city.\n' }],
    ['a folder', () => dir, { ruleId: 'ingest:unreadable', message: /not a regular file/ }],
    ['a missing file', () => join(dir, 'missing.txt'), { ruleId: 'ingest:unreadable', message: /cannot read: ENOENT/ }],
    ['an empty file', () => file('empty.txt', ''), { ruleId: 'ingest:empty', message: /empty file/ }],
    ['a binary file', () => file('bin.txt', new Uint8Array([0x61, 0x00])), { ruleId: 'ingest:binary', message: /binary/ }],
  ])('%s: readSource and readSourceSync agree', async (_what, make, expected) => {
    const path = make();
    const answers = [await readSource(path).catch((e: unknown) => e), (() => { try { return readSourceSync(path).text; } catch (e) { return e; } })()];
    for (const got of answers) {
      if ('text' in expected) {
        expect(got).toBe(expected.text);
      } else {
        expect(got).toBeInstanceOf(SitrepInputError);
        expect((got as SitrepInputError).ruleId).toBe(expected.ruleId);
        expect((got as SitrepInputError).message).toMatch(expected.message);
        expect((got as SitrepInputError).message.startsWith(path)).toBe(true);
      }
    }
  });
});
