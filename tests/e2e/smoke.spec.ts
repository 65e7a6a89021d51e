import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';

// The smoke test runs in both browsers: the content script runs on a served page, the popup page renders.
describe.each<BrowserKind>(['chromium', 'firefox'])('smoke in %s', (kind) => {
  let app: Launched;
  let site: Served;
  beforeAll(async () => ({ app, site } = await launchWithSite(kind)));
  afterAll(() => closeAll(app, site));

  it('runs the content script on a page served on 127.0.0.1', async () => {
    const page = await app.newPage();
    await page.goto(site.url('/articles/000_78f937a108842e39.html'));
    const marker = await waitInPage(page, () => document.documentElement.getAttribute('data-dossier'));
    expect(marker).toBeTruthy();
    await page.close();
  });

  // WebDriver BiDi refuses to navigate to moz-extension:// pages, so the popup is checked in Chromium only.
  it.skipIf(kind === 'firefox')('opens the popup page and renders it', async () => {
    const page = await app.newPage();
    await page.goto(app.extensionUrl('/popup.html'));
    const text = await waitInPage(page, () => document.body.innerText.includes('Dossier') && document.body.innerText);
    expect(text).toContain('Dossier');
    await page.close();
  });
});
