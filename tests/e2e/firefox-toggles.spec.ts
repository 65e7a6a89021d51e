import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launch, serve, type Launched, type Served } from './harness';
import { DEMO_ARTICLE, openSourceCard, showPopupFor } from './lib/firefox-pages';
import { highlightCount, patchSettings, resetSettings, storedSettings, until, waitReady } from './lib/page-helpers';

// Settings applied live in real Firefox. BiDi cannot navigate to moz-extension://, so the popup is reached as a user
// reaches an extension page: the popover's source link opens the source card (an extension tab), which then opens
// popup.html?tabId=N for the article's tab, the way the Chromium popup tests open it.
describe('toggles applied live in firefox', () => {
  let app: Launched;
  let site: Served;
  let article: Page;
  let popup: Page;

  beforeAll(async () => {
    site = await serve();
    app = await launch('firefox');
    article = await app.newPage();
    await article.goto(site.url(DEMO_ARTICLE));
    await waitReady(article);
    const { tab } = await openSourceCard(app, article, 'Peskov');
    popup = await showPopupFor(app, tab, article.url());
    await popup.waitForSelector('#cat-regions', { timeout: 15_000 });
  });
  // A failed test must not leave a category or the pause on for the next one.
  afterEach(async () => {
    await resetSettings(popup);
    await until('all categories back', async () => (await highlightCount(article, 'regions')) > 0 && (await highlightCount(article, 'people')) > 0);
  });
  afterAll(() => closeAll(app, site));

  it('the popup summarises the article: Peskov, Putin, Donbas and Crimea with their counts', async () => {
    const rows = async (testid: string) =>
      new Map(
        await popup.$$eval(`[data-testid="${testid}"] .jump`, (buttons) =>
          buttons.map((b) => [b.querySelector('.ename')?.textContent ?? '', Number(b.querySelector('.count')?.textContent)] as [string, number]),
        ),
      );
    await popup.waitForSelector('[data-testid="actors"] .jump', { timeout: 15_000 });
    const actors = await rows('actors');
    const regions = await rows('regions');
    expect(actors.get('Dmitry Peskov')).toBeGreaterThanOrEqual(5);
    expect(actors.get('Vladimir Putin')).toBeGreaterThanOrEqual(4);
    expect(regions.get('Donbas')).toBeGreaterThanOrEqual(6);
    expect(regions.get('Crimea')).toBeGreaterThanOrEqual(1);
  });

  it('turning "Regions" off in the popup removes region highlights in the open tab at once, and on brings them back', async () => {
    const before = { regions: await highlightCount(article, 'regions'), people: await highlightCount(article, 'people') };
    expect(before.regions).toBeGreaterThan(0);
    await popup.click('#cat-regions');
    await until('region highlights removed', async () => (await highlightCount(article, 'regions')) === 0, 5_000);
    expect(await highlightCount(article, 'people')).toBe(before.people);
    expect(await storedSettings(popup)).toMatchObject({ categories: { regions: false, people: true } });

    await popup.click('#cat-regions');
    await until('region highlights back', async () => (await highlightCount(article, 'regions')) === before.regions, 5_000);
  });

  it('settings written to storage from an extension page reach the open tab: regions off, then pause everywhere', async () => {
    const people = await highlightCount(article, 'people');
    await patchSettings(popup, { categories: { people: true, organisations: true, regions: false, quotes: true } });
    await until('region highlights removed', async () => (await highlightCount(article, 'regions')) === 0, 5_000);
    expect(await highlightCount(article, 'people')).toBe(people);

    await patchSettings(popup, { paused: true });
    await until('every highlight removed', async () => (await highlightCount(article, 'people')) + (await highlightCount(article, 'organisations')) === 0, 5_000);
  });
});
