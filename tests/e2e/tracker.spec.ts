import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { dataset } from '../../src/data/dataset';
import { launch, waitInPage, type Launched } from './harness';

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
});
