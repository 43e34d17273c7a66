import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CORPUS, SAMPLE } from '../support/annotate.js';
import { launchBrowser, openPage, selectText, sitrep, watchPage, type PageWatch } from './browser-support.js';
import type { AnnotatedDoc, Mention } from '../../src/doc.js';

/**
 * The review page in a real Chromium: the sample report annotated by the built CLI, its page opened
 * from the file system, a review made in it and exported, stored with `sitrep review apply`, and
 * found again after the next `sitrep annotate` — also after the text was edited.
 */

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-browser-review-'));
const ID = SAMPLE.replace(/\.txt$/, '');
const out = join(tmp, 'out');
const reviews = join(tmp, 'reviews');
const annotateArgs = ['annotate', 'corpus', '--out', 'out', '--reviews', 'reviews', '--quiet'];
const readDoc = (): AnnotatedDoc => JSON.parse(readFileSync(join(out, `${ID}.json`), 'utf8')) as AnnotatedDoc;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let doc: AnnotatedDoc;
const watch: PageWatch = { problems: [], dialogs: [] };

beforeAll(async () => {
  mkdirSync(join(tmp, 'corpus'));
  copyFileSync(join(CORPUS, SAMPLE), join(tmp, 'corpus', SAMPLE));
  sitrep(annotateArgs, tmp);
  doc = readDoc();
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1300, height: 900 } });
  page = await context.newPage();
  watchPage(page, watch);
  await openPage(page, join(out, `${ID}.html`));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const currentId = (): Promise<string | null> => page.locator('#text mark.current').first().getAttribute('data-mention-id');

describe('the document page in Chromium', () => {
  it('renders every mention of the sample report, over exactly its text', async () => {
    const shown = await page.evaluate(() => ({
      ids: [...new Set([...document.querySelectorAll('#text mark[data-mention-id]')].map((m) => m.getAttribute('data-mention-id')))],
      types: Object.fromEntries([...document.querySelectorAll('#text mark[data-mention-id]')].map((m) => [m.getAttribute('data-mention-id'), m.getAttribute('data-type')])),
      text: document.getElementById('text')!.textContent,
    }));
    expect(doc.mentions.length).toBeGreaterThan(30);
    expect(shown.ids.sort()).toEqual(doc.mentions.map((m) => m.id).sort());
    for (const m of doc.mentions) expect(shown.types[m.id]).toBe(m.type);
    expect(shown.text).toBe(doc.text);
  });

  it('hides and shows a type with its toggle', async () => {
    const bg = (sel: string): Promise<string> => page.locator(sel).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const group = '#text mark[data-type="group"]';
    const date = '#text mark[data-type="date"]';
    const shownGroup = await bg(group);
    const shownDate = await bg(date);
    expect(shownGroup).not.toBe('rgba(0, 0, 0, 0)');
    await page.locator('input[data-toggle="group"]').uncheck();
    expect(await bg(group)).toBe('rgba(0, 0, 0, 0)');
    expect(await bg(date)).toBe(shownDate);
    // Hidden types are skipped by the keyboard.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('n');
      expect(await page.locator('#text mark.current').first().getAttribute('data-type')).not.toBe('group');
    }
    await page.locator('input[data-toggle="group"]').check();
    expect(await bg(group)).toBe(shownGroup);
  });

  it('steps through the mentions of an entity selected in the side panel', async () => {
    const entity = [...doc.entities].sort((a, b) => b.mentions.length - a.mentions.length)[0];
    expect(entity.mentions.length).toBeGreaterThanOrEqual(3);
    await page.locator(`button.ent[data-entity="${entity.id}"]`).click();
    expect(await currentId()).toBe(entity.mentions[0]);
    await page.locator('#entity-next').click();
    expect(await currentId()).toBe(entity.mentions[1]);
    await page.keyboard.press(']');
    expect(await currentId()).toBe(entity.mentions[2]);
    await page.keyboard.press('[');
    expect(await currentId()).toBe(entity.mentions[1]);
    expect(await page.locator('#entity-pos').textContent()).toBe(`${entity.name}: 2 of ${entity.mentions.length}`);
    const inEntity = await page.evaluate(() => [...new Set([...document.querySelectorAll('#text mark.in-entity')].map((m) => m.getAttribute('data-mention-id')))]);
    expect(inEntity.sort()).toEqual([...entity.mentions].sort());
    expect(await page.locator(`button.ent[data-entity="${entity.id}"]`).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows a mention’s type, normalised value, linked ids, confidence and source', async () => {
    const country = doc.mentions.find((m) => m.type === 'country' && m.value === 'AF')!;
    await page.locator(`#text mark[data-mention-id="${country.id}"]`).click();
    const details = page.locator('#details');
    await expect.poll(() => details.textContent()).toContain('Country');
    const text = (await details.textContent())!;
    expect(text).toContain('AF');
    expect(text).toContain(String(country.confidence));
    expect(text).toContain(country.source);
    expect(await details.locator('a[href="https://www.iso.org/obp/ui/#iso:code:3166:AF"]').count()).toBe(1);
    const date = doc.mentions.find((m) => m.type === 'date' && m.date?.granularity === 'day')!;
    await page.locator(`#text mark[data-mention-id="${date.id}"]`).click();
    expect(await details.textContent()).toContain(`${date.date!.value} (day)`);
  });

  it('changes a type and fixes boundaries from the details panel, and undoes it', async () => {
    const place = doc.mentions.find((m) => m.type === 'place' && m.start > 0)!;
    const mark = page.locator(`#text mark[data-mention-id="${place.id}"]`).first();
    await mark.click();
    await page.selectOption('#retype', 'country');
    expect(await mark.getAttribute('data-type')).toBe('country');
    expect(await mark.getAttribute('data-status')).toBe('edited');
    await page.getByRole('button', { name: 'Move the start one word left' }).click();
    const word = /[\p{L}\p{M}\p{N}]/u;
    let i = place.start;
    while (i > 0 && !word.test(doc.text[i - 1])) i--;
    while (i > 0 && word.test(doc.text[i - 1])) i--;
    expect(await mark.textContent()).toBe(doc.text.slice(i, place.end));
    expect(await page.locator('#pending li').textContent()).toContain(`→ Country “${doc.text.slice(i, place.end)}”`);
    await page.keyboard.press('u');
    expect(await mark.getAttribute('data-type')).toBe('place');
    expect(await mark.textContent()).toBe(place.text);
    expect(await page.locator('#pending li').count()).toBe(0);
  });

  it('lights up the evidence of an event role chip', async () => {
    const ev = doc.events.find((e) => e.roles.some((r) => r.mention))!;
    const role = ev.roles.find((r) => r.mention)!;
    await page.locator(`[data-event-id="${ev.id}"] [data-evidence-start="${role.start}"]`).first().hover();
    const lit = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('evidence');
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(lit).toEqual([role.text]);
  });
});

describe('a review made in the page survives the next run', () => {
  let taliban: Mention;
  let added: { start: number; end: number; text: string };
  let exported: string;

  /** A phrase of the text no mention touches (so adding it is the reviewer's doing). */
  function uncovered(): { start: number; end: number; text: string } {
    for (const phrase of ['intelligence sharing', 'law enforcement', 'home turf', 'international security threat', 'Coordination']) {
      const start = doc.text.indexOf(phrase);
      const end = start + phrase.length;
      if (start >= 0 && !doc.mentions.some((m) => m.start < end && m.end > start)) return { start, end, text: phrase };
    }
    throw new Error('no uncovered phrase left in the sample');
  }

  it('rejects one mention and adds one, kept while the page is open', async () => {
    taliban = doc.mentions.find((m) => m.type === 'group' && m.text === 'Taliban')!;
    added = uncovered();
    await page.fill('#reviewer', 'Rev Iewer');
    await page.locator('#reviewer').dispatchEvent('change');
    // The legend's counts follow decisions not exported yet.
    const legendCount = async (k: string) => page.locator(`.legend [data-count="${k}"]`).textContent();
    const groups = doc.mentions.filter((m) => m.type === 'group' && m.status !== 'rejected').length;
    const rejectedBefore = doc.mentions.filter((m) => m.status === 'rejected').length;
    expect(await legendCount('group')).toBe(`(${groups})`);
    await page.locator(`#text mark[data-mention-id="${taliban.id}"]`).click();
    await page.keyboard.press('r');
    expect(await page.locator(`#text mark[data-mention-id="${taliban.id}"]`).first().getAttribute('data-status')).toBe('rejected');
    expect(await legendCount('group')).toBe(`(${groups - 1})`);
    expect(await legendCount('rejected')).toBe(`(${rejectedBefore + 1})`);
    await selectText(page, added.start, added.end);
    await expect.poll(() => page.locator('#add-btn').isEnabled()).toBe(true);
    await page.selectOption('#add-type', 'group');
    await page.locator('#add-btn').click();
    const mark = page.locator('#text mark[data-status="added"]');
    expect(await mark.textContent()).toBe(added.text);
    expect(await mark.getAttribute('data-type')).toBe('group');
    expect(await legendCount('group')).toBe(`(${groups})`);
    expect(await page.locator('#pending li').count()).toBe(2);
    // Still there after a reload (localStorage).
    await openPage(page, join(out, `${ID}.html`));
    expect(await page.locator('#pending li').count()).toBe(2);
    expect(await page.locator('#text mark[data-status="added"]').textContent()).toBe(added.text);
  });

  it('exports the decisions as <doc-id>.review.json', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-btn').click()]);
    expect(download.suggestedFilename()).toBe(`${ID}.review.json`);
    exported = join(tmp, 'downloads', download.suggestedFilename());
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    expect(file).toMatchObject({ format: 'sitrep-review', version: 1, docId: ID, reviewer: 'Rev Iewer' });
    expect(file.decisions.map((d: { action: string }) => d.action).sort()).toEqual(['add', 'reject']);
  });

  it('is stored by `sitrep review apply`, which updates the output at once', () => {
    const stdout = sitrep(['review', 'apply', exported, '--reviews', 'reviews', '--out', 'out'], tmp);
    expect(stdout).toContain('stored');
    expect(stdout).toContain(`${ID}: 2 applied`);
    expect(readdirSync(reviews)).toHaveLength(1);
    const now = readDoc();
    expect(now.mentions.find((m) => m.id === taliban.id)!.status).toBe('rejected');
  });

  it('is re-applied by the next `sitrep annotate`: rejected stays rejected, added stays added, with who and when', () => {
    sitrep(annotateArgs, tmp);
    const again = readDoc();
    const rej = again.mentions.find((m) => m.id === taliban.id)!;
    expect(rej).toMatchObject({ status: 'rejected', review: { by: 'Rev Iewer' } });
    expect(rej.review!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const add = again.mentions.find((m) => m.status === 'added')!;
    expect(add).toMatchObject({ type: 'group', start: added.start, end: added.end, text: added.text, review: { by: 'Rev Iewer' } });
    expect(again.entities.find((e) => e.id === 'group:taliban')?.mentions ?? []).not.toContain(taliban.id);
  });

  it('survives an edit of the text before it', () => {
    const path = join(tmp, 'corpus', SAMPLE);
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [lines[0], '', 'Update: this briefing was revised after publication; figures below are unchanged.', ...lines.slice(1)].join('\n'));
    sitrep(annotateArgs, tmp);
    const edited = readDoc();
    const shift = edited.text.indexOf('What’s new?') - doc.text.indexOf('What’s new?');
    expect(shift).toBeGreaterThan(0);
    expect(edited.mentions.filter((m) => m.status !== 'auto').map((m) => [m.status, m.type, m.text, m.start])).toEqual(
      expect.arrayContaining([
        ['rejected', 'group', 'Taliban', taliban.start + shift],
        ['added', 'group', added.text, added.start + shift],
      ]),
    );
    expect(edited.diagnostics.filter((d) => d.ruleId.startsWith('review:'))).toEqual([]);
  });

  it('shows the applied review in the regenerated page, with nothing left pending', async () => {
    await openPage(page, join(out, `${ID}.html`));
    expect(await page.locator('#pending li').count()).toBe(0);
    expect(await page.locator('#text mark[data-status="rejected"]').first().textContent()).toBe('Taliban');
    expect(await page.locator('#text mark[data-status="added"]').first().textContent()).toBe(added.text);
  });

  it('shows review progress on the corpus page, whose filters work', async () => {
    await openPage(page, join(out, 'index.html'));
    const row = page.locator(`#docs tr[data-doc="${ID}"]`);
    expect(await row.textContent()).toMatch(/2\/\d+/);
    await page.selectOption('#f-country', 'AF');
    expect(await row.isVisible()).toBe(true);
    await page.selectOption('#f-type', 'person');
    const visible = await row.isVisible();
    expect(visible).toBe(readDoc().mentions.some((m) => m.type === 'person' && m.status !== 'rejected'));
    expect(await page.locator('#f-count').textContent()).toBe(`${visible ? 1 : 0} of 1 documents`);
  });

  it('logged no console errors and opened no dialogs', () => {
    expect(watch.problems).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
});
