import { describe, expect, it } from 'vitest';
import { ingestMarkdown } from '../../src/ingest/markdown.js';

const source = `---
title: "Mali after MINUSMA"
date: 2024-05-20
source: "sitrep sample desk"
---

# Mali after MINUSMA

The **junta** in [Bamako](https://example.org) asked the UN to leave.

- JNIM &amp; IS Sahel
- Wagner Group

> A quote.
`;

describe('markdown ingest', () => {
  const doc = ingestMarkdown(source, 'm.md', 'm.md');
  it('takes title and date from front matter', () => {
    expect(doc.title).toBe('Mali after MINUSMA');
    expect(doc.date).toEqual({ value: '2024-05-20', source: 'front-matter' });
    expect(doc.meta?.source).toBe('sitrep sample desk');
  });
  it('keeps the prose without markup, one block per paragraph', () => {
    expect(doc.text).toBe('Mali after MINUSMA\n\nThe junta in Bamako asked the UN to leave.\n\nJNIM & IS Sahel\n\nWagner Group\n\nA quote.');
  });
  it('maps exact copies back to the source', () => {
    for (const [s, e, ss, se] of doc.segments) {
      if (e - s === se - ss) expect(source.slice(ss, se)).toBe(doc.text.slice(s, e));
    }
  });
  it('reports a front matter date that is not a date', () => {
    const bad = ingestMarkdown('---\ndate: someday\n---\n\nText.', 'b.md', 'b');
    expect(bad.date.value).toBeNull();
    expect(bad.diagnostics[0]).toMatchObject({ ruleId: 'ingest:bad-front-matter-date', file: 'b.md', place: { line: 1 } });
  });
});

describe('Markdown nested deeply', () => {
  it.each([
    ['quotes 8,000 deep', `# Title\n\n${'> '.repeat(8000)}Rebels attacked Aleppo.\n`, 'Title\n\nRebels attacked Aleppo.'],
    ['a list 300 deep', `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n')}\n`, Array.from({ length: 300 }, (_, i) => `item${i}`).join('\n\n')],
  ])('%s: read without recursion, text kept', (_what, source, text) => {
    const doc = ingestMarkdown(source, 'deep.md', 'deep');
    expect(doc.text).toBe(text);
    for (const [s, e, ss, se] of doc.segments) expect(source.slice(ss, se)).toBe(doc.text.slice(s, e));
  });
});
