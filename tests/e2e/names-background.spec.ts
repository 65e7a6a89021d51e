/**
 * A whole-page scan's names are found by the background, where the names matcher stays warm, in both browsers: the
 * page's first scan reports text nodes answered by the background (the bench mark's `namesAnswered`), and highlights
 * the same names. A page that excludes an alias (which the background's plan does not) finds its names itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';
import { highlights, setSettings } from './highlight-page';
import { clearSettings } from './lib/page-helpers';

interface Detail {
  namesAnswered: number;
}

describe.each<BrowserKind>(['chromium', 'firefox'])('names found by the background in %s', (kind) => {
  let app: Launched;
  let site: Served;
  beforeAll(async () => ({ app, site } = await launchWithSite(kind)));
  afterAll(() => closeAll(app, site));

  /** The page's first scan, as its bench mark reports it, and what it highlighted then. */
  async function firstScan(): Promise<{ detail: Detail; names: string[] }> {
    const page = await app.newPage();
    await page.goto(site.url('/highlight-article.html'));
    const detail = (await waitInPage(page, () => (performance.getEntriesByName('dossier:highlighted')[0] as PerformanceMark | undefined)?.detail as Detail | undefined)) as Detail;
    const names = await highlights(page);
    await page.close();
    return { detail, names };
  }

  it('answers the text nodes of the page’s first scan, and the page highlights its names', async () => {
    const { detail, names } = await firstScan();
    expect(detail.namesAnswered).toBeGreaterThan(5);
    expect(names.length).toBeGreaterThan(5);
  });

  it.runIf(kind === 'chromium')('is not asked when the reader excluded an alias: the page finds the same names itself, but that one', async () => {
    const asked = await firstScan();
    await setSettings(app, { excludedAliases: ['zelensky'] });
    try {
      const own = await firstScan();
      expect(own.detail.namesAnswered).toBe(0);
      expect(own.names.length).toBeGreaterThan(5);
      expect(own.names).toEqual(asked.names.filter((n) => n !== 'people:Zelensky'));
      expect(asked.names).toContain('people:Zelensky');
    } finally {
      await clearSettings(app);
    }
  });
});
