import { describe, expect, it } from 'vitest';
import { checkArticleText, ingesterFor } from '../../src/ingest/by-format.js';
import { ingestDocument } from '../../src/ingest/index.js';
import { SitrepInputError } from '../../src/errors.js';
import type { SourceFormat } from '../../src/doc.js';

describe('ingest readers loaded by format (src/ingest/by-format.ts)', () => {
  const cases: { format: SourceFormat; source: string; text: string }[] = [
    { format: 'txt', source: 'Fighting resumed in Kabul.\n', text: 'Fighting resumed in Kabul.' },
    { format: 'md', source: '# Kabul\n\nFighting **resumed** in Kabul.\n', text: 'Fighting resumed in Kabul.' },
    { format: 'html', source: '<html><body><nav>Home</nav><p>Fighting resumed in <b>Kabul</b>.</p></body></html>', text: 'Fighting resumed in Kabul.' },
  ];
  it.each(cases)('$format: the same document as ingestDocument', async ({ format, source, text }) => {
    const ingest = await ingesterFor(format, `a.${format}`);
    const doc = ingest(source, `a.${format}`, 'a');
    expect(doc.text).toContain(text);
    expect(doc).toEqual(ingestDocument(source, `a.${format}`, 'a', format));
  });

  it('a JSONL file is not one document: an error naming the file', async () => {
    const err = await ingesterFor('jsonl', 'feeds/wire.jsonl').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SitrepInputError);
    expect(err).toMatchObject({ file: 'feeds/wire.jsonl', ruleId: 'ingest:format' });
    expect(() => ingestDocument('{}', 'feeds/wire.jsonl', 'w', 'jsonl')).toThrow(/feeds\/wire\.jsonl: format jsonl holds many documents/);
  });

  it('a page with no article text left is refused, naming the file', async () => {
    const ingest = await ingesterFor('html', 'chrome.html');
    const doc = ingest('<html><body><nav>Home · About</nav></body></html>', 'chrome.html', 'chrome');
    expect(() => checkArticleText(doc, 'chrome.html')).toThrow(/chrome\.html: no article text left/);
    expect(() => ingestDocument('<html><body><nav>Home · About</nav></body></html>', 'chrome.html', 'chrome', 'html')).toThrow(SitrepInputError);
  });
});
