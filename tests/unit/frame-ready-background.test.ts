/**
 * The background's side of the frame gate (`frameReady`, src/background/code-injection.ts): the content script and
 * its CSS go into the sending frame only, when it is this extension's content script in a frame that is not the top
 * one, and once per document of that frame, in Chromium's MV3 and Firefox's MV2 alike.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../src/background/start-background';
import { CONTENT_FILES } from '../../src/background/content-files';
import { buildPageData, extrasOf } from '../../src/core/page-data';
import { createCardBuilder } from '../../src/core/card-model';
import { fixtureData } from '../dom/popover-fixture';

type World = Record<symbol, unknown>;

/** The isolated world of each frame's current document, as a script injected there would find it. */
const worlds = new Map<string, World>();
const worldOf = (tabId: number, frameId: number) => {
  const key = `${tabId}:${frameId}`;
  if (!worlds.has(key)) worlds.set(key, {});
  return worlds.get(key)!;
};
/** Runs `source` (a function's text, called) with `world` as its globalThis, as the browser runs it in the frame. */
const runIn = (world: World, source: string): unknown => new Function('globalThis', `return ${source}`)(world);

/** What the background did to pages: [api call, tabId, frameId, file]. */
let done: [string, number, number, string][];

function fakeChromium() {
  type Target = { tabId: number; frameIds: number[] };
  Object.assign(fakeBrowser, {
    scripting: {
      executeScript: (d: { target: Target; func?: () => unknown; files?: string[] }) => {
        const [frameId] = d.target.frameIds;
        if (d.func) return Promise.resolve([{ frameId, result: runIn(worldOf(d.target.tabId, frameId!), `(${d.func.toString()})()`) }]);
        done.push(['executeScript', d.target.tabId, frameId!, d.files![0]!]);
        return Promise.resolve([{ frameId, result: undefined }]);
      },
      insertCSS: (d: { target: Target; files: string[] }) => (done.push(['insertCSS', d.target.tabId, d.target.frameIds[0]!, d.files[0]!]), Promise.resolve()),
    },
  });
}

function fakeFirefox() {
  Object.assign(fakeBrowser, { scripting: undefined });
  Object.assign(fakeBrowser.tabs, {
    executeScript: (tabId: number, d: { frameId: number; matchAboutBlank: boolean; code?: string; file?: string }) => {
      expect(d.matchAboutBlank).toBe(true);
      if (d.code) return Promise.resolve([runIn(worldOf(tabId, d.frameId), d.code)]);
      done.push(['executeScript', tabId, d.frameId, d.file!]);
      return Promise.resolve([undefined]);
    },
    insertCSS: (tabId: number, d: { frameId: number; matchAboutBlank: boolean; file: string }) => {
      expect(d.matchAboutBlank).toBe(true);
      done.push(['insertCSS', tabId, d.frameId, d.file]);
      return Promise.resolve();
    },
  });
}

/** Delivers `frameReady` as the browser would from `sender`; resolves with the reply. */
function frameReady(sender: object): Promise<unknown> {
  return new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'frameReady', data: undefined, timestamp: Date.now() }, sender as never, resolve));
}

describe.each([
  ['Chromium (MV3, scripting)', fakeChromium],
  ['Firefox (MV2, tabs)', fakeFirefox],
])('frameReady in %s', (_name, fake) => {
  let stop: () => void;
  let tab: number;
  /** Our content script in frame `frameId` of the tab. */
  const ours = (frameId: number, extra: object = {}) => ({ id: fakeBrowser.runtime.id, tab: { id: tab }, frameId, url: 'https://news.test/ad.html', ...extra });

  beforeEach(async () => {
    fakeBrowser.reset();
    worlds.clear();
    done = [];
    fake();
    // The fake browser does not mock commands.
    Object.assign(fakeBrowser.commands, { onCommand: { addListener: () => {}, removeListener: () => {} } });
    tab = (await fakeBrowser.tabs.create({ url: 'https://news.test/' })).id!;
    stop = startBackground({ cardBuilder: () => createCardBuilder(fixtureData), pageExtras: () => extrasOf(buildPageData(fixtureData)) });
  });
  afterEach(() => stop());

  it('injects the CSS, then the content script, into the frame that asks, and only there', async () => {
    expect(await frameReady(ours(4))).toEqual({ res: true });
    expect(done).toEqual([
      ['insertCSS', tab, 4, CONTENT_FILES.css],
      ['executeScript', tab, 4, CONTENT_FILES.js],
    ]);
  });

  it('once per document: asked again from the same document it does nothing; a new document in that frame is served', async () => {
    expect(await frameReady(ours(4))).toEqual({ res: true });
    expect(await frameReady(ours(4))).toEqual({ res: false });
    expect(done).toHaveLength(2);
    // Another frame of the tab is another document.
    expect(await frameReady(ours(5))).toEqual({ res: true });
    expect(done).toHaveLength(4);
    // The frame navigated: its new document has a world of its own.
    worlds.delete(`${tab}:4`);
    expect(await frameReady(ours(4, { url: 'https://news.test/next-ad.html' }))).toEqual({ res: true });
    expect(done).toHaveLength(6);
  });

  it('refuses the top frame, another extension, an extension page in a frame, and a sender that is not a tab', async () => {
    expect(await frameReady(ours(0))).toEqual({ res: false });
    expect(await frameReady(ours(4, { id: 'another-extension' }))).toEqual({ res: false });
    expect(await frameReady(ours(4, { id: undefined }))).toEqual({ res: false });
    expect(await frameReady(ours(4, { url: fakeBrowser.runtime.getURL('/popup.html') }))).toEqual({ res: false });
    expect(await frameReady({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') })).toEqual({ res: false });
    expect(await frameReady({ id: fakeBrowser.runtime.id, tab: { id: tab } })).toEqual({ res: false });
    expect(done).toEqual([]);
    // None of these claimed a document: the frame itself is still served when its gate asks.
    expect(await frameReady(ours(4))).toEqual({ res: true });
  });

  it('a payload is not accepted', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'frameReady', data: { frameId: 0 }, timestamp: Date.now() }, ours(4) as never, resolve));
    expect(reply).toEqual({ res: undefined });
    expect(done).toEqual([]);
    warn.mockRestore();
  });
});
