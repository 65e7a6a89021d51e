/**
 * End-to-end helpers of the reader's dossier: selecting text as a reader does, delivering the context-menu click
 * to the background exactly as Chromium does (the worker's own `contextMenus.onClicked` event, dispatched with the
 * same `info` and `tab` arguments), and reading what was stored.
 */
import type { Frame, Page, WebWorker } from 'puppeteer-core';
import type { Launched } from '../harness';
import { waitInPage } from '../harness';
import { until } from './page-helpers';

/** Selects the first occurrence of `text` in the page or frame (within one text node), as a reader's drag would. */
export async function selectText(page: Page | Frame, text: string): Promise<void> {
  const ok = await page.evaluate((t: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(t);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + t.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, text);
  if (!ok) throw new Error(`"${text}" is not in one text node of the page`);
}

/** Chromium: the extension's service worker (it may have been restarted since launch: look it up each time). */
export async function serviceWorker(app: Launched): Promise<WebWorker> {
  const target = await app.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${app.extensionId}/`), { timeout: 15_000 });
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

/**
 * Chromium: the reader's click on "Add to Dossier…" in the context menu of the selection on the tab showing `url`,
 * delivered to the background's listener with the arguments Chromium gives it.
 */
export async function clickAddToDossier(app: Launched, url: string, selectionText: string): Promise<void> {
  const worker = await serviceWorker(app);
  await worker.evaluate(
    async (u: string, s: string) => {
      type Api = { tabs: { query(q: object): Promise<{ id?: number }[]> }; contextMenus: { onClicked: { dispatch(info: unknown, tab: unknown): void } } };
      const chrome = (globalThis as unknown as { chrome: Api }).chrome;
      const tab = (await chrome.tabs.query({ url: u })).at(-1); // the newest tab showing it
      if (!tab) throw new Error(`no tab shows ${u}`);
      const info = { menuItemId: 'dossier-add-selection', selectionText: s, pageUrl: u, frameId: 0, editable: false };
      chrome.contextMenus.onClicked.dispatch(info, tab);
    },
    url,
    selectionText,
  );
}

/**
 * Chromium: the reader's click on "Add to Dossier…" in the context menu of a selection inside the frame showing
 * `frameUrl` of the tab showing `url`, delivered as Chromium does: `info.frameId` is that frame's id and
 * `info.frameUrl` its address. The frame's id is looked up through the extension's own scripting API.
 */
export async function clickAddToDossierInFrame(app: Launched, url: string, frameUrl: string, selectionText: string): Promise<void> {
  const worker = await serviceWorker(app);
  await worker.evaluate(
    async (u: string, f: string, s: string) => {
      type Api = {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
        scripting: { executeScript(d: object): Promise<{ frameId: number; result: unknown }[]> };
        contextMenus: { onClicked: { dispatch(info: unknown, tab: unknown): void } };
      };
      const chrome = (globalThis as unknown as { chrome: Api }).chrome;
      const tab = (await chrome.tabs.query({ url: u })).at(-1);
      if (tab?.id == null) throw new Error(`no tab shows ${u}`);
      const frames = await chrome.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, func: () => location.href });
      const frame = frames.find((r) => r.result === f && r.frameId !== 0);
      if (!frame) throw new Error(`no frame of ${u} shows ${f}`);
      const info = { menuItemId: 'dossier-add-selection', selectionText: s, pageUrl: u, frameUrl: f, frameId: frame.frameId, editable: false };
      chrome.contextMenus.onClicked.dispatch(info, tab);
    },
    url,
    frameUrl,
    selectionText,
  );
}

/** Chromium: the `add-to-dossier` keyboard command on the tab showing `url`, delivered to the background's listener as Chromium does. */
export async function pressSaveCommand(app: Launched, url: string): Promise<void> {
  const worker = await serviceWorker(app);
  await worker.evaluate(async (u: string) => {
    type Api = { tabs: { query(q: object): Promise<{ id?: number }[]> }; commands: { onCommand: { dispatch(command: string, tab: unknown): void } } };
    const chrome = (globalThis as unknown as { chrome: Api }).chrome;
    const tab = (await chrome.tabs.query({ url: u })).at(-1);
    if (!tab) throw new Error(`no tab shows ${u}`);
    chrome.commands.onCommand.dispatch('add-to-dossier', tab);
  }, url);
}

/** The frame of `page` showing `url`, once its content script is ready (or, with `ready: false`, once it is there). */
export async function readyFrame(page: Page, url: string, { ready = true } = {}): Promise<Frame> {
  let frame: Frame | undefined;
  await until(`a frame shows ${url}`, async () => (frame = page.frames().find((f) => f.url() === url)) !== undefined);
  if (ready) await frame!.waitForFunction(() => document.documentElement.getAttribute('data-dossier') === 'ready', { timeout: 15_000, polling: 100 });
  return frame!;
}

/** Waits until the save dialog's host is on the page (or in the frame). */
export function waitForDialog(page: Page | Frame): Promise<unknown> {
  return page.waitForFunction(() => document.querySelector('dossier-save-dialog') !== null, { timeout: 10_000, polling: 100 });
}

type StorageApi = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };

/** The stored reader's dossier, read from an extension page. */
export function storedDossier(extensionPage: Page): Promise<{ actors: { id: string; name: string }[]; items: { id: string; kind: string; actor: { type: string; id: string }; target: { source: string; site: string; selector: [{ exact: string }, unknown] } }[] } | undefined> {
  return extensionPage.evaluate(async () => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    return (await (g.browser ?? g.chrome).storage.local.get('readerDossier')).readerDossier as never;
  });
}

/** The texts of the passages listed on the "Your dossier" page, once it has read storage. */
export async function listedPassages(dossierPage: Page): Promise<string[]> {
  await waitInPage(dossierPage, () => document.querySelector('.rd-count')?.getAttribute('data-ready') === 'true');
  return dossierPage.$$eval('.rd-passage', (els) => els.map((e) => e.textContent ?? ''));
}

type ScriptingApi = { scripting: { executeScript(d: object): Promise<{ frameId: number; result: unknown }[]> } };
type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } };

/**
 * What the content script of the tab showing `url` reports of the passages saved from it (asked from an extension
 * page); with `frameUrl` (Chromium), what the tab's frame showing that address reports.
 */
export async function savedOnPage(extensionPage: Page, url: string, frameUrl?: string): Promise<unknown> {
  return extensionPage.evaluate(
    async (u: string, f: string | null) => {
      const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi & ScriptingApi };
      const api = g.browser ?? g.chrome;
      const tab = (await api.tabs.query({})).filter((t) => t.url === u).at(-1); // the newest tab showing it
      if (tab?.id == null) throw new Error(`no tab shows ${u}`);
      let frameId = 0;
      if (f !== null) {
        const frames = await g.chrome.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, func: () => location.href });
        const frame = frames.find((r) => r.result === f && r.frameId !== 0);
        if (!frame) throw new Error(`no frame of ${u} shows ${f}`);
        frameId = frame.frameId;
      }
      const reply = (await api.tabs.sendMessage(tab.id, { id: 1, type: 'savedOnPage', data: undefined, timestamp: Date.now() }, { frameId })) as { res?: unknown };
      return reply?.res;
    },
    url,
    frameUrl ?? null,
  );
}

/**
 * The names in the page's accessibility tree: what the reader sees, closed shadow roots included (the tree is built
 * from what is rendered), unlike anything the page's scripts can read.
 */
export async function accessibleNames(page: Page): Promise<string[]> {
  const out: string[] = [];
  const walk = (n: { name?: string; children?: unknown[] } | null) => {
    if (!n) return;
    if (n.name) out.push(n.name);
    for (const c of n.children ?? []) walk(c as never);
  };
  walk((await page.accessibility.snapshot({ interestingOnly: false })) as never);
  return out;
}
