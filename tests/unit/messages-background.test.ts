import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../src/background/start-background';
import { updateSettings } from '../../src/shared/settings';
import { createCardBuilder } from '../../src/core/card-model';
import { buildPageData, extrasOf } from '../../src/core/page-data';
import { REUTERS, savedFrom } from './reader-dossier-fixtures';
import { fixtureData } from '../dom/popover-fixture';

/** Delivers a message to the background as if a content script in `tabId` sent it; resolves with the reply. */
function fromTab(tabId: number, type: string, data: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const message = { id: 1, type, data, timestamp: Date.now() };
    void fakeBrowser.runtime.onMessage.trigger(message, { tab: { id: tabId } } as never, resolve);
  });
}

const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

describe('background', () => {
  let stop: () => void;
  let commandListeners: ((command: string) => void)[];
  let sent: { tabId: number; message: { type: string; data: unknown } }[];
  let tabA: number;
  let tabB: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    commandListeners = [];
    // The fake browser does not mock commands or tabs.sendMessage.
    Object.assign(fakeBrowser.commands, {
      onCommand: {
        addListener: (l: (c: string) => void) => commandListeners.push(l),
        removeListener: (l: (c: string) => void) => (commandListeners = commandListeners.filter((x) => x !== l)),
      },
    });
    sent = [];
    fakeBrowser.tabs.sendMessage = ((tabId: number, message: { type: string; data: unknown }, _opts: unknown, cb: (r: unknown) => void) => {
      sent.push({ tabId, message });
      // One entity and one known quotation: the badge counts the entity only.
      const mentions = [
        { id: 'x', category: 'people', count: 2, firstText: 'X' },
        { id: 'q-x', category: 'quotes', count: 1, firstText: 'said X' },
      ];
      cb({ res: message.type === 'jumpTo' ? true : { url: 'https://a.test/', hostname: 'a.test', status: 'ready', progress: 1, mentions, total: 3 } });
    }) as never;
    await fakeBrowser.windows.create({ focused: true });
    tabA = (await fakeBrowser.tabs.create({ url: 'https://a.test/', active: true })).id!;
    tabB = (await fakeBrowser.tabs.create({ url: 'https://b.test/' })).id!;
    await fakeBrowser.tabs.update(tabA, { active: true });
    stop = startBackground({ cardBuilder: () => createCardBuilder(fixtureData), pageExtras: () => extrasOf(buildPageData(fixtureData)) });
  });
  afterEach(() => stop());

  it('shows the number of entities on the tab that reported them, and nothing for none', async () => {
    await fromTab(tabA, 'pageStateChanged', { total: 12, entities: 5 });
    await fromTab(tabB, 'pageStateChanged', { total: 0, entities: 0 });
    expect(await badge(tabA)).toBe('5');
    expect(await badge(tabB)).toBe('');
  });

  it('reads the badge setting from storage once, not for every report', async () => {
    await fromTab(tabA, 'pageStateChanged', { total: 1, entities: 1 });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    for (let i = 2; i <= 4; i++) await fromTab(tabA, 'pageStateChanged', { total: i, entities: i });
    expect(await badge(tabA)).toBe('4');
    expect(get).not.toHaveBeenCalled();
    get.mockRestore();
  });

  it('ignores a malformed report', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fromTab(tabA, 'pageStateChanged', { total: 12, entities: 5 });
    await fromTab(tabA, 'pageStateChanged', { total: 'many', entities: -3 });
    expect(await badge(tabA)).toBe('5');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('clears every badge when the user turns the badge off, and fills them again when on', async () => {
    await fromTab(tabA, 'pageStateChanged', { total: 12, entities: 5 });
    await updateSettings({ badge: false });
    await vi.waitFor(async () => expect(await badge(tabA)).toBe(''));
    await fromTab(tabA, 'pageStateChanged', { total: 12, entities: 5 });
    expect(await badge(tabA)).toBe('');
    await updateSettings({ badge: true });
    // Back on: each tab is asked for its state again (the stub answers 1 entity and 1 quotation, which is no entity).
    await vi.waitFor(async () => expect(await badge(tabB)).toBe('1'));
    expect(await badge(tabA)).toBe('1');
  });

  it('opens a source card asked for by a page’s popover in a new tab right after that page, at the excerpt', async () => {
    const a = await fakeBrowser.tabs.get(tabA);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const reply = await new Promise((resolve) => {
      const message = { id: 2, type: 'openSource', data: { id: 'reuters-kremlin-donbas', anchor: 'x-1abc' }, timestamp: Date.now() };
      void fakeBrowser.runtime.onMessage.trigger(message, { tab: { id: tabA, index: a.index, windowId: a.windowId } } as never, resolve);
    });
    expect(reply).toEqual({ res: true });
    const tabs = await fakeBrowser.tabs.query({});
    const opened = tabs.find((t) => t.url?.includes('sources.html'))!;
    expect(opened.url).toBe(fakeBrowser.runtime.getURL('/sources.html') + '?id=reuters-kremlin-donbas#x-1abc');
    expect(opened.active).toBe(true);
    // The fake browser appends every tab at the end, so check what the background asked for: next to the page.
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ index: a.index + 1, windowId: a.windowId, openerTabId: tabA }));
    create.mockRestore();
  });

  it('opens nothing for a malformed openSource (an id or anchor that could smuggle a URL)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = (await fakeBrowser.tabs.query({})).length;
    await fromTab(tabA, 'openSource', { id: '../popup.html?x=' });
    await fromTab(tabA, 'openSource', { id: 'bbc-putin-india-today', anchor: 'x#y/../z' });
    await fromTab(tabA, 'openSource', {});
    expect((await fakeBrowser.tabs.query({})).length).toBe(before);
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('forwards the keyboard commands to the active tab as jumpTo(null, direction)', async () => {
    for (const l of commandListeners) l('next-mention');
    for (const l of commandListeners) l('prev-mention');
    for (const l of commandListeners) l('something-else');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((s) => [s.tabId, s.message.type, s.message.data])).toEqual([
      [tabA, 'jumpTo', { id: null, direction: 'next' }],
      [tabA, 'jumpTo', { id: null, direction: 'prev' }],
    ]);
  });

  it("builds the popover's card for a mention a page asks about, and answers nothing to a malformed request", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const mention = { id: 'dmitry-peskov', category: 'people', alias: 'Peskov', text: 'PESKOV' };
    const reply = (await fromTab(tabA, 'getCard', { mention })) as { res: { kind: string; title: string; matchedText: string; quotes: unknown[] } };
    expect(reply.res).toMatchObject({ kind: 'actor', title: 'Dmitry Peskov', matchedText: 'PESKOV' });
    expect(reply.res.quotes.length).toBeGreaterThan(0);
    expect(await fromTab(tabA, 'getCard', { mention: { ...mention, id: 'nobody' } })).toEqual({ res: null });
    expect(await fromTab(tabA, 'getCard', { mention: { ...mention, category: 'nonsense' } })).toEqual({ res: undefined });
    expect(await fromTab(tabA, 'getCard', { mention: { ...mention, match: { exact: 'yes' } } })).toEqual({ res: undefined });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('injects the card\'s code into the frame that asks for it, and only into a frame of a tab', async () => {
    const injected: unknown[] = [];
    // The fake browser does not mock scripting.
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: (d: unknown) => (injected.push(d), Promise.resolve([])) };
    const ask = (sender: object) =>
      new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger({ id: 2, type: 'loadCode', data: { name: 'card' }, timestamp: Date.now() }, sender as never, resolve));
    expect(await ask({ tab: { id: tabA }, frameId: 3 })).toEqual({ res: true });
    expect(injected).toEqual([{ target: { tabId: tabA, frameIds: [3] }, files: ['/card.js'] }]);
    expect(await ask({ url: 'chrome-extension://x/popup.html' })).toEqual({ res: false });
    expect(injected).toHaveLength(1);
    // Only the scripts made for injection.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const other = await new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger({ id: 3, type: 'loadCode', data: { name: 'background' }, timestamp: Date.now() }, { tab: { id: tabA }, frameId: 0 } as never, resolve));
    expect(other).toEqual({ res: undefined });
    expect(injected).toHaveLength(1);
    warn.mockRestore();
  });

  it('gives a page the known quotations it matches (kept out of the script every frame loads)', async () => {
    const reply = (await fromTab(tabA, 'pageExtras', undefined)) as { res: { quotes: { id: string; text: string }[] } };
    expect(reply.res.quotes.map((q) => q.id)).toEqual(fixtureData.quotes.map((q) => q.id));
    expect(reply.res.quotes.every((q, i) => q.text === fixtureData.quotes[i]!.text)).toBe(true);
  });

  it("injects the saved passages' script into a frame whose address has saved items (top or embedded), and only there", async () => {
    const injected: unknown[] = [];
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: (d: unknown) => (injected.push(d), Promise.resolve([])) };
    const url = 'https://a.test/story';
    await fakeBrowser.storage.local.set({ readerDossier: { actors: [], items: [savedFrom(REUTERS, 'Peskov also said', { url })] } });
    const ask = (sender: object) =>
      new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger({ id: 4, type: 'readerPageData', data: { url }, timestamp: Date.now() }, sender as never, resolve));
    await ask({ tab: { id: tabA }, frameId: 0, url: 'https://a.test/other' });
    await ask({ tab: { id: tabA }, frameId: 2, url: 'https://a.test/embedded' });
    // The address the message claims does not count: the sender's does.
    await ask({ tab: { id: tabA }, frameId: 3, url: 'https://a.test/other' });
    expect(injected).toEqual([]);
    await ask({ tab: { id: tabA }, frameId: 0, url });
    await ask({ tab: { id: tabA }, frameId: 2, url });
    expect(injected).toEqual([
      { target: { tabId: tabA, frameIds: [0] }, files: ['/reader-save.js'] },
      { target: { tabId: tabA, frameIds: [2] }, files: ['/reader-save.js'] },
    ]);
  });

  it("answers a page's question about the reader's dossier for that page, and drops a malformed one", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await fromTab(tabA, 'readerPageData', { url: 'https://a.test/' })).toEqual({ res: { quotes: [], entries: [] } });
    expect(await fromTab(tabA, 'readerPageData', { url: 42 })).toEqual({ res: undefined });
    warn.mockRestore();
  });
});
