import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/ingest/read-source.js';
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
