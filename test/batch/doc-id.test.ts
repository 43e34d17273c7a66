import { describe, expect, it } from 'vitest';
import { docIdFor, docIdOfPath, fileNameOf, foldName, idOfFileName, legacyDocIdFor, MAX_NAME, withHash } from '../../src/doc-id.js';
import { fileIds, frontMatterIdOf, type SourceFile } from '../../src/batch/discover.js';

const LONG = `${'Разведка боем '.repeat(20)}end`;

describe('fileNameOf / idOfFileName: a reversible, collision-free file name for any id', () => {
  it.each([
    ['report.1', 'report.1'],
    ['report.2', 'report.2'],
    ['Report.1', 'Report.1'],
    ['20_VOA_EN_NW_2016.11.17.3601570', '20_VOA_EN_NW_2016.11.17.3601570'],
    ['my report', 'my%20report'],
    ['sub/dir/a', 'sub%2Fdir%2Fa'],
    ['a\\b', 'a%5Cb'],
    ['100%', '100%25'],
    ['a~b', 'a%7Eb'],
    ['a:b', 'a%3Ab'],
    ['.hidden', '%2Ehidden'],
    ['trailing.', 'trailing%2E'],
    ['.', '%2E'],
    ['..', '%2E%2E'],
    ['index', '%69ndex'],
    ['INDEX', '%49NDEX'],
    ['index.2', '%69ndex.2'],
    ['run', '%72un'],
    ['indexes', 'indexes'],
    ['notes.review', 'notes%2Ereview'],
    ['CON', '%43ON'],
    ['تقرير-١', '%D8%AA%D9%82%D8%B1%D9%8A%D8%B1-%D9%A1'],
    ['Сводка', '%D0%A1%D0%B2%D0%BE%D0%B4%D0%BA%D0%B0'],
    ['café', 'caf%C3%A9'],
    ['😀', '%F0%9F%98%80'],
  ])('%j → %j and back', (id, name) => {
    expect(fileNameOf(id)).toBe(name);
    expect(idOfFileName(name)).toBe(id);
  });

  it('keeps only [A-Za-z0-9._%-] in a name, and never starts or ends one with a dot', () => {
    for (const id of ['a b/c', '.x.', 'ÄÖÜ', '~~', '%%', 'a\u0000b', 'tab\there', LONG]) {
      const name = fileNameOf(id);
      expect(name).toMatch(/^[A-Za-z0-9._%~-]+$/);
      expect(name.startsWith('.') || name.endsWith('.')).toBe(false);
    }
  });

  it('cuts a name longer than MAX_NAME and ends it with ~ and a hash of the id: distinct ids, distinct names, the id not said', () => {
    const a = fileNameOf(LONG);
    const b = fileNameOf(`${LONG}!`);
    expect(a.length).toBeLessThanOrEqual(MAX_NAME);
    expect(a).toMatch(/~[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(a.slice(0, -13)).not.toMatch(/%[0-9A-F]?$/); // never cut inside a %XX
    expect(idOfFileName(a)).toBeUndefined();
    const exact = 'x'.repeat(MAX_NAME);
    expect(fileNameOf(exact)).toBe(exact);
    expect(idOfFileName(exact)).toBe(exact);
    expect(fileNameOf(`${exact}y`)).toMatch(/~[0-9a-f]{12}$/);
  });

  it('gives every id of a table a different name (on a case-sensitive file system)', () => {
    const ids = ['report', 'report.1', 'report.2', 'Report.1', 'report 1', 'report%201', 'report/1', 'report--1', 'report-1', 'report~1', '.report', 'report.'];
    expect(new Set(ids.map(fileNameOf)).size).toBe(ids.length);
  });

  it('maps ids that differ only in case to names that differ only in case (Manifest.nameFor tells them apart with withHash)', () => {
    expect(foldName(fileNameOf('Report.1'))).toBe(foldName(fileNameOf('report.1')));
    const told = withHash(fileNameOf('Report.1'), 'Report.1');
    expect(told).toMatch(/^Report\.1~[0-9a-f]{12}$/);
    expect(foldName(told)).not.toBe(foldName(fileNameOf('report.1')));
    expect(idOfFileName(told)).toBeUndefined();
  });

  it.each([
    ['lower-case hex', 'a%2fb'],
    ['a bare %', 'a%'],
    ['a character that is always encoded', 'a b'],
    ['an encoded safe character where the plain one would do', '%41bc'],
    ['a leading dot', '.x'],
    ['reserved, not encoded', 'index'],
    ['invalid UTF-8', '%FF'],
    ['a ~ (cut or told apart)', 'abc~0123456789ab'],
    ['empty', ''],
  ])('refuses a name fileNameOf does not make: %s (%j)', (_why, name) => {
    expect(idOfFileName(name)).toBeUndefined();
  });

  it('refuses an empty id', () => {
    expect(() => fileNameOf('')).toThrow(/empty/);
  });
});

describe('document ids from paths', () => {
  it.each([
    ['report.txt', 'report'],
    ['a.b.txt', 'a.b'],
    ['Report.1.md', 'Report.1'],
    ['sub/Dir/page.html', 'sub/Dir/page'],
    ['20_VOA_EN_NW_2016.11.17.3601570.txt', '20_VOA_EN_NW_2016.11.17.3601570'],
    ['noext', 'noext'],
    ['dir.v2/noext', 'dir.v2/noext'],
    ['My Report (draft).txt', 'My Report (draft)'],
  ])('%j → %j (one extension removed, case and punctuation kept)', (key, id) => {
    expect(docIdOfPath(key)).toBe(id);
    expect(docIdFor(key, 'txt')).toBe(id);
  });

  it('a JSONL key is the id whole', () => {
    expect(docIdFor('report.1', 'jsonl')).toBe('report.1');
    expect(docIdFor('20_VOA_EN_NW_2016.11.17.3601570', 'jsonl')).toBe('20_VOA_EN_NW_2016.11.17.3601570');
  });

  it('the earlier version folded case and dropped a last "extension": what legacyDocIdFor reproduces', () => {
    expect(legacyDocIdFor('report.1')).toBe('report');
    expect(legacyDocIdFor('20_VOA_EN_NW_2016.11.17.3601570')).toBe('20_voa_en_nw_2016.11.17');
    expect(legacyDocIdFor('Report.txt')).toBe('report');
  });

  const file = (key: string): SourceFile => ({ path: `/c/${key}`, key, format: key.endsWith('.md') ? 'md' : key.endsWith('.html') ? 'html' : 'txt', size: 1, mtimeMs: 1 });
  it('two files with one path id keep their extensions; a front-matter id is taken as given', () => {
    const files = ['a.txt', 'a.md', 'b.txt', 'c.md', 'c.txt'].map(file);
    const idOf = fileIds(files, (f) => (f.key === 'c.md' ? 'Report.1' : undefined));
    expect(files.map(idOf)).toEqual(['a.txt', 'a.md', 'b', 'Report.1', 'c']);
  });

  it.each([
    ['---\nid: Report.1\ntitle: x\n---\n\nText', 'Report.1'],
    ['\uFEFF---\r\nid: "a/b c"\r\n---\r\nText', 'a/b c'],
    ['---\nid: 20161117.3601570\n---\nText', '20161117.3601570'],
    ['---\nid: 42\n---\n', '42'],
    ['---\ntitle: no id\n---\nText', undefined],
    ['---\nid: ""\n---\n', undefined],
    ['---\nid: [1, 2]\n---\n', undefined],
    ['---\nid: : bad yaml: [\n---\n', undefined],
    ['id: not front matter\n', undefined],
    ['Text\n---\nid: late\n---\n', undefined],
  ])('front-matter id of %j is %j', (text, id) => {
    expect(frontMatterIdOf(text)).toBe(id);
  });
});
