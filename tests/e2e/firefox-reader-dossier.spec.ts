import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { DEMO_ARTICLE, openSourceCard } from './lib/firefox-pages';
import { until, waitReady } from './lib/page-helpers';
import { listedPassages, storedDossier } from './lib/reader-dossier';

const FIXTURES = join(import.meta.dirname, '../fixtures/reader-dossier');
const IMPORTED = 'Putin confirmed that a US delegation led by special envoy Steve Witkoff is expected to arrive in Moscow early next week.';

/** The text of the notice after choosing `file` in "Import JSON…" (waits for a new one). */
async function importFile(page: Page, file: string): Promise<{ kind: string; text: string }[]> {
  const before = await page.$eval('.rd-notice', (el) => el.textContent).catch(() => null);
  const input = (await page.$('.rd-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(join(FIXTURES, file));
  await page.waitForFunction(
    (b: string | null) => {
      const t = document.querySelector('.rd-notice')?.textContent ?? null;
      return t !== null && t !== b;
    },
    { timeout: 10_000, polling: 100 },
    before,
  );
  return page.$$eval('.rd-notice', (els) => els.map((e) => ({ kind: e.classList.contains('rd-error') ? 'error' : 'ok', text: e.textContent ?? '' })));
}

// Firefox: WebDriver BiDi cannot open extension pages, so the "Your dossier" page is reached from a source card tab
// (an extension page that may navigate itself), as in firefox-pages.ts.
describe('reader dossier in firefox', () => {
  let app: Launched;
  let site: Served;
  let dossier: Page;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite('firefox'));
    const article = await app.newPage();
    await article.goto(site.url(DEMO_ARTICLE));
    await waitReady(article);
    const { tab } = await openSourceCard(app, article, 'Peskov');
    await tab.evaluate(() => location.assign('/dossier.html'));
    await waitInPage(tab, () => location.pathname === '/dossier.html' && document.querySelector('.rd-count')?.getAttribute('data-ready') === 'true');
    dossier = tab;
    await dossier.bringToFront();
  });
  afterAll(() => closeAll(app, site));

  it('the "Your dossier" page says it is empty, and keeps everything on this device', async () => {
    expect(await dossier.$eval('.rd-count', (el) => el.textContent)).toBe('0 of 5,000 items · kept only in this browser, never sent anywhere');
    expect(await dossier.$eval('.rd-empty', (el) => el.textContent)).toMatch(/Add to Dossier…/);
  });

  it('a malformed or foreign import file shows one clear error and changes nothing; a valid one merges, once', async () => {
    const damaged = await importFile(dossier, 'export-damaged.json');
    expect(damaged).toEqual([{ kind: 'error', text: expect.stringMatching(/^This Dossier export is damaged, nothing was imported: items\[0\]\.target\.source: /) }]);
    const foreign = await importFile(dossier, 'foreign.json');
    expect(foreign).toEqual([{ kind: 'error', text: 'This file is not a Dossier export: it has no "format": "dossier-reader-dossier".' }]);
    expect(await storedDossier(dossier)).toBeUndefined();

    expect(await importFile(dossier, 'export-v1.json')).toEqual([{ kind: 'ok', text: 'Imported 1 new item and 1 new actor; 0 already here.' }]);
    await until('the imported passage is listed', async () => (await listedPassages(dossier)).includes(IMPORTED));
    expect(await importFile(dossier, 'export-v1.json')).toEqual([{ kind: 'ok', text: 'Imported 0 new items and 0 new actors; 1 already here.' }]);
    expect((await storedDossier(dossier))?.items).toHaveLength(1);
  });

  it('delete, then undo, puts the item back', async () => {
    await dossier.click('.rd-delete');
    await until('the item is gone', async () => (await listedPassages(dossier)).length === 0);
    await dossier.click('.rd-undo');
    await until('the item is back', async () => (await listedPassages(dossier)).includes(IMPORTED));
    expect((await storedDossier(dossier))?.items).toHaveLength(1);
  });
});
