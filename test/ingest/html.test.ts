import { describe, expect, it } from 'vitest';
import { ingestHtml } from '../../src/ingest/html.js';

const page = `<!doctype html><html><head><title>Site | Story</title>
<meta property="article:published_time" content="2024-12-10T09:30:00+00:00">
<script>var x = "<p>not text</p>";</script><style>p{}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="cookie-banner">We use cookies</div>
<main><article><h1>Assad&#8217;s fall</h1>
<p class="byline">By A. Writer</p>
<p>Rebels entered   Damascus on 8&nbsp;December 2024 &amp; took
 the city.</p>
<div class="share-buttons">Share on X</div>
<p>Second <em>para</em>graph.</p>
<aside>Related stories</aside>
<section class="comments"><p>Post a comment</p></section>
</article></main><footer>© 2024</footer></body></html>`;

describe('html ingest', () => {
  const doc = ingestHtml(page, 'p.html', 'p.html');
  it('keeps the article prose and drops page chrome', () => {
    expect(doc.text).toBe('Assad’s fall\n\nRebels entered Damascus on 8 December 2024 & took the city.\n\nSecond paragraph.');
  });
  it('reads title and date from the page', () => {
    expect(doc.title).toBe('Assad’s fall');
    expect(doc.date).toEqual({ value: '2024-12-10', source: 'html-meta' });
  });
  it('maps text back to the source', () => {
    for (const [s, e, ss, se] of doc.segments) {
      if (e - s === se - ss) expect(page.slice(ss, se).replace(/\s/g, ' ')).toBe(doc.text.slice(s, e).replace(/\s/g, ' '));
    }
    const at = doc.text.indexOf('Second');
    const seg = doc.segments.find(([s, e]) => s <= at && at < e)!;
    expect(page.slice(seg[2], seg[2] + 6)).toBe('Second');
  });
  it('falls back to <time datetime> and then a dateline', () => {
    expect(ingestHtml('<article><time datetime="2023-01-02">2 Jan</time><p>x</p></article>', 't.html', 't').date).toEqual({ value: '2023-01-02', source: 'html-time' });
    expect(ingestHtml('<article><p>4 March 2022</p><p>Text.</p></article>', 't.html', 't').date).toEqual({ value: '2022-03-04', source: 'dateline' });
  });
});
