import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSourceAs, encodingName } from '../../src/ingest/read-source.js';
import { annotateCorpus } from '../../src/batch/annotate-corpus.js';
import { SitrepInputError, SitrepOptionError } from '../../src/errors.js';
import type { AnnotatedDoc } from '../../src/doc.js';

const TEXT = 'Kabul, 15 août 2021. Les talibans ont pris la ville.\n';

/** UTF-16 bytes of `text`, little- or big-endian, with or without the byte-order mark. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  if (endian === 'be') for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');
/** "Aleppo" and a few words in Arabic, in windows-1256 bytes. */
const ARABIC_1256 = new Uint8Array([0xcd, 0xe1, 0xc8, 0x20, 0xe6, 0x20, 0xcf, 0xe3, 0xd4, 0xde, 0x2e, 0x0a]);

describe('source encodings', () => {
  it.each([
    // [what, bytes, --encoding, text, encoding recorded]
    ['UTF-8', new TextEncoder().encode(TEXT), undefined, TEXT, 'utf-8'],
    ['UTF-8 with its byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]), undefined, TEXT, 'utf-8'],
    ['UTF-16 LE with its mark', utf16(TEXT, 'le', true), undefined, TEXT, 'utf-16le'],
    ['UTF-16 BE with its mark', utf16(TEXT, 'be', true), undefined, TEXT, 'utf-16be'],
    ['UTF-16 LE with its mark, whatever --encoding says', utf16(TEXT, 'le', true), 'windows-1252', TEXT, 'utf-16le'],
    ['UTF-16 LE without a mark, named', utf16(TEXT, 'le', false), 'utf-16le', TEXT, 'utf-16le'],
    ['Latin-1 named as iso-8859-1', latin1(TEXT), 'iso-8859-1', TEXT, 'windows-1252'],
    ['Windows-1252 quotes (0x93, 0x94)', new Uint8Array([0x93, 0x4b, 0x61, 0x62, 0x75, 0x6c, 0x94, 0x0a]), 'windows-1252', '“Kabul”\n', 'windows-1252'],
    ['Arabic in windows-1256', ARABIC_1256, 'windows-1256', 'حلب و دمشق.\n', 'windows-1256'],
    // A legacy encoding reads only the files that are not UTF-8: a corpus may mix both.
    ['UTF-8 in a corpus read with --encoding windows-1252', new TextEncoder().encode(TEXT), 'windows-1252', TEXT, 'utf-8'],
  ])('%s', (_what, bytes, encoding, text, recorded) => {
    const got = decodeSourceAs(bytes, 'doc.txt', encoding);
    expect(got.text).toBe(text);
    expect(got.encoding).toBe(recorded);
  });

  it.each([
    // [what, bytes, --encoding, ruleId, message]
    ['Latin-1 without --encoding', latin1(TEXT), undefined, 'ingest:encoding', /^doc\.txt:1:13: not UTF-8 \(invalid byte 0xfb at byte 12\); it looks like a Western European code page: try --encoding windows-1252/],
    ['Arabic windows-1256 without --encoding', ARABIC_1256, undefined, 'ingest:encoding', /not UTF-8 .*Arabic or Cyrillic code pages: try --encoding windows-1256/],
    ['UTF-16 LE without a mark or --encoding', utf16(TEXT, 'le', false), undefined, 'ingest:binary', /binary file \(NUL byte\), not text; it looks like UTF-16 LE without a byte-order mark: try --encoding utf-16le/],
    ['UTF-16 BE without a mark or --encoding', utf16(TEXT, 'be', false), undefined, 'ingest:binary', /UTF-16 BE without a byte-order mark: try --encoding utf-16be/],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49]), undefined, 'ingest:binary', /^doc\.txt:1:\d+: binary file \(NUL byte\), not text$/],
    ['NUL characters in UTF-16', utf16('a\0b', 'le', true), undefined, 'ingest:binary', /binary file \(NUL character\), not utf-16le text/],
    ['bytes that are not Shift JIS', new Uint8Array([0x61, 0x82, 0xa0, 0x81, 0x20, 0xff, 0xff]), 'shift_jis', 'ingest:encoding', /not shift_jis \(invalid byte/],
  ])('refuses %s, naming the file and what to do', (_what, bytes, encoding, ruleId, message) => {
    let err: unknown;
    try {
      decodeSourceAs(bytes, 'doc.txt', encoding);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SitrepInputError);
    expect((err as SitrepInputError).ruleId).toBe(ruleId);
    expect((err as SitrepInputError).message).toMatch(message);
  });

  it('refuses an encoding the platform does not know, naming it', () => {
    expect(() => encodingName('klingon')).toThrow(SitrepOptionError);
    expect(() => encodingName('klingon')).toThrow(/--encoding .*got `klingon`/);
    expect(encodingName('latin1')).toBe('windows-1252');
  });
});

describe('a batch run with --encoding', () => {
  const root = mkdtempSync(join(tmpdir(), 'sitrep-enc-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads legacy and UTF-16 files, records the encoding, keeps offsets in the decoded text, and keeps JSONL in UTF-8', async () => {
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    const english = 'Kabul, 15 August 2021. The Taliban took the café in Kabul.\n';
    writeFileSync(join(corpus, 'legacy.txt'), latin1(english));
    writeFileSync(join(corpus, 'unicode.txt'), utf16(english, 'le', true));
    writeFileSync(join(corpus, 'page.html'), latin1(`<html><body><p>${english}</p></body></html>`));
    const out = join(root, 'out');
    const report = await annotateCorpus({ inputs: [corpus], outDir: out, workers: 0, reviewsDir: join(root, 'reviews'), encoding: 'windows-1252' });
    expect(report.totals.failed).toBe(0);
    expect(report.totals.processed).toBe(3);
    for (const [id, encoding] of [['legacy', 'windows-1252'], ['unicode', 'utf-16le'], ['page', 'windows-1252']]) {
      const doc = JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')) as AnnotatedDoc;
      expect(doc.doc.source.encoding).toBe(encoding);
      expect(doc.text).toContain('café');
      for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      expect(doc.mentions.some((m) => m.text === 'Kabul')).toBe(true);
    }
    // Without --encoding the legacy files fail, naming the flag; the UTF-16 one is read.
    const again = await annotateCorpus({ inputs: [corpus], outDir: join(root, 'out2'), workers: 0, reviewsDir: join(root, 'reviews') });
    expect(again.totals.failed).toBe(2);
    expect(again.failed.map((f) => f.reason).join('\n')).toMatch(/--encoding windows-1252/);
  }, 60_000);
});
