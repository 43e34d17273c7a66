import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderDocPage } from '../../src/write/html-page.js';
import { renderIndex, summarize } from '../../src/write/html-index.js';
import { MENTION_TYPE_LIST, TYPE_STYLE } from '../../src/write/page/styles.js';
import { annotateCorpusFile, SAMPLE } from '../support/annotate.js';
import { ciede2000, contrast, fromHex, type Rgb } from '../support/colour-difference.js';
import { launchBrowser, openPage, watchPage, type PageWatch } from './browser-support.js';

/**
 * The document page in Chromium: its type colours told apart in normal vision and in Chromium's
 * own simulation of the common colour-vision deficiencies; `?` opens the keyboard help wherever
 * the focus is; entity ids shown as labels and links, on the page and the corpus page.
 */

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-palette-'));
const doc = annotateCorpusFile(SAMPLE);
const pagePath = join(tmp, `${doc.doc.id}.html`);
const indexPath = join(tmp, 'index.html');
let browser: Browser;
let page: Page;
const watch: PageWatch = { problems: [], dialogs: [] };

beforeAll(async () => {
  writeFileSync(pagePath, renderDocPage(doc));
  writeFileSync(indexPath, renderIndex([summarize(doc)], []));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1300, height: 900 }, deviceScaleFactor: 1 });
  watchPage(page, watch);
  await openPage(page, pagePath);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Chromium's vision-deficiency emulation (DevTools' Rendering panel), applied to what is painted. */
const VISIONS = ['none', 'protanopia', 'deuteranopia', 'tritanopia'] as const;
/** The least CIEDE2000 difference allowed between two type colours, or a type colour and the page. */
const MIN_DIFFERENCE = 10;

/** The painted colour at the centre of each legend swatch and of the text's margin, as Chromium shows them. */
async function paintedColours(vision: (typeof VISIONS)[number]): Promise<Record<string, Rgb>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: vision });
  const points = await page.evaluate((types) => {
    const out: Record<string, [number, number]> = {};
    for (const t of types) {
      const r = document.querySelector(`.legend .sw.t-${t}`)!.getBoundingClientRect();
      out[t] = [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
    }
    const text = document.getElementById('text')!.getBoundingClientRect();
    out.page = [Math.round(text.x + 4), Math.round(text.y + 4)];
    return out;
  }, MENTION_TYPE_LIST);
  const png = await page.screenshot({ type: 'png' });
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
  await cdp.detach();
  // Read the pixels back in a page of its own (no emulation there): the canvas decodes the PNG.
  const reader = await browser.newPage();
  try {
    return await reader.evaluate(
      async ([src, pts]) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const out: Record<string, [number, number, number]> = {};
        for (const [k, [x, y]] of Object.entries(pts)) {
          const d = ctx.getImageData(x, y, 1, 1).data;
          out[k] = [d[0], d[1], d[2]];
        }
        return out;
      },
      [`data:image/png;base64,${png.toString('base64')}`, points] as const,
    );
  } finally {
    await reader.close();
  }
}

describe('the type colours', () => {
  it('are painted as styled, and keep dark text readable (contrast at least 7:1)', async () => {
    const painted = await paintedColours('none');
    for (const t of MENTION_TYPE_LIST) {
      expect(ciede2000(painted[t], fromHex(TYPE_STYLE[t].bg)), t).toBeLessThan(1);
      expect(contrast(fromHex(TYPE_STYLE[t].bg), fromHex('#1a1a1a')), t).toBeGreaterThanOrEqual(7);
      expect(contrast(fromHex(TYPE_STYLE[t].border), fromHex('#ffffff')), t).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(VISIONS)('are told apart from one another and from the page with vision %s', async (vision) => {
    const painted = await paintedColours(vision);
    if (vision !== 'none') {
      // The emulation is on: at least one colour is painted differently.
      const normal = await paintedColours('none');
      expect(MENTION_TYPE_LIST.some((t) => ciede2000(painted[t], normal[t]) > 5)).toBe(true);
    }
    const names = [...MENTION_TYPE_LIST, 'page'];
    let least = { d: Infinity, pair: '' };
    for (let i = 0; i < MENTION_TYPE_LIST.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const d = ciede2000(painted[names[i]], painted[names[j]]);
        if (d < least.d) least = { d, pair: `${names[i]}/${names[j]}` };
      }
    }
    expect(least.d, `closest pair ${least.pair}: ΔE ${least.d.toFixed(1)}`).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
  });
});

describe('keyboard help', () => {
  const helpHidden = (): Promise<boolean> => page.evaluate(() => document.getElementById('help')!.hidden);

  it.each([
    ['the page itself', null],
    ['a button', 'button.ent'],
    ['a type checkbox', '.legend input'],
    ['a highlight', '#text mark.m'],
    ['the type picker', '#retype'],
  ])('opens with ? while the focus is on %s', async (_, selector) => {
    await page.evaluate(() => {
      document.getElementById('help')!.hidden = true;
      (document.activeElement as HTMLElement | null)?.blur();
    });
    if (selector === '#retype') {
      await page.keyboard.press('n');
      await page.keyboard.press('t');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('retype');
    } else if (selector) await page.locator(selector).first().focus();
    await page.keyboard.press('?');
    expect(await helpHidden()).toBe(false);
    await page.keyboard.press('?');
    expect(await helpHidden()).toBe(true);
  });

  it('opens from its button, and ? types into a text field', async () => {
    await page.click('#help-btn');
    expect(await helpHidden()).toBe(false);
    expect(await page.getAttribute('#help-btn', 'aria-expanded')).toBe('true');
    await page.click('#help-btn');
    expect(await helpHidden()).toBe(true);
    await page.fill('#reviewer', '');
    await page.focus('#reviewer');
    await page.keyboard.press('?');
    expect(await page.inputValue('#reviewer')).toBe('?');
    expect(await helpHidden()).toBe(true);
    expect(watch.problems).toEqual([]);
  });
});

describe('entity ids', () => {
  it('are labels and links, never raw "scheme: id" text, on the page and on the corpus page', async () => {
    const ucdp = doc.entities.find((e) => e.ids.ucdp)!;
    expect(ucdp).toBeDefined();
    for (const path of [pagePath, indexPath]) {
      await openPage(page, path);
      const labels = await page.evaluate(() => [...document.querySelectorAll('.ids .idl')].map((a) => ({ text: a.textContent, href: a.getAttribute('href'), title: a.getAttribute('title') })));
      expect(labels).toContainEqual({ text: `UCDP ${ucdp.ids.ucdp}`, href: `https://ucdp.uu.se/actor/${ucdp.ids.ucdp}`, title: expect.stringContaining('UCDP actor id') });
      const idsText = await page.evaluate(() => [...document.querySelectorAll('.ids')].map((s) => s.textContent).join(' '));
      expect(idsText).not.toMatch(/\b(ucdp|geonames|iso2|iso3|isoNumeric|iso31662):/);
    }
    // The details panel, built by the page's script, shows the same labels.
    await openPage(page, pagePath);
    const m = doc.mentions.find((x) => x.entity === ucdp.id)!;
    await page.click(`#text mark[data-mention-id="${m.id}"]`);
    expect(await page.locator('#details .idl', { hasText: `UCDP ${ucdp.ids.ucdp}` }).count()).toBe(1);
  });
});
