import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { closeAll, launch, serve, waitInPage, type Launched, type Served } from './harness';
import { clearSettings, highlightCount, openPopupFor, storedSettings, until, waitReady } from './lib/page-helpers';

// A Reuters-style report: the Kremlin (Peskov) wants Ukraine out of Donbas; Putin, Trump, Crimea.
const ARTICLE = '/articles/000_78f937a108842e39.html';

/** Opens `url` in a new tab and waits until the content script has highlighted something. */
async function openArticle(app: Launched, url: string): Promise<Page> {
  const page = await app.newPage();
  await page.goto(url);
  await until(`highlights on ${url}`, async () => (await highlightCount(page, 'people')) > 0, 15_000);
  return page;
}

/** The tab id a popup page was opened for (`?tabId=N`). */
function tabIdIn(popup: Page): number {
  return Number(new URL(popup.url()).searchParams.get('tabId'));
}

/** Entities listed in a popup section, as [name, count]. */
function listed(popup: Page, testid: 'actors' | 'regions'): Promise<[string, number][]> {
  return popup.$$eval(`[data-testid="${testid}"] .jump`, (buttons) =>
    buttons.map((b) => [b.querySelector('.ename')?.textContent ?? '', Number(b.querySelector('.count')?.textContent)] as [string, number]),
  );
}

describe('popup in chromium', () => {
  let app: Launched;
  let site: Served;
  let other: Served;
  beforeAll(async () => {
    site = await serve();
    other = await serve(undefined, { host: 'localhost' });
    app = await launch('chromium');
  });
  // A failed test must not leave a category or a site switched off for the next one.
  afterEach(() => clearSettings(app));
  afterAll(() => closeAll(app, site, other));

  it('the toolbar badge shows the number of entities the popup lists; the Advanced switch turns it off and on', async () => {
    const url = site.url(ARTICLE);
    const page = await openArticle(app, url);
    const popup = await openPopupFor(app, url);
    await popup.waitForSelector('[data-testid="actors"] .jump', { timeout: 15_000 });
    const distinct = (await listed(popup, 'actors')).length + (await listed(popup, 'regions')).length;
    expect((await popup.$eval('[data-testid="totals"]', (el) => el.textContent ?? '')).match(/\d+/g)?.map(Number)[1]).toBe(distinct);
    // The toolbar badge shows the number of entities; the Advanced switch turns it off and on.
    const badgeText = () =>
      popup.evaluate(async (id) => {
        const api = (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome;
        return api.action.getBadgeText({ tabId: id });
      }, tabIdIn(popup));
    await until('badge shows the entity count', async () => (await badgeText()) === String(distinct));
    await popup.click('.advanced summary');
    await popup.click('#badge');
    await until('badge cleared', async () => (await badgeText()) === '');
    await popup.click('#badge');
    await until('badge back', async () => (await badgeText()) === String(distinct));
    await popup.close();
    await page.close();
  });

  it('"off for this site" stops highlighting on that origin only, and back on restores it', async () => {
    const here = site.url(ARTICLE); // 127.0.0.1
    const there = other.url(ARTICLE); // localhost
    const pageHere = await openArticle(app, here);
    const pageThere = await openArticle(app, there);

    const popup = await openPopupFor(app, here);
    const siteButton = await popup.waitForSelector('button[data-action="site"]');
    expect(await siteButton!.evaluate((b) => b.textContent)).toContain('127.0.0.1');
    await siteButton!.click();
    await until('highlights gone on 127.0.0.1', async () => (await highlightCount(pageHere, 'people')) + (await highlightCount(pageHere, 'regions')) === 0);
    expect(await highlightCount(pageThere, 'people')).toBeGreaterThan(0);

    // Still off after a reload, still on elsewhere.
    await pageHere.reload();
    // The content script says it read the settings and stays off here, then the count is checked.
    await waitInPage(pageHere, () => document.documentElement.getAttribute('data-dossier') === 'disabled');
    expect(await highlightCount(pageHere, 'people')).toBe(0);
    await popup.waitForSelector('[data-status="disabled"]', { timeout: 5_000 });

    await (await popup.waitForSelector('button[data-action="site"]'))!.click();
    await until('highlights back on 127.0.0.1', async () => (await highlightCount(pageHere, 'people')) > 0, 10_000);
    await popup.close();
    await pageHere.close();
    await pageThere.close();
  });

  it('clicking an entity scrolls the page to it', async () => {
    const url = site.url(ARTICLE);
    const page = await openArticle(app, url);
    // Make the page long enough that the last paragraphs are off screen.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('afterbegin', '<div style="height: 3000px" data-spacer></div>');
      window.scrollTo(0, 0);
    });
    await waitReady(page);
    const popup = await openPopupFor(app, url);
    const button = await popup.waitForSelector('[data-testid="regions"] .jump[data-entity]', { timeout: 15_000 });
    await button!.click();
    await until('page scrolled', async () => (await page.evaluate(() => window.scrollY)) > 1000, 5_000);
    await popup.close();
    await page.close();
  });

  it('lists the "Not this" choices and undoes them one by one', async () => {
    const url = site.url(ARTICLE);
    const page = await openArticle(app, url);
    const popup = await openPopupFor(app, url);
    type Store = { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
    // Written as the single object of older versions: the open popup moves it into per-key storage and shows it.
    await popup.evaluate(() =>
      (globalThis as unknown as Store).chrome.storage.local.set({
        settings: { excludedAliases: ['Peskov'], ignoredMatches: [{ site: '127.0.0.1', text: 'Kremlin' }] },
      }),
    );
    await popup.waitForSelector('.not-this li');
    const rows = () => popup.$$eval('.not-this li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(await rows()).toEqual([expect.stringContaining('Peskov'), expect.stringContaining('Kremlin')]);
    await popup.click('.not-this li:first-child .undo');
    await until('one row left', async () => (await rows()).length === 1);
    expect((await rows())[0]).toContain('on 127.0.0.1');
    await popup.click('.not-this li .undo');
    await popup.waitForSelector('.not-this', { hidden: true });
    expect(await storedSettings(popup)).toMatchObject({ excludedAliases: [], ignoredMatches: [] });
    await popup.close();
    await page.close();
  });

  it('briefs where the sources disagree, versions side by side, and its plain source links open the source card', async () => {
    const popup = await app.newPage();
    await popup.goto(app.extensionUrl('/popup.html'));
    await popup.waitForSelector('[role="tab"]');
    await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent?.includes('Briefing'))!.click());
    const trump = await popup.waitForSelector('[data-disagreement="trump-title"]');
    const versions = await trump!.$$eval('.version', (els) => els.map((v) => [v.querySelector('.vvalue')!.textContent, v.getBoundingClientRect().top, v.getBoundingClientRect().left]));
    expect(versions.map((v) => v[0])).toEqual(['U.S. President', 'former U.S. President']);
    // Side by side: same row, second to the right of the first.
    expect(versions[0]![1]).toBe(versions[1]![1]);
    expect(Number(versions[1]![2])).toBeGreaterThan(Number(versions[0]![2]));
    expect(await trump!.$eval('.differs', (el) => el.textContent)).toBe('Sources differ');
    // An extension page may link to sources.html: a plain link opens it (no message to the background needed).
    const created = app.browser.waitForTarget((t) => t.type() === 'page' && t.url().includes('/sources.html?id=bbc-putin-india-today'), { timeout: 10_000 });
    await trump!.$eval('.version:nth-child(2) a', (a) => (a as HTMLAnchorElement).click());
    const card = (await (await created).page())!;
    const excerpt = await waitInPage(card, () => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.textContent ?? null);
    expect(excerpt).toContain('former U.S. President Donald Trump');
    await card.close();
    await popup.close();
  });

  it('says plainly when the tab is a browser page', async () => {
    const page = await app.newPage();
    await page.goto('chrome://version');
    const popup = await openPopupFor(app, 'chrome://version/');
    const status = await popup.waitForSelector('[data-status="restricted"]');
    expect(await status!.evaluate((el) => el.textContent)).toMatch(/browser’s own pages/);
    // With nothing to summarise, the briefing is shown.
    expect(await popup.$eval('[role="tab"][aria-selected="true"]', (el) => el.textContent)).toContain('Briefing');
    await popup.close();
    await page.close();
  });
});
