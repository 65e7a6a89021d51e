import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { openReady, until } from './lib/page-helpers';
import { clickAddToDossier, listedPassages, selectText, storedDossier, waitForDialog } from './lib/reader-dossier';

// The Reuters report of the demo site; the sentence is verbatim from assets/articles/000_78f937a108842e39.txt.
const ARTICLE = '/articles/000_78f937a108842e39.html';
const SENTENCE = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';

describe('reader dossier in Chromium', () => {
  let app: Launched;
  let site: Served;
  let dossierPage: Page;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite('chromium'));
    dossierPage = await app.newPage();
    await dossierPage.goto(app.extensionUrl('/dossier.html'));
  });
  afterAll(() => closeAll(app, site));

  it('select a sentence → "Add to Dossier…" → dialog → Putin → Save: the item is on the "Your dossier" page', async () => {
    const page = await openReady(app, site.url(ARTICLE));
    await page.bringToFront();
    await selectText(page, SENTENCE);
    await clickAddToDossier(app, site.url(ARTICLE), SENTENCE);
    await waitForDialog(page);
    // The dialog has focus on its actor search: the reader types, picks the first match, and saves.
    await page.keyboard.type('Putin');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // from the kind (Quote) to the note
    await page.keyboard.type('no call planned');
    await page.keyboard.press('Tab'); // to Save
    await page.keyboard.press('Enter');
    await until('the item is stored', async () => ((await storedDossier(dossierPage))?.items.length ?? 0) === 1);
    const stored = (await storedDossier(dossierPage))!;
    expect(stored.items[0]).toMatchObject({ kind: 'quote', actor: { type: 'bundled', id: 'vladimir-putin' }, target: { source: site.url(ARTICLE), site: '127.0.0.1' } });
    expect(stored.items[0]!.target.selector[0].exact).toBe(SENTENCE);

    await dossierPage.bringToFront();
    await until('the page lists it', async () => (await listedPassages(dossierPage)).includes(SENTENCE));
    const meta = await dossierPage.$eval('.rd-item', (el) => (el as HTMLElement).innerText);
    expect(meta).toContain('Vladimir Putin');
    expect(meta).toContain('no call planned');
    // The dialog closes itself after saving.
    await waitInPage(page, () => document.querySelector('dossier-save-dialog') === null);
    await page.close();
  });
});
