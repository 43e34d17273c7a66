import { describe, expect, it } from 'vitest';
import { ingestPlainText } from '../../src/ingest/plain-text.js';
import { toSourceOffset } from '../../src/ingest/text-builder.js';

describe('plain text ingest', () => {
  const source = 'Pages\n\n9 August 2025\n\nA Title Here\n\nFirst paragraph. It goes on.\nSecond line.\n\n\n\nLast one.\n\nNo comments:\n\nPost a Comment';
  const doc = ingestPlainText(source, 'a.txt', 'a.txt');

  it('drops whole-line blog chrome and keeps the article', () => {
    expect(doc.text).toBe('9 August 2025\n\nA Title Here\n\nFirst paragraph. It goes on.\nSecond line.\n\nLast one.');
  });

  it('reads the dateline and the title', () => {
    expect(doc.date).toEqual({ value: '2025-08-09', source: 'dateline' });
    expect(doc.title).toBe('A Title Here');
  });

  it('maps every copied character back to the same character of the source', () => {
    for (const [s, e, ss] of doc.segments) {
      for (let i = s; i < e; i++) expect(source[ss + (i - s)]).toBe(doc.text[i]);
    }
    const at = doc.text.indexOf('Last one');
    expect(source.slice(toSourceOffset(doc.segments, at)!, toSourceOffset(doc.segments, at)! + 8)).toBe('Last one');
  });

  it.each([
    ['no dateline\n\nSome text here.', null],
    ['KABUL, 3 March 2024 (Reuters) --\nText.', '2024-03-03'],
    ['Published March 5, 2024\nText.', '2024-03-05'],
    ['The war began on 5 March 2024 and continued for many months after that, the report said.\nMore.', null],
  ])('dateline of %j is %s', (src, date) => {
    expect(ingestPlainText(src, 'x.txt', 'x').date.value).toBe(date);
  });

  it('handles CRLF line ends', () => {
    const d = ingestPlainText('Title\r\n\r\nBody text.\r\n', 'c.txt', 'c');
    expect(d.text).toBe('Title\n\nBody text.');
  });
});
