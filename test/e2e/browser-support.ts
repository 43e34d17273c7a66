import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../support/annotate.js';

/** Debian's Chromium (test/support/system-deps.sh installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';
export const CLI = join(ROOT, 'dist', 'cli.js');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run test/support/system-deps.sh as root (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** Run the built CLI (`npm run build` first) in `cwd`; returns stdout, throws with stderr on a non-zero exit. */
export function sitrep(args: string[], cwd: string): string {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  try {
    const env = { ...process.env };
    delete env.SITREP_REVIEWS;
    return execFileSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', stdio: 'pipe', env });
  } catch (err) {
    const e = err as { status?: number; stderr?: string; stdout?: string };
    throw new Error(`sitrep ${args.join(' ')} exited ${e.status}: ${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

/** What a page did that it should not: console errors, uncaught exceptions, dialogs, requests off the file system. */
export interface PageWatch {
  problems: string[];
  dialogs: string[];
}

export function watchPage(page: Page, watch: PageWatch = { problems: [], dialogs: [] }): PageWatch {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!/^(file|blob|data):/.test(r.url())) watch.problems.push(`network request: ${r.url()}`);
  });
  return watch;
}

/** Open a generated page from the file system and wait for its script to be ready; the path is URL-encoded (output names hold `%`). */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(pathToFileURL(path).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
}

/** Select `[start, end)` of the article text in the page, as a reviewer dragging the mouse would. */
export async function selectText(page: Page, start: number, end: number): Promise<void> {
  await page.evaluate(
    ([s, e]) => {
      const root = document.getElementById('text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let at = 0;
      let started = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n as Text).data.length;
        if (!started && s < at + len) {
          range.setStart(n, s - at);
          started = true;
        }
        if (started && e <= at + len) {
          range.setEnd(n, e - at);
          break;
        }
        at += len;
      }
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    [start, end] as const,
  );
}
