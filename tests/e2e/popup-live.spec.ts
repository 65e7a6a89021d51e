import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, type BrowserKind, type Launched, type Served } from './harness';
import { openExtensionTab, openPopupTab } from './lib/extension-pages';
import { highlightCount, patchSettings, resetSettings, storedSettings, until, waitReady } from './lib/page-helpers';

// The popup and the settings it writes, applied live to an open tab, in both browsers. A Reuters-style report: the
// Kremlin (Peskov) wants Ukraine out of Donbas; Putin, Trump, Crimea.
const ARTICLE = '/articles/000_78f937a108842e39.html';

/** Entities listed in a popup section, as [name, count]. */
function listed(popup: Page, testid: 'actors' | 'regions'): Promise<[string, number][]> {
  return popup.$$eval(`[data-testid="${testid}"] .jump`, (buttons) =>
    buttons.map((b) => [b.querySelector('.ename')?.textContent ?? '', Number(b.querySelector('.count')?.textContent)] as [string, number]),
  );
}

describe.each<BrowserKind>(['chromium', 'firefox'])('popup and live settings in %s', (kind) => {
  let app: Launched;
  let site: Served;
  let settingsTab: Page; // an extension page, to reset settings between tests
  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind));
    settingsTab = await openExtensionTab(app, site);
  });
  // A failed test must not leave a category or the pause on for the next one.
  afterEach(() => resetSettings(settingsTab));
  afterAll(() => closeAll(app, site));

  /**
   * Opens the article in a new tab and waits until the page reports it is ready (every mention found: the screen's
   * highlights come before the rest, so a count read earlier may be partial) and something is highlighted.
   */
  async function openArticle(): Promise<Page> {
    const page = await app.newPage();
    await page.goto(site.url(ARTICLE));
    await waitReady(page);
    await until('highlights on the article', async () => (await highlightCount(page, 'people')) > 0, 15_000);
    return page;
  }

  it('lists the actors and regions of a news page with their counts', async () => {
    const page = await openArticle();
    const popup = await openPopupTab(app, site, page.url());
    await popup.waitForSelector('[data-testid="actors"] .jump', { timeout: 15_000 });

    const actors = new Map(await listed(popup, 'actors'));
    const regions = new Map(await listed(popup, 'regions'));
    // The article writes "Peskov" 5 times, "Putin" and "Trump" 4 times, "Donbas" 6 times, "Crimea" once.
    expect(actors.get('Dmitry Peskov')).toBeGreaterThanOrEqual(5);
    expect(actors.get('Vladimir Putin')).toBeGreaterThanOrEqual(4);
    expect(actors.get('Donald Trump')).toBeGreaterThanOrEqual(4);
    expect(regions.get('Donbas')).toBeGreaterThanOrEqual(6);
    expect(regions.get('Crimea')).toBeGreaterThanOrEqual(1);
    const counts = [...actors.values()];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const totals = await popup.$eval('[data-testid="totals"]', (el) => el.textContent ?? '');
    const [total, distinct] = (totals.match(/\d+/g) ?? []).map(Number);
    expect(distinct).toBe(actors.size + regions.size);
    expect(total).toBe([...actors.values(), ...regions.values()].reduce((a, b) => a + b, 0));
    // What is demanded about Donbas: withdrawal.
    expect(await popup.$eval('[data-testid="regions"]', (el) => el.textContent ?? '')).toMatch(/withdraw/i);
    await popup.close();
    await page.close();
  });

  it('turning a category off removes its highlights at once, and it stays off after a reload', async () => {
    const page = await openArticle();
    const regionsBefore = await highlightCount(page, 'regions');
    expect(regionsBefore).toBeGreaterThan(0);

    const popup = await openPopupTab(app, site, page.url());
    await popup.waitForSelector('#cat-people');
    await popup.click('#cat-people');
    await until('people highlights removed', async () => (await highlightCount(page, 'people')) === 0, 5_000);
    expect(await highlightCount(page, 'regions')).toBe(regionsBefore);

    await page.reload();
    await until('regions highlighted after reload', async () => (await highlightCount(page, 'regions')) > 0, 15_000);
    expect(await highlightCount(page, 'people')).toBe(0);

    await popup.click('#cat-people');
    await until('people highlights back', async () => (await highlightCount(page, 'people')) > 0, 5_000);
    await popup.close();
    await page.close();
  });

  it('turning "Regions" off in the popup removes region highlights in the open tab at once, and on brings them back', async () => {
    const page = await openArticle();
    const popup = await openPopupTab(app, site, page.url());
    await popup.waitForSelector('#cat-regions', { timeout: 15_000 });
    const before = { regions: await highlightCount(page, 'regions'), people: await highlightCount(page, 'people') };
    expect(before.regions).toBeGreaterThan(0);
    await popup.click('#cat-regions');
    await until('region highlights removed', async () => (await highlightCount(page, 'regions')) === 0, 5_000);
    expect(await highlightCount(page, 'people')).toBe(before.people);
    expect(await storedSettings(popup)).toMatchObject({ categories: { regions: false, people: true } });

    await popup.click('#cat-regions');
    await until('region highlights back', async () => (await highlightCount(page, 'regions')) === before.regions, 5_000);
    await popup.close();
    await page.close();
  });

  it('settings written to storage from an extension page reach the open tab: regions off, then pause everywhere', async () => {
    const page = await openArticle();
    const people = await highlightCount(page, 'people');
    await patchSettings(settingsTab, { categories: { people: true, organisations: true, regions: false, quotes: true } });
    await until('region highlights removed', async () => (await highlightCount(page, 'regions')) === 0, 5_000);
    expect(await highlightCount(page, 'people')).toBe(people);

    await patchSettings(settingsTab, { paused: true });
    await until('every highlight removed', async () => (await highlightCount(page, 'people')) + (await highlightCount(page, 'organisations')) === 0, 5_000);
    await page.close();
  });
});
