import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { parseHtmlTree, type HNode } from '../../src/ingest/html-tree.js';
import { ingestHtml } from '../../src/ingest/html.js';

/** The fields the HTML reader uses, from either tree; comments and doctypes dropped (the reader skips them). */
function shape(n: HNode): unknown {
  return {
    type: n.type,
    tagName: n.tagName,
    value: n.value,
    properties: n.properties,
    start: n.position?.start.offset,
    end: n.position?.end.offset,
    children: n.children?.filter((c) => c.type !== 'comment' && c.type !== 'doctype').map(shape),
  };
}

const rehype = unified().use(rehypeParse, { fragment: false });
const corpus = new URL('../../corpus/', import.meta.url);

const PAGES = [
  '<p class=" a  b " hidden id=x role="main nav">Fish &amp; chips<br>next</p>',
  '<html><head><meta property="article:published_time" content="2024-03-01"><title>T</title></head><body><article><h1>Head</h1><p>One.</p></article></body></html>',
  '<div><svg viewBox="0 0 1 1"><foreignObject><p>in svg</p></foreignObject></svg><template><p>kept apart</p></template><time datetime="2024-01-02">2 Jan</time></div>',
  '<table><tr><td>broken <b>bold <i>both</b> italic</i><p>unclosed',
  '<!doctype html><!-- a comment --><main><p itemprop="articleBody headline">Text</p><noscript><p>no script</p></noscript></main>',
];

describe('the HTML tree built without recursion', () => {
  it.each(PAGES)('is the tree rehype-parse builds: %s', (page) => {
    expect(shape(parseHtmlTree(page))).toEqual(shape(rehype.parse(page) as HNode));
  });

  it('is the tree rehype-parse builds for every HTML page of the corpus', () => {
    const pages = readdirSync(corpus).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const f of pages) {
      const page = readFileSync(new URL(f, corpus), 'utf8');
      expect(shape(parseHtmlTree(page)), f).toEqual(shape(rehype.parse(page) as HNode));
    }
  });

  it.each([20_000, 200_000])('reads a page nested %i elements deep, keeping its text', (depth) => {
    const page = `<html><body>${'<div>'.repeat(depth)}Rebels attacked Aleppo.${'</div>'.repeat(depth)}<p>After.</p></body></html>`;
    const doc = ingestHtml(page, 'deep.html', 'deep');
    expect(doc.text).toBe('Rebels attacked Aleppo.\n\nAfter.');
    for (const [s, e, ss, se] of doc.segments) expect(page.slice(ss, se).replace(/\s+/g, ' ')).toBe(doc.text.slice(s, e).replace(/\s+/g, ' '));
  });
});
