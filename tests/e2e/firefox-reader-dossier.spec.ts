import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { waitInCard } from './lib/card';
import { DEMO_ARTICLE, hoverCard, openDossierPage } from './lib/firefox-pages';
import { until, waitReady } from './lib/page-helpers';
import { listedPassages, savedOnPage, storedDossier } from './lib/reader-dossier';

const FIXTURES = join(import.meta.dirname, '../fixtures/reader-dossier');
const IMPORTED = 'Putin confirmed that a US delegation led by special envoy Steve Witkoff is expected to arrive in Moscow early next week.';

/** The text of the notice after choosing `file` in "Import JSON…" (waits for a new one). */
async function importFile(page: Page, file: string, dir = FIXTURES): Promise<{ kind: string; text: string }[]> {
  const before = await page.$eval('.rd-notice', (el) => el.textContent).catch(() => null);
  const input = (await page.$('.rd-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(join(dir, file));
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
    ({ dossier } = await openDossierPage(app, site));
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

  it('on a page that changed since the save, the reworded passage is found and marked, a vanished one is not found', async () => {
    const url = site.url('/reader-dossier-reworded.html');
    const article = readFileSync(join(import.meta.dirname, '../../assets/articles/000_78f937a108842e39.txt'), 'utf8');
    const item = (id: string, exact: string) => {
      const start = article.indexOf(exact);
      return {
        id,
        actor: { type: 'bundled', id: 'dmitry-peskov' },
        kind: 'reported',
        target: {
          source: url,
          title: 'Kremlin says',
          site: '127.0.0.1',
          selector: [
            { type: 'TextQuoteSelector', exact, prefix: article.slice(start - 32, start), suffix: article.slice(start + exact.length, start + exact.length + 32) },
            { type: 'TextPositionSelector', start, end: start + exact.length },
          ],
        },
        savedAt: '2026-11-30T12:00:00.000Z',
        updatedAt: '2026-11-30T12:00:00.000Z',
      };
    };
    const items = [
      item('item-reworded01', 'Peskov also said no call between Putin and Zelenskiy was being discussed.'),
      item('item-vanished01', 'Russia claims Donbas, Zaporizhzhia and Kherson as its own territory, though most countries recognise them as part of Ukraine.'),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'dossier-import-'));
    try {
      writeFileSync(join(dir, 'changed.json'), JSON.stringify({ format: 'dossier-reader-dossier', version: 1, exportedAt: '2026-11-30T12:05:00.000Z', actors: [], items }));
      expect(await importFile(dossier, 'changed.json', dir)).toEqual([{ kind: 'ok', text: 'Imported 2 new items and 0 new actors; 0 already here.' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const page = await app.newPage();
    await page.goto(url);
    await waitInPage(page, () => document.querySelector('dossier-saved-passages') !== null);
    expect(await savedOnPage(dossier, url)).toEqual([
      { id: 'item-reworded01', found: true, how: 'fuzzy' },
      { id: 'item-vanished01', found: false },
    ]);
    await page.close();
    await dossier.bringToFront();
  });

  it("Dmitry Peskov's card has a 'From your reading' section, in a closed root the page cannot read", async () => {
    const page = await app.newPage();
    await page.goto(site.url(DEMO_ARTICLE));
    await waitReady(page);
    await page.bringToFront();
    const card = await hoverCard(page, 'Peskov', { label: 'Dossier: Dmitry Peskov (Person)' });
    expect(card.text).not.toContain('no call between Putin and Zelenskiy');
    await waitInCard(page, (root) => {
      const h = root.querySelector<HTMLElement>('.dp-reading');
      return !!h && h.offsetHeight > 0 && h.shadowRoot === null && h.textContent === '';
    });
    await page.close();
    await dossier.bringToFront();
  });

  it('delete, then undo, puts the item back', async () => {
    const count = (await listedPassages(dossier)).length;
    await dossier.click('.rd-delete');
    await until('one item is gone', async () => (await listedPassages(dossier)).length === count - 1);
    await dossier.click('.rd-undo');
    await until('the item is back', async () => (await listedPassages(dossier)).length === count);
    expect((await storedDossier(dossier))?.items).toHaveLength(count);
  });

  it('a saved quotation and an actor the reader created are highlighted on another page, their cards from the dossier', async () => {
    const exact = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';
    const quote = {
      id: 'item-quoteff01',
      actor: { type: 'bundled', id: 'dmitry-peskov' },
      kind: 'quote',
      target: {
        source: 'https://news.example/kremlin-no-call',
        title: 'Kremlin says no call is planned',
        site: 'news.example',
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: 'and the Zaporizhzhia nuclear power plant.\n', suffix: '\nPeskov said another call' },
          { type: 'TextPositionSelector', start: 100, end: 100 + exact.length },
        ],
      },
      savedAt: '2026-11-30T12:00:00.000Z',
      updatedAt: '2026-11-30T12:00:00.000Z',
    };
    const actor = { id: 'reader-negotiators', name: 'Kremlin negotiators', category: 'organisations', aliases: [], createdAt: '2026-11-30T11:59:00.000Z' };
    const dir = mkdtempSync(join(tmpdir(), 'dossier-import-'));
    try {
      writeFileSync(join(dir, 'quote.json'), JSON.stringify({ format: 'dossier-reader-dossier', version: 1, exportedAt: '2026-11-30T12:05:00.000Z', actors: [actor], items: [quote] }));
      expect(await importFile(dossier, 'quote.json', dir)).toEqual([{ kind: 'ok', text: 'Imported 1 new item and 1 new actor; 0 already here.' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const page = await app.newPage();
    await page.goto(site.url('/reader-dossier-quoted.html'));
    await waitReady(page);
    await page.bringToFront();
    const card = await hoverCard(page, 'discussed', { label: 'Dossier: Your saved quotation (Quote)' });
    expect(card.text).toContain('From your dossier');
    expect(card.text).not.toContain('news.example');
    await waitInCard(page, (root) => {
      const h = root.querySelector<HTMLElement>('.dp-saved-quote');
      return !!h && h.offsetHeight > 0 && h.shadowRoot === null && h.textContent === '';
    });
    const named = await hoverCard(page, 'negotiators', { label: 'Dossier: Kremlin negotiators (Institution or state)' });
    expect(named.text).toContain('In your dossier');
    await page.close();
    await dossier.bringToFront();
  });
});
