import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, FIXTURES_DIR, launch, serve, waitInPage, type Launched, type Served } from './harness';
import { DEMO_ARTICLE, hoverCard, openDossierPage } from './lib/firefox-pages';
import { until, waitReady } from './lib/page-helpers';
import { listedPassages, readyFrame, selectText, storedDossier, waitForDialog } from './lib/reader-dossier';
import { contextMenuAddToDossier, contextMenuState, SYSTEM_ACCESS_FLAG } from './lib/reader-dossier-firefox';

// Verbatim from assets/articles/000_78f937a108842e39.txt, the demo article.
const SENTENCE = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';

// The save flow in Firefox ESR from the reader's gesture: a right-click on the selection opens Firefox's own context
// menu (the test reaches it in the browser's window, see lib/reader-dossier-firefox.ts), "Add to Dossier…" opens the
// dialog in the page, the dialog is driven by keyboard, and the item is stored, listed and recognised elsewhere.
describe('reader dossier: the save flow in firefox', () => {
  let app: Launched;
  let site: Served;
  let dossier: Page;

  beforeAll(async () => {
    site = await serve();
    app = await launch('firefox', { firefoxArgs: [SYSTEM_ACCESS_FLAG] });
    let article: Page;
    ({ dossier, article } = await openDossierPage(app, site));
    await article.close();
  });
  afterAll(() => closeAll(app, site));

  it('select a sentence → context menu → "Add to Dossier…" → dialog → Putin → Save: stored with its provenance', async () => {
    expect(await storedDossier(dossier)).toBeUndefined();
    const page = await app.newPage();
    await page.goto(site.url(DEMO_ARTICLE));
    await waitReady(page);
    await page.bringToFront();
    await selectText(page, SENTENCE);
    expect(await contextMenuAddToDossier(app, page)).toBe('Add to Dossier…');
    await waitForDialog(page);
    await page.keyboard.type('Putin');
    await page.keyboard.press('Enter'); // the first match; the kind is Quote
    await page.keyboard.press('Tab'); // the note
    await page.keyboard.type('said in Firefox');
    await page.keyboard.press('Tab'); // Save
    await page.keyboard.press('Enter');
    await waitInPage(page, () => document.querySelector('dossier-save-dialog') === null);

    await until('the page lists it', async () => (await listedPassages(dossier)).includes(SENTENCE));
    const stored = (await storedDossier(dossier))!;
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toMatchObject({ kind: 'quote', actor: { type: 'bundled', id: 'vladimir-putin' }, target: { source: site.url(DEMO_ARTICLE), site: '127.0.0.1' } });
    expect(stored.items[0]!.target.selector[0].exact).toBe(SENTENCE);
    await page.close();
  });

  it('the saved quotation is recognised on another page that quotes it reworded', async () => {
    const page = await app.newPage();
    await page.goto(site.url('/reader-dossier-reworded.html'));
    await waitReady(page);
    await page.bringToFront();
    const card = await hoverCard(page, 'discussed', { label: 'Dossier: Your saved quotation (Quote)' });
    expect(card.text).toContain('From your dossier');
    await page.close();
  });

  it('a page cannot start a save: its synthetic context menu and shortcut open no menu and no dialog', async () => {
    const page = await app.newPage();
    await page.goto(site.url(DEMO_ARTICLE));
    await waitReady(page);
    await page.bringToFront();
    await selectText(page, SENTENCE);
    await page.evaluate(() => {
      const key = { key: 'D', code: 'KeyD', altKey: true, shiftKey: true, bubbles: true };
      document.dispatchEvent(new KeyboardEvent('keydown', key));
      document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, button: 2 }));
    });
    expect(await contextMenuState(app, page)).toBe('closed');
    expect(await page.evaluate(() => document.querySelector('dossier-save-dialog'))).toBeNull();
    // The reader's own right-click then works at once: the listener was there, and the page's events did nothing.
    expect(await contextMenuAddToDossier(app, page)).toBe('Add to Dossier…');
    await waitForDialog(page);
    await page.keyboard.press('Escape');
    await waitInPage(page, () => document.querySelector('dossier-save-dialog') === null);
    expect((await storedDossier(dossier))!.items).toHaveLength(1);
    await page.close();
  });

  it('a selection in a cross-origin frame: the dialog opens in the frame, and the frame is the provenance', async () => {
    const other = await serve(FIXTURES_DIR, { host: 'localhost' });
    try {
      const frameUrl = other.url(DEMO_ARTICLE);
      const page = await app.newPage();
      await page.goto(site.url(`/reader-dossier-frames.html?frame=${encodeURIComponent(frameUrl)}`));
      await waitReady(page);
      await page.bringToFront();
      const frame = await readyFrame(page, frameUrl);
      await selectText(frame, SENTENCE);
      expect(await contextMenuAddToDossier(app, page, frame)).toBe('Add to Dossier…');
      await waitForDialog(frame);
      expect(await page.evaluate(() => document.querySelector('dossier-save-dialog'))).toBeNull(); // not in the top frame
      await page.keyboard.type('Putin');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab'); // the note
      await page.keyboard.press('Tab'); // Save
      await page.keyboard.press('Enter');
      await until('the item is stored', async () => ((await storedDossier(dossier))?.items.length ?? 0) === 2);
      const item = (await storedDossier(dossier))!.items.find((i) => i.target.source === frameUrl);
      expect(item).toMatchObject({ actor: { type: 'bundled', id: 'vladimir-putin' }, target: { site: 'localhost' } });
      expect(item!.target.selector[0].exact).toBe(SENTENCE);
      await page.close();
    } finally {
      await other.close();
    }
  });
});
