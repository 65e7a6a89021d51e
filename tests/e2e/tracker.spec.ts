import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataset } from '../../src/data/dataset';
import { launch, waitInPage, type Launched } from './harness';

/** The extension's storage, as an extension page reaches it. */
type Storage = { chrome: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } } };

/** Distinct position ids in the grid, and the sides of the row groups shown. */
async function shown(page: Page): Promise<{ positions: string[]; sides: string[] }> {
  return page.evaluate(() => {
    const entries = [...document.querySelectorAll<HTMLElement>('table.tracker td [data-position-id]')];
    return {
      positions: [...new Set(entries.map((e) => e.dataset.positionId!))].sort(),
      sides: [...document.querySelectorAll<HTMLElement>('table.tracker tbody[data-side]')].map((b) => b.dataset.side!),
    };
  });
}

// WebDriver BiDi refuses to navigate to moz-extension:// pages (see smoke.spec.ts): Chromium only.
describe('positions tracker page in chromium', () => {
  let app: Launched;
  beforeAll(async () => {
    app = await launch('chromium');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows every position of the data set in the grid, and every disagreement', async () => {
    const page = await app.newPage();
    await page.goto(app.extensionUrl('/tracker.html'));
    await waitInPage(page, () => document.querySelectorAll('[data-position-id]').length > 0);
    const { positions } = await shown(page);
    expect(positions).toEqual(dataset.positions.map((p) => p.id).sort());
    const disagreements = await page.$$eval('[data-disagreement-id]', (els) => els.length);
    expect(disagreements).toBe(dataset.disagreements.length);
    // Every cell links to source cards of the extension.
    const hrefs = await page.$$eval('table.tracker a[data-source-id]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^${app.extensionUrl('/sources.html')}\\?id=[a-z0-9-]+$`));
    await page.close();
  });

  it('filtering by a side hides the other sides and keeps the filter in the URL', async () => {
    const page = await app.newPage();
    await page.goto(app.extensionUrl('/tracker.html'));
    await waitInPage(page, () => document.querySelectorAll('[data-position-id]').length > 0);
    await page.select('#filter-side', 'ukraine');
    await waitInPage(page, () => location.search === '?side=ukraine');
    const after = await shown(page);
    expect(after.sides).toEqual(['ukraine']);
    // The rows are Ukraine's actors, with every position they hold.
    const ukrainian = new Set(dataset.actors.filter((a) => a.side === 'ukraine').map((a) => a.id));
    const rows = await page.$$eval('table.tracker tr[data-actor]', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.actor!));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(ukrainian.has(row), row).toBe(true);
    expect(after.positions).toEqual(
      dataset.positions.filter((p) => p.holders.some((h) => ukrainian.has(h))).map((p) => p.id).sort(),
    );

    // The link restores the view; Back restores the unfiltered one.
    await page.reload();
    await waitInPage(page, () => document.querySelectorAll('[data-position-id]').length > 0);
    expect((await shown(page)).sides).toEqual(['ukraine']);
    expect(await page.$eval('#filter-side', (s) => (s as HTMLSelectElement).value)).toBe('ukraine');
    await page.goBack();
    await waitInPage(page, () => location.search === '');
    await waitInPage(page, () => document.querySelectorAll('table.tracker tbody[data-side]').length > 1);
    await page.close();
  });

  it('prints without the controls, black on white, the table within the page width', async () => {
    const page = await app.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(app.extensionUrl('/tracker.html'));
    await waitInPage(page, () => document.querySelectorAll('[data-position-id]').length > 0);
    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      controls: getComputedStyle(document.querySelector('.controls')!).display,
      color: getComputedStyle(document.body).color,
      background: getComputedStyle(document.body).backgroundColor,
      grid: getComputedStyle(document.querySelector('.table-wrap')!).display,
      tableWidth: document.querySelector('table.tracker-list')!.getBoundingClientRect().width,
      printedPositions: new Set(
        [...document.querySelectorAll<HTMLElement>('table.tracker-list [data-position-id]')].map((e) => e.dataset.positionId),
      ).size,
      bodyWidth: document.body.getBoundingClientRect().width,
    }));
    expect(printed.controls).toBe('none');
    // The wide grid gives way to a three-column table holding the same positions.
    expect(printed.grid).toBe('none');
    expect(printed.printedPositions).toBe(dataset.positions.length);
    expect(printed.color).toBe('rgb(0, 0, 0)');
    expect(printed.background).toBe('rgb(255, 255, 255)');
    expect(printed.tableWidth).toBeLessThanOrEqual(printed.bodyWidth + 1);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows the reader’s saved items beside the bundled positions, marked as theirs, and can switch them off', async () => {
    const page = await app.newPage();
    await page.goto(app.extensionUrl('/tracker.html'));
    await waitInPage(page, () => document.querySelectorAll('[data-position-id]').length > 0);
    // An empty dossier: no column and no switch.
    expect(await page.$$eval('[data-column="saved"], #filter-saved', (els) => els.length)).toBe(0);

    // The fixture export (an actor the reader created, with a passage) and a quotation saved to Peskov, written as the
    // background's writer stores them; the open page follows the change.
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/reader-dossier/export-v1.json'), 'utf8')) as { actors: unknown[]; items: { target: object }[] };
    const quote = '“We are talking about the withdrawal of the regime’s armed forces from the Donbas,”';
    const peskovItem = {
      ...fixture.items[0],
      id: 'item-peskov0001',
      actor: { type: 'bundled', id: 'dmitry-peskov' },
      kind: 'quote',
      note: undefined,
      target: {
        source: 'https://www.reuters.example/world/kremlin-donbas',
        title: 'Kremlin says Ukraine should withdraw from Donbas',
        site: 'www.reuters.example',
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: 'om the areas it still controls.\n', suffix: ' Peskov said.\nPutin has said th' },
          { type: 'TextPositionSelector', start: 900, end: 900 + quote.length },
        ],
      },
      savedAt: '2026-12-01T08:30:00.000Z',
      updatedAt: '2026-12-01T08:30:00.000Z',
    };
    delete (peskovItem as { note?: string }).note;
    await page.evaluate(async (readerDossier) => {
      await (globalThis as unknown as Storage).chrome.storage.local.set({ readerDossier });
    }, { actors: fixture.actors, items: [...fixture.items, peskovItem] } as never);
    await waitInPage(page, () => document.querySelectorAll('table.tracker [data-saved-id]').length === 2);

    const view = await page.evaluate(() => {
      const entry = (id: string) => {
        const el = document.querySelector<HTMLElement>(`table.tracker [data-saved-id="${id}"]`)!;
        const row = el.closest('tr')!;
        return {
          row: row.dataset.actor,
          own: row.classList.contains('own'),
          group: row.closest('tbody')!.dataset.side,
          cell: `${el.closest('td')!.dataset.cell} ${el.closest('td')!.cellIndex}`,
          badge: el.querySelector('.saved-badge')!.textContent,
          kind: el.querySelector('.saved-kind')!.textContent,
          text: el.querySelector('blockquote')!.textContent,
          link: el.querySelector<HTMLAnchorElement>('a.saved-source')!.href,
          site: el.querySelector('a.saved-source')!.textContent,
          date: el.querySelector('time')!.textContent,
        };
      };
      return {
        header: document.querySelector('th[data-column="saved"]')!.textContent,
        peskov: entry('item-peskov0001'),
        witkoff: entry('item-fixture0001'),
        groupLabel: document.querySelector('tbody[data-side="reader"] th[scope="rowgroup"]')!.textContent,
        count: document.querySelector('.count')!.textContent,
        toggle: document.querySelector('label:has(#filter-saved)')!.textContent,
      };
    });
    expect(view.header).toBe('YoursYour reading');
    expect(view.peskov).toEqual({
      row: 'dmitry-peskov',
      own: false,
      group: 'russia',
      cell: 'saved 1',
      badge: 'Yours',
      kind: 'Quote',
      text: `“${quote}”`,
      link: 'https://www.reuters.example/world/kremlin-donbas',
      site: 'www.reuters.example',
      date: '2026-12-01',
    });
    expect(view.witkoff).toMatchObject({ row: 'reader-witkoff', own: true, group: 'reader', kind: 'Reported statement', site: 'www.newsx.example', date: '2026-11-30' });
    expect(view.witkoff.text).toBe(`“${(fixture.items[0] as unknown as { target: { selector: [{ exact: string }] } }).target.selector[0].exact}”`);
    expect(view.groupLabel).toBe('Your own actors');
    expect(view.count).toBe(`All ${dataset.positions.length} positions · 2 of your saved items`);
    expect(view.toggle?.trim()).toBe('Your saved items (2)');
    // Peskov's bundled positions are still in his row.
    expect(await page.$$eval('tr[data-actor="dmitry-peskov"] [data-position-id]', (els) => els.length)).toBeGreaterThan(0);

    // Switched off: the column and the reader's group are gone, and the choice is in the URL.
    await page.click('#filter-saved');
    await waitInPage(page, () => location.search === '?saved=off');
    await waitInPage(page, () => document.querySelectorAll('[data-saved-id], [data-column="saved"], tbody[data-side="reader"]').length === 0);
    await page.reload();
    await waitInPage(page, () => document.querySelectorAll('[data-position-id]').length > 0);
    expect(await page.$eval('#filter-saved', (c) => (c as HTMLInputElement).checked)).toBe(false);
    expect(await page.$$eval('[data-saved-id]', (els) => els.length)).toBe(0);
    await page.click('#filter-saved');
    await waitInPage(page, () => location.search === '' && document.querySelectorAll('table.tracker [data-saved-id]').length === 2);
    // Printed, they stand in the list under their actors too.
    await page.emulateMediaType('print');
    expect(await page.$$eval('table.tracker-list [data-saved-id]', (els) => els.map((e) => (e as HTMLElement).dataset.savedId).sort())).toEqual(['item-fixture0001', 'item-peskov0001']);
    await page.emulateMediaType('screen');

    // A region filter: saved items carry no region, and the count line says so.
    await page.select('#filter-region', 'donbas');
    await waitInPage(page, () => location.search === '?region=donbas');
    expect(await page.$$eval('[data-saved-id]', (els) => els.length)).toBe(0);
    expect(await page.$eval('.count', (c) => c.textContent)).toContain('your saved items have no region or topic');

    await page.evaluate(() => (globalThis as unknown as Storage).chrome.storage.local.remove('readerDossier'));
    await page.close();
  });
});
