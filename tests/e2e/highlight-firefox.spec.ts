import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, type Launched, type Served } from './harness';
import { waitReady } from './lib/page-helpers';
import { baselineText, highlights } from './highlight-page';

// Firefox smoke check: the default engine highlights the article and the text stays as it was.
// (WebDriver BiDi cannot open moz-extension:// pages, so settings are not changed here.)
describe('highlighting in Firefox (smoke)', () => {
  let app: Launched;
  let site: Served;
  beforeAll(async () => ({ app, site } = await launchWithSite('firefox')));
  afterAll(() => closeAll(app, site));

  it('highlights the article with the default engine and leaves form fields alone', async () => {
    const page = await app.newPage();
    await page.goto(site.url('/highlight-article.html'));
    await waitReady(page);
    const found = await highlights(page);
    expect(found).toContain('people:Vladimir Putin');
    expect(found).toContain('regions:Donbas');
    expect(found).toContain('organisations:Kremlin');
    expect(found.filter((h) => h.endsWith(' in a textarea') || h.includes('Draft'))).toEqual([]);
    expect(found.length).toBe(11); // "speaks in Kyiv" is the city: not a mention (docs/matching.md, rule 12)
    expect(await page.$eval('#comment', (t) => (t as HTMLTextAreaElement).value)).toBe('Putin and Zelensky in a textarea');
    await page.close();
  });
});
