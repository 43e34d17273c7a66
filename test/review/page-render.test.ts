import { createHash } from 'node:crypto';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { renderDocPage, DOC_PAGE_SCRIPT } from '../../src/write/html-page.js';
import { renderIndex, summarize, INDEX_SCRIPT } from '../../src/write/html-index.js';
import { annotate } from '../../src/index.js';
import { applyDecisions } from '../../src/review/apply.js';
import { quoteAt } from '../../src/review/quote.js';
import { annotateCorpusFile, SAMPLE } from '../support/annotate.js';
import type { AnnotatedDoc } from '../../src/doc.js';

const sample = annotateCorpusFile(SAMPLE);
const samplePage = renderDocPage(sample);

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`', '&#13;': '\r' };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|#96|#13);/g, (m) => ENTITIES[m]);

/** The text inside <div id="text">, tags removed and references resolved: what the browser's DOM holds. */
function pageText(html: string): string {
  const inner = html.slice(html.indexOf('<div id="text"'), html.indexOf('</div>\n</article>'));
  return unescape(inner.replace(/^<div[^>]*>/, '').replace(/<\/?mark[^>]*>/g, ''));
}

const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "javascript:alert('x')"];

function hostile(): AnnotatedDoc {
  const text = `Taliban fighters attacked Kabul on 3 March 2024. ${PAYLOADS.join(' ')} Carriage\r\nreturn. IS-KP <b>claimed</b> it.`;
  const doc = annotate(text, { id: 'hostile', date: '2024-03-04', title: PAYLOADS.join(' ') });
  doc.doc.meta = { author: PAYLOADS[1], url: PAYLOADS[3], 'x"><svg onload=alert(1)>': 'https://example.org/a"b' };
  doc.diagnostics.push({ severity: 'warning', ruleId: PAYLOADS[2], message: PAYLOADS[0], place: { line: 1, column: 1, offset: 0 } });
  const m = doc.mentions[0];
  applyDecisions(doc, [{ decision: { id: PAYLOADS[2], action: 'reject', target: { id: m.id, type: m.type, ...quoteAt(doc.text, m.start, m.end), key: '' }, at: '2025-01-01T00:00:00Z', by: PAYLOADS[1], note: PAYLOADS[0] }, file: PAYLOADS[2], order: 0 }]);
  doc.entities[0].name = PAYLOADS[2];
  doc.entities[0].ids = { wikidata: 'javascript:alert(1)', iso2: '"><svg>' };
  return doc;
}

/**
 * Markup an attacker could use, found by parsing the page as a browser would: elements that run or
 * load things, event-handler attributes, script URLs, and script elements beyond the page's own
 * (data and code on a document page, code on the index).
 */
function activeMarkup(html: string, expectedScripts = 2): string[] {
  const found: string[] = [];
  let scripts = 0;
  visit(unified().use(rehypeParse).parse(html), 'element', (node: Element) => {
    if (node.tagName === 'script') scripts++;
    if (['img', 'svg', 'iframe', 'object', 'embed', 'b', 'base', 'form'].includes(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      if (/^on/i.test(name)) found.push(`${node.tagName} ${name}`);
      if (['href', 'src', 'action', 'formAction'].includes(name) && /^\s*(javascript|data|vbscript):/i.test(String(value))) found.push(`${node.tagName} ${name}=${String(value)}`);
    }
  });
  if (scripts !== expectedScripts) found.push(`${scripts} script elements`);
  return found;
}

function cspHashes(html: string): { script: string; style: string; hasScript: string; hasStyle: string } {
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
  const h = (s: string): string => createHash('sha256').update(s).digest('base64');
  return { script: `'sha256-${h(script)}'`, style: `'sha256-${h(style)}'`, hasScript: /script-src ([^;]+)/.exec(csp)![1], hasStyle: /style-src ([^;]+)/.exec(csp)![1] };
}

describe('the document page, rendered from the JSON', () => {
  it('has one highlight (or more, when split) for every mention, with its id and type', () => {
    for (const m of sample.mentions) expect(samplePage).toContain(`data-mention-id="${m.id}" data-type="${m.type}"`);
    const ids = new Set([...samplePage.matchAll(/data-mention-id="([^"]+)" data-type/g)].filter((x) => samplePage.lastIndexOf('<mark', x.index) > samplePage.lastIndexOf('>', x.index)).map((x) => x[1]));
    expect(ids.size).toBe(sample.mentions.length);
  });

  it('holds the text exactly, code unit for code unit', () => {
    expect(pageText(samplePage)).toBe(sample.text);
    const doc = hostile();
    expect(pageText(renderDocPage(doc))).toBe(doc.text);
  });

  it('is self-contained: no external resource, a CSP that allows only its own inline style and script', () => {
    // Links out go only to the pages of entity ids (ISO, Wikidata, GeoNames, UCDP); nothing is loaded from anywhere.
    expect(samplePage).not.toMatch(/\s(src|href)="(https?:)?\/\/(?!www\.(iso|wikidata|geonames)\.org\/|ucdp\.uu\.se\/)/);
    expect(samplePage).not.toMatch(/\ssrc="(https?:)?\/\//);
    expect(samplePage).not.toMatch(/<link\b/);
    const c = cspHashes(samplePage);
    expect(c.hasScript).toBe(c.script);
    expect(c.hasStyle).toBe(c.style);
    expect(samplePage).toMatch(/default-src 'none'/);
  });

  it('carries scripts that parse', () => {
    expect(() => new Function(DOC_PAGE_SCRIPT)).not.toThrow();
    expect(() => new Function(INDEX_SCRIPT)).not.toThrow();
  });

  it('lists entities with counts, event cards with role chips, and diagnostics', () => {
    const iskp = sample.entities.find((e) => e.id === 'group:is-kp')!;
    expect(samplePage).toContain(`data-entity="group:is-kp" aria-pressed="false"><span class="sw t-group" aria-hidden="true"></span>${iskp.name} <span class="muted">(${iskp.mentions.length})</span>`);
    const ev = sample.events.find((e) => e.roles.length > 0)!;
    expect(samplePage).toContain(`data-event-id="${ev.id}"`);
    const r = ev.roles[0];
    expect(samplePage).toContain(`data-evidence-start="${r.start}" data-evidence-end="${r.end}"${r.mention ? ` data-mention-id="${r.mention}"` : ''}>${r.role}: `);
  });

  it('escapes every slice of text, title, metadata, review and entity fields', () => {
    const html = renderDocPage(hostile());
    expect(activeMarkup(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>&lt;script&gt;');
    expect(html).not.toContain('https://example.org/a"b');
  });
});

describe('the corpus page, rendered from summaries', () => {
  const doc = hostile();
  const summary = summarize(doc);

  it('summarises review progress, entities, countries and a timeline', () => {
    expect(summary.review).toMatchObject({ total: doc.mentions.length, reviewed: 1, rejected: 1, unplaced: 0 });
    expect(summary.counts[doc.mentions[0].type]).toBe(doc.mentions.filter((m) => m.type === doc.mentions[0].type).length - 1);
    const s = summarize(sample);
    expect(s.entities!.find((e) => e.id === 'group:is-kp')!.count).toBe(sample.entities.find((e) => e.id === 'group:is-kp')!.mentions.length);
    expect(s.countries).toEqual(expect.arrayContaining(['AF', 'IR', 'PK', 'RU', 'US']));
    expect(s.timeline!.length).toBeGreaterThan(0);
    for (const t of s.timeline!) expect(t.sort).toMatch(/^\d{3,4}/);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('lists documents, entities across documents, the timeline in date order, and failures, all escaped', () => {
    const html = renderIndex([summarize(sample), summary], [{ path: PAYLOADS[2], reason: PAYLOADS[0] }]);
    expect(activeMarkup(html, 1)).toEqual([]);
    expect(html).toContain(`href="${sample.doc.id}.html"`);
    expect(html).toMatch(/<tr data-type="group" data-entity="group:is-kp" data-docs="[^"]*crisisgroup/);
    const dates = [...html.slice(html.indexOf('id="timeline"')).matchAll(/<tr data-doc="[^"]+"><td>([^<]+)/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(1);
    const c = cspHashes(html);
    expect(c.hasScript).toBe(c.script);
  });

  it('accepts summaries from older versions (without the new fields)', () => {
    const old = { id: 'a', title: 'A', date: '2024-01-01', path: 'a.txt', counts: { group: 2 }, events: 0, diagnostics: 0 };
    expect(renderIndex([old], [])).toContain('href="a.html"');
  });
});
