/** Touch has no hover: a tap on a highlighted name opens its card, a tap elsewhere closes it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { waitReady } from './lib/page-helpers';
import { waitInCard } from './lib/card';

describe('touch in chromium', () => {
  let app: Launched;
  let site: Served;
  beforeAll(async () => ({ app, site } = await launchWithSite('chromium')));
  afterAll(() => closeAll(app, site));

  it('a tap on a mention opens its card; a tap outside closes it', async () => {
    const page = await app.newPage();
    await page.setViewport({ width: 412, height: 860, hasTouch: true, isMobile: true });
    await page.goto(site.url('/articles/000_78f937a108842e39.html'));
    await waitReady(page);
    const point = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('Peskov');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Peskov'.length);
        node.parentElement!.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    });
    expect(point).not.toBeNull();
    await page.touchscreen.tap(point!.x, point!.y);
    const label = await waitInCard(page, (root) => root.querySelector('[role="dialog"]')?.getAttribute('aria-label'));
    expect(label).toBe('Dossier: Dmitry Peskov (Person)');

    // A tap on plain page text (the footer: no mention, no link), away from the card, closes it.
    const url = page.url();
    const outside = await page.evaluate(() => {
      const footer = document.querySelector('footer')!;
      footer.scrollIntoView({ block: 'center' });
      const r = footer.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + r.height / 2 };
    });
    expect(await page.evaluate((x, y) => document.elementFromPoint(x, y)?.tagName, outside.x, outside.y)).toBe('FOOTER');
    await page.touchscreen.tap(outside.x, outside.y);
    await waitInPage(page, () => !document.querySelector('dossier-popover'));
    expect(page.url()).toBe(url);
    await page.close();
  });
});
