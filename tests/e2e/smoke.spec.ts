import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';
import { openExtensionTab } from './lib/extension-pages';
import { findExtensionTab } from './lib/firefox-pages';

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

  it('opens the popup page and renders it', async () => {
    // Chromium opens the extension URL; in Firefox an extension tab (reached through a card) navigates itself there.
    const page = kind === 'chromium' ? await app.newPage() : await openExtensionTab(app, site);
    if (kind === 'chromium') await page.goto(app.extensionUrl('/popup.html'));
    else await page.evaluate(() => location.assign('/popup.html'));
    const popup = kind === 'chromium' ? page : await findExtensionTab(app, '/popup.html');
    const text = await waitInPage(popup, () => document.body.innerText.includes('Dossier') && document.body.innerText);
    expect(text).toContain('Dossier');
    await popup.close();
  });
});
