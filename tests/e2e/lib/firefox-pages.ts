/**
 * Firefox end-to-end helpers. WebDriver BiDi refuses to navigate a tab to moz-extension://, so these reach the
 * extension's own pages the way a user does: hover a mention, click the source link in the popover (the background
 * opens the source card in a new tab). That tab is an extension page: it can read and write `browser.storage.local`,
 * and it may navigate itself to popup.html (a page's own navigation is not refused, only BiDi's).
 */
import type { Page } from 'puppeteer-core';
import { waitInPage, type Launched, type Served } from '../harness';
import { tabIdOf, waitReady } from './page-helpers';
import { inCard, waitInCard } from './card';

/** The demo article (Reuters: the Kremlin, Dmitry Peskov, Donbas, Putin, Trump, Crimea), served by `serve()`. */
export const DEMO_ARTICLE = '/articles/000_78f937a108842e39.html';

/** The centre of the `nth` occurrence of `word` in the page text, scrolled into view; null when absent. */
async function locate(page: Page, word: string, nth: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (w: string, n: number) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('dossier-popover')) continue;
        let at = node.textContent!.indexOf(w);
        while (at >= 0) {
          if (seen++ === n) {
            node.parentElement!.scrollIntoView({ block: 'center' });
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + w.length);
            const r = range.getClientRects()[0]!;
            return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
          }
          at = node.textContent!.indexOf(w, at + 1);
        }
      }
      return null;
    },
    word,
    nth,
  );
}

/** What the open popover shows: its dialog's label and visible text. */
export interface Card {
  label: string;
  text: string;
}

/**
 * Moves the pointer onto `word` (its `nth` occurrence) until a popover opens, retrying while the page is scanned;
 * with `label`, until the popover carries that aria-label. Returns the card.
 */
export async function hoverCard(page: Page, word: string, opts: { nth?: number; label?: string } = {}): Promise<Card> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const at = await locate(page, word, opts.nth ?? 0);
    if (!at) throw new Error(`"${word}" not on the page`);
    await page.mouse.move(at.x - 40, at.y + 70);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const card = await waitInCard(
      page,
      (root, label) => {
        const d = root.querySelector<HTMLElement>('[role="dialog"]');
        if (!d || (label !== null && d.getAttribute('aria-label') !== label)) return null;
        return { label: d.getAttribute('aria-label') ?? '', text: d.innerText };
      },
      1500,
      opts.label ?? null,
    ).catch(() => null);
    if (card) return card;
  }
  throw new Error(`no popover after hovering "${word}"${opts.label ? ` (wanted ${opts.label})` : ''}`);
}

/**
 * The tab now showing an extension page (BiDi may still report it as about:blank, so ask each tab where it is),
 * other than the tabs in `skip` (those open before a click that opens a new one).
 */
export async function findExtensionTab(app: Launched, path: string, skip: ReadonlySet<Page> = new Set(), timeout = 10_000): Promise<Page> {
  const prefix = app.extensionUrl(path);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const p of await app.browser.pages()) {
      if (skip.has(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(prefix) && (await p.evaluate(() => document.readyState === 'complete').catch(() => false))) return p;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab showing ${prefix} within ${timeout} ms`);
}

/**
 * Opens the source card of the first quotation in the popover of `word` by clicking its link, as a user does;
 * returns the new tab (an extension page) and the link it followed. `page` must already be highlighted.
 */
export async function openSourceCard(app: Launched, page: Page, word: string): Promise<{ tab: Page; href: string; outlet: string }> {
  await hoverCard(page, word);
  const link = await inCard(page, (root) => {
    const a = root.querySelector<HTMLAnchorElement>('.dp-quote a');
    if (!a) return null;
    a.scrollIntoView({ block: 'nearest' }); // the card scrolls inside when it is taller than the room
    const r = a.getBoundingClientRect();
    return { href: a.href, outlet: a.textContent ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  if (!link) throw new Error(`the popover of "${word}" has no quotation with a source link`);
  await page.mouse.move(link.x, link.y, { steps: 3 });
  const before = new Set(await app.browser.pages());
  await page.mouse.click(link.x, link.y);
  const tab = await findExtensionTab(app, '/sources.html', before);
  return { tab, href: link.href, outlet: link.outlet };
}

/**
 * Turns an extension tab into the popup for the tab showing `url` (the popup takes `?tabId=`, as in the Chromium
 * tests): the extension page navigates itself, which Firefox allows. Returns the same tab, now the popup.
 */
export async function showPopupFor(app: Launched, extensionPage: Page, url: string): Promise<Page> {
  const tabId = await tabIdOf(extensionPage, url);
  await extensionPage.evaluate((id) => location.assign(`/popup.html?tabId=${id}`), tabId);
  return findExtensionTab(app, `/popup.html?tabId=${tabId}`);
}

/**
 * The "Your dossier" page, reached from a source card tab that navigates itself there (BiDi cannot open extension
 * pages), loaded and ready; `article` is the demo article the source card was opened from.
 */
export async function openDossierPage(app: Launched, site: Served): Promise<{ dossier: Page; article: Page }> {
  const article = await app.newPage();
  await article.goto(site.url(DEMO_ARTICLE));
  await waitReady(article);
  const { tab } = await openSourceCard(app, article, 'Peskov');
  await tab.evaluate(() => location.assign('/dossier.html'));
  await waitInPage(tab, () => location.pathname === '/dossier.html' && document.querySelector('.rd-count')?.getAttribute('data-ready') === 'true');
  return { dossier: tab, article };
}
