import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, sitrep, watchPage, type PageWatch } from './browser-support.js';
import type { AnnotatedDoc } from '../../src/doc.js';

/**
 * Hostile articles: script tags, event handlers, a javascript: link and an attribute break-out in
 * the text, the title, the metadata, a file name and a review file. Annotated by the built CLI, every
 * page (and the corpus index) is opened and clicked through in Chromium: no script of theirs may run.
 */

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const SVG = '"><svg onload=alert(1)>';
const JS = 'javascript:alert(1)';

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-browser-xss-'));
const out = join(tmp, 'out');
let browser: Browser;
let page: Page;
const watch: PageWatch = { problems: [], dialogs: [] };

const enc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

beforeAll(async () => {
  const corpus = join(tmp, 'corpus');
  mkdirSync(corpus);
  writeFileSync(
    join(corpus, 'hostile.html'),
    `<!doctype html><html><head>
<title>${enc(SVG)} Taliban ${enc(SCRIPT)}</title>
<meta name="author" content="${IMG.replace(/"/g, '&quot;')}">
<meta property="og:url" content="${JS}">
<meta name="description" content='${SVG}'>
<meta property="article:published_time" content="2024-03-04">
<script>alert('head')</script>
</head><body><article>
<h1>Taliban attack ${enc(IMG)}</h1>
<p>Taliban fighters attacked Kabul on 3 March 2024. ${enc(SCRIPT)} and <a href="${JS}">${JS}</a> then ${enc(SVG)} and ${enc(IMG)} were written.</p>
<p>IS-KP claimed the attack in Afghanistan.${IMG}${SCRIPT}</p>
</article></body></html>`,
  );
  writeFileSync(
    join(corpus, 'hostile.md'),
    `---\ntitle: ${JSON.stringify(`${SCRIPT} ${SVG}`)}\nauthor: ${JSON.stringify(IMG)}\nurl: ${JSON.stringify(JS)}\ndate: 2024-03-05\n---\n\n# Al-Shabaab ${SCRIPT}\n\nAl-Shabaab fighters attacked Mogadishu on 4 March 2024. ${IMG} and [a link](${JS}) and ${SVG} in Somalia.\n`,
  );
  writeFileSync(join(corpus, `x${SVG}.txt`), `x${SVG}\n\n5 March 2024\n\nBoko Haram attacked Maiduguri, Nigeria. ${SCRIPT} ${IMG} ${JS} ${SVG}\n`);
  sitrep(['annotate', 'corpus', '--out', 'out', '--reviews', 'reviews', '--quiet'], tmp);

  // A review file whose reviewer, note and decision id are hostile too.
  const doc = JSON.parse(readFileSync(join(out, 'hostile.html.json'), 'utf8')) as AnnotatedDoc;
  const m = doc.mentions[0];
  const q = (s: number, e: number) => ({ start: s, end: e, exact: doc.text.slice(s, e), prefix: doc.text.slice(Math.max(0, s - 32), s), suffix: doc.text.slice(e, e + 32) });
  const at = doc.text.indexOf(SCRIPT);
  const review = {
    format: 'sitrep-review',
    version: 1,
    docId: doc.doc.id,
    reviewer: IMG,
    exportedAt: '2025-09-01T10:00:00Z',
    decisions: [
      { id: SVG, action: 'reject', target: { id: m.id, type: m.type, ...q(m.start, m.end), key: '' }, by: IMG, note: SCRIPT },
      { action: 'add', type: 'group', span: q(at, at + SCRIPT.length), by: SVG, note: JS },
    ],
  };
  writeFileSync(join(tmp, 'hostile.review.json'), JSON.stringify(review));
  sitrep(['review', 'apply', 'hostile.review.json', '--reviews', 'reviews', '--out', 'out'], tmp);

  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  watchPage(page, watch);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** What in the live DOM could run an attacker's code. */
async function activeContent(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      if (/^(IMG|SVG|IFRAME|OBJECT|EMBED|BASE|FORM)$/i.test(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName.toLowerCase()} ${a.name}`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) found.push(`${el.tagName.toLowerCase()} ${a.name}=${a.value}`);
      }
    }
    found.push(`${document.querySelectorAll('script').length} scripts`);
    return found;
  });
}

/** Use the page as a reviewer would: every highlight clicked, every chip hovered and clicked, keys pressed. */
async function exercise(p: Page): Promise<void> {
  const marks = p.locator('#text mark[data-mention-id]:not([data-cont])');
  const n = Math.min(await marks.count(), 40);
  for (let i = 0; i < n; i++) await marks.nth(i).click();
  for (const chip of await p.locator('[data-evidence-start]').all()) {
    await chip.hover();
    await chip.click();
  }
  for (const ent of await p.locator('button.ent').all()) await ent.click();
  for (const key of ['n', 'n', 'a', 'p', 'r', 'u', '?', 'Escape']) await p.keyboard.press(key);
}

describe('hostile text, titles, metadata, file names and reviews run no script', () => {
  it('in any document page, even when clicked through', async () => {
    const pages = readdirSync(out).filter((f) => f.endsWith('.html') && f !== 'index.html');
    expect(pages).toHaveLength(3);
    for (const f of pages) {
      await openPage(page, join(out, f));
      await exercise(page);
      expect(await activeContent(page), f).toEqual(['2 scripts']);
    }
    expect(watch.dialogs).toEqual([]);
  });

  it('shows the hostile strings as text', async () => {
    // Forget the decisions the click-through above left in the pages' storage.
    await page.evaluate(() => localStorage.clear());
    await openPage(page, join(out, 'hostile.md.html'));
    expect(await page.title()).toContain(`${SCRIPT} ${SVG}`);
    expect(await page.locator('header.top').textContent()).toContain(JS);
    await openPage(page, join(out, 'hostile.html.html'));
    expect(await page.title()).toContain(IMG);
    const text = (await page.locator('#text').textContent())!;
    for (const s of [SCRIPT, IMG, SVG, JS]) expect(text).toContain(s);
    expect(await page.locator('header.top').textContent()).toContain(IMG);
    // The reviewer's hostile note and name, in the details of the rejected mention.
    await page.locator('#text mark[data-status="rejected"]').first().click();
    const details = (await page.locator('#details').textContent())!;
    expect(details).toContain(`by ${IMG}`);
    expect(details).toContain(SCRIPT);
    expect(await page.locator('#text mark[data-status="added"]').first().textContent()).toBe(SCRIPT);
  });

  it('in the corpus page, filters used', async () => {
    await openPage(page, join(out, 'index.html'));
    for (const id of ['#f-type', '#f-country', '#f-group']) {
      const values = await page.locator(`${id} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      for (const v of values) await page.selectOption(id, v);
      await page.selectOption(id, '');
    }
    expect(await activeContent(page)).toEqual(['1 scripts']);
    expect(await page.locator('#docs').textContent()).toContain(`x${SVG}.txt`);
  });

  it('and nothing tried to run (no dialog, no console error, no CSP report, no request)', () => {
    expect(watch.dialogs).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
