/**
 * Dossier's own pages in either browser, for specs that run the same checks in both. Chromium opens an extension
 * URL directly; WebDriver BiDi refuses to navigate to moz-extension://, so in Firefox the way in is the reader's:
 * a card's source link opens the source card, an extension page, which may then navigate itself (firefox-pages.ts).
 */
import type { Page } from 'puppeteer-core';
import type { Launched, Served } from '../harness';
import { DEMO_ARTICLE, openSourceCard, showPopupFor } from './firefox-pages';
import { openPopupFor, waitReady } from './page-helpers';

/** A tab showing an extension page (it can read and write the extension's storage and query tabs). */
export async function openExtensionTab(app: Launched, site: Served): Promise<Page> {
  if (app.kind === 'chromium') {
    const tab = await app.newPage();
    await tab.goto(app.extensionUrl('/popup.html'));
    return tab;
  }
  const article = await app.newPage();
  await article.goto(site.url(DEMO_ARTICLE));
  await waitReady(article);
  const { tab } = await openSourceCard(app, article, 'Peskov');
  await article.close();
  return tab;
}

/** The popup, in its own tab, for the tab showing `url` (`popup.html?tabId=N`). */
export async function openPopupTab(app: Launched, site: Served, url: string): Promise<Page> {
  if (app.kind === 'chromium') return openPopupFor(app, url);
  return showPopupFor(app, await openExtensionTab(app, site), url);
}
