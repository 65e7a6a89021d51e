/**
 * End-to-end helpers both browsers share: waiting for the content script, counting highlights, reading and
 * writing settings from an extension page, finding a tab's id. Extension pages are reached differently per
 * browser (Chromium: `goto` an extension URL; Firefox: see firefox-pages.ts), so helpers that need one take it.
 */
import type { Page } from 'puppeteer-core';
import type { Launched } from '../harness';
import { waitInPage } from '../harness';
import { LEGACY_KEY, parseSettings, SETTINGS_PREFIX, settingsFromStorage, settingsToStorage, type Settings } from '../../../src/shared/settings-schema';

/** Waits until the content script has finished its first scan of the page (`data-dossier="ready"` on <html>). */
export async function waitReady(page: Page, timeout = 15_000): Promise<void> {
  await waitInPage(page, () => document.documentElement.getAttribute('data-dossier') === 'ready', timeout);
}

/** Opens `url` in a new tab and waits until the content script is ready there. */
export async function openReady(app: Launched, url: string, timeout = 15_000): Promise<Page> {
  const page = await app.newPage();
  await page.goto(url);
  await waitReady(page, timeout);
  return page;
}

/** Highlights of one category, whichever engine drew them (CSS Highlight API ranges or marks). */
export function highlightCount(page: Page, category: string): Promise<number> {
  return page.evaluate((cat) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    return (registry?.get(`dossier-${cat}`)?.size ?? 0) + document.querySelectorAll(`[data-dossier-category="${cat}"]`).length;
  }, category);
}

/** Polls `check` (Node side) until it is true, failing after `timeout` ms with `what`. */
export async function until(what: string, check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

// Inside `evaluate` on an extension page: Firefox's promise API is `browser`, Chromium's is `chrome`
// (the function is serialised into the page, so each one names the API itself).
type StorageApi = {
  storage: { local: { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string[]): Promise<void> } };
};
type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; index: number; url?: string; openerTabId?: number }[]> } };

/** Every key in the extension's `storage.local`, read from an extension page. */
function storageItems(extensionPage: Page): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(() => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    return (g.browser ?? g.chrome).storage.local.get(null);
  });
}

/** Replaces the settings keys of `storage.local` with `items` (other keys are left alone), from an extension page. */
async function replaceSettingsItems(extensionPage: Page, items: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(
    async (next, prefix, legacy) => {
      const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
      const api = (g.browser ?? g.chrome).storage.local;
      const stale = Object.keys(await api.get(null)).filter((k) => (k.startsWith(prefix) || k === legacy) && !(k in next));
      if (stale.length) await api.remove(stale);
      await api.set(next);
    },
    items,
    SETTINGS_PREFIX,
    LEGACY_KEY,
  );
}

/** Merges `patch` into the stored settings from an extension page, stored the way the extension stores them. */
export async function patchSettings(extensionPage: Page, patch: Partial<Settings>): Promise<void> {
  const current = settingsFromStorage(await storageItems(extensionPage));
  const next = parseSettings({ ...current, ...patch });
  await replaceSettingsItems(extensionPage, settingsToStorage(next, (i) => Date.now() + i));
}

/** The stored settings, read from an extension page. */
export async function storedSettings(extensionPage: Page): Promise<Settings> {
  return settingsFromStorage(await storageItems(extensionPage));
}

/** Forgets every stored setting (back to the defaults), from an extension page. */
export async function resetSettings(extensionPage: Page): Promise<void> {
  await replaceSettingsItems(extensionPage, {});
}

/** Chromium: writes settings from a throwaway popup tab, the way the popup does. */
export async function setSettings(app: Launched, patch: Partial<Settings>): Promise<void> {
  const page = await app.newPage();
  try {
    await page.goto(app.extensionUrl('/popup.html'));
    await patchSettings(page, patch);
  } finally {
    await page.close();
  }
}

/** Chromium: forgets every stored setting from a throwaway popup tab (so a failed test leaves nothing switched off). */
export async function clearSettings(app: Launched): Promise<void> {
  const page = await app.newPage();
  try {
    await page.goto(app.extensionUrl('/popup.html'));
    await resetSettings(page);
  } finally {
    await page.close();
  }
}

/** The id of the tab showing `url`, asked from an extension page; throws when no tab shows it. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const tabId = await extensionPage.evaluate(async (u) => {
    const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    return (await (g.browser ?? g.chrome).tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  if (typeof tabId !== 'number') throw new Error(`no tab shows ${url}`);
  return tabId;
}

/** Chromium: opens the popup, in its own tab, for the tab showing `url` (`popup.html?tabId=N`). */
export async function openPopupFor(app: Launched, url: string): Promise<Page> {
  const popup = await app.newPage();
  await popup.goto(app.extensionUrl('/popup.html'));
  await popup.goto(app.extensionUrl(`/popup.html?tabId=${await tabIdOf(popup, url)}`));
  return popup;
}

/**
 * Where an extension tab stands relative to the page tab showing `pageUrl` in the current window: both indexes,
 * the tab's openerTabId and the page tab's id (a source card must open right after the page that asked for it).
 */
export function tabPlacement(extensionTab: Page, pageUrl: string): Promise<{ opener: number; self: number; openerTabId?: number; openerId?: number }> {
  return extensionTab.evaluate(async (u: string) => {
    const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    const all = await (g.browser ?? g.chrome).tabs.query({ currentWindow: true });
    const opener = all.find((t) => t.url === u)!;
    const self = all.find((t) => t.url === location.href)!;
    return { opener: opener.index, self: self.index, openerTabId: self.openerTabId, openerId: opener.id };
  }, pageUrl);
}
