import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { inCard, waitInCard } from './lib/card';
import { DEMO_ARTICLE } from './lib/firefox-pages';
import { openPopupFor, waitReady } from './lib/page-helpers';
import { openCard, servePopoverPages } from './lib/popover-pages';

/**
 * prefers-reduced-motion: reduce (emulated in Chromium). Nothing of Dossier's moves: no animation or transition on any
 * element of the card, the popup, the tracker or a source card, and a jump to a mention lands at once, even on a page
 * that asks for smooth scrolling.
 */

/** Elements of `root` (a document or the card's shadow root) with an animation, a transition or smooth scrolling. */
const MOVING = (root: Document | ShadowRoot) => {
  const moving: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      const durations = [...cs.transitionDuration.split(','), ...cs.animationDuration.split(',')].map((d) => parseFloat(d));
      const animated = cs.animationName !== 'none' && durations.some((d) => d > 0);
      const transitioned = cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
      if (animated || transitioned || cs.scrollBehavior === 'smooth') moving.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}`);
    }
  }
  return moving;
};

async function reduced(page: Page): Promise<void> {
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
}

describe('reduced motion in chromium', () => {
  let app: Launched;
  let site: Served;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite('chromium', {}, servePopoverPages));
  });
  afterAll(() => closeAll(app, site));

  it('nothing moves in the card, the popup, the tracker, a source card or the Your dossier page, even with a transition added', async () => {
    const p = await app.newPage();
    await reduced(p);
    await p.goto(site.url('/plain.html'));
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    expect(await p.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    expect(await inCard(p, MOVING)).toEqual([]);

    const article = await app.newPage();
    await article.goto(site.url(DEMO_ARTICLE));
    await waitReady(article);
    const popup = await openPopupFor(app, site.url(DEMO_ARTICLE));
    await reduced(popup);
    await waitInPage(popup, () => !!document.querySelector('[data-testid="actors"] .jump'));
    const pages: [Page, string][] = [[popup, 'popup']];
    for (const path of ['/tracker.html', '/sources.html', '/dossier.html']) {
      const page = await app.newPage();
      await reduced(page);
      await page.goto(app.extensionUrl(path));
      await waitInPage(page, () => document.querySelectorAll('main *').length > 3);
      pages.push([page, path]);
    }
    for (const [page, name] of pages) {
      // A transition and an animation on every element, as a later style might add: reduced motion turns them off.
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = '@keyframes spin { to { transform: rotate(1turn); } } * { transition: opacity 0.3s; animation: spin 1s infinite; }';
        document.head.append(style);
      });
      const moving = await page.evaluate(`(${MOVING.toString()})(document)`);
      expect({ name, moving }).toEqual({ name, moving: [] });
    }
    for (const page of [p, article, ...pages.map(([page]) => page)]) await page.close();
  });

  it('a jump to a mention lands at once, also on a page that scrolls smoothly', async () => {
    const p = await app.newPage();
    await reduced(p);
    await p.goto(site.url(DEMO_ARTICLE));
    await waitReady(p);
    await p.bringToFront();
    await p.evaluate(() => {
      document.documentElement.style.scrollBehavior = 'smooth';
      // At the top: the previous mention is the last of the page, far below.
      window.scrollTo({ top: 0, behavior: 'instant' as ScrollBehavior });
    });
    const start = await p.evaluate(() => window.scrollY);
    const worker = await (await app.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'))).worker();
    // The scroll positions from the command on, one per frame, until the card has focus.
    await p.evaluate(() => {
      const w = window as unknown as { positions: number[] };
      w.positions = [];
      const record = () => {
        w.positions.push(window.scrollY);
        if (w.positions.length < 120) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await worker!.evaluate(() => {
      (globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(n: string): void } } } }).chrome.commands.onCommand.dispatch('prev-mention');
    });
    await waitInCard(p, (root) => root.activeElement?.getAttribute('role') === 'dialog');
    const landed = await p.evaluate(() => window.scrollY);
    expect(landed).toBeGreaterThan(start + 500);
    // Every frame is either before the jump or at the place it lands: no position in between, so no animation.
    await waitInPage(p, () => (window as unknown as { positions: number[] }).positions.length >= 120);
    const positions = await p.evaluate(() => (window as unknown as { positions: number[] }).positions);
    expect(positions.filter((y) => y !== start && y !== landed)).toEqual([]);
    await p.close();
  });
});
