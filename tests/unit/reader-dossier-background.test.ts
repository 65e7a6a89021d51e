import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_ID, OPEN_MENU_ID, SAVE_COMMAND, startReaderDossier, type ReaderDossierBackground } from '../../src/background/reader-dossier';
import { getReaderDossier } from '../../src/shared/reader-dossier-storage';
import { selectorsFor } from '../../src/core/reader-dossier/selectors';
import { exportJson } from '../../src/core/reader-dossier/transfer';
import { dataset } from '../../src/data/dataset';
import { bundledActorInfo } from '../../src/core/reader-dossier/actors';
import { NEWSX, REUTERS, savedFrom } from './reader-dossier-fixtures';

const PUTIN_QUOTE = 'Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease';
const PAGE = 'https://news.example/world/putin-donbas#top';
const DOSSIER_PAGE = 'chrome-extension://test-extension-id/dossier.html';

/** Delivers a message to the background as the browser would, from `sender`; resolves with the reply. */
function deliver(type: string, data: unknown, sender: { tab?: { id: number }; url: string; frameId?: number }): Promise<unknown> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender as never, (reply: { res?: unknown } | undefined) => resolve(reply?.res));
  });
}

function saveData(token: string, text = NEWSX, exact = PUTIN_QUOTE) {
  const start = text.indexOf(exact);
  return {
    token,
    actor: { type: 'existing', ref: { type: 'bundled', id: 'vladimir-putin' } },
    kind: 'quote',
    title: 'Putin says Ukraine must withdraw',
    selector: selectorsFor(text, start, start + exact.length),
  };
}

describe('reader dossier background', () => {
  let bg: ReaderDossierBackground;
  let opened: { tabId: number; frameId: number; token: string; actors: { name: string }[] }[];
  let menus: { id: string; title: string; contexts: string[] }[];
  let tabA: number;
  let tabB: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    menus = [];
    // The fake browser does not mock context menus, commands or tabs.sendMessage.
    Object.assign(fakeBrowser.contextMenus, {
      removeAll: async () => void (menus = []),
      create: (item: { id: string; title: string; contexts: string[] }) => void menus.push(item),
      onClicked: { addListener() {}, removeListener() {} },
    });
    Object.assign(fakeBrowser.commands, { onCommand: { addListener() {}, removeListener() {} } });
    opened = [];
    fakeBrowser.tabs.sendMessage = ((tabId: number, message: { type: string; data: { token: string; actors: { name: string }[] } }, o: { frameId?: number }, cb: (r: unknown) => void) => {
      if (message.type === 'openSaveDialog') opened.push({ tabId, frameId: o.frameId ?? 0, ...message.data });
      cb({ res: true });
    }) as never;
    await fakeBrowser.windows.create({ focused: true });
    tabA = (await fakeBrowser.tabs.create({ url: PAGE, active: true })).id!;
    tabB = (await fakeBrowser.tabs.create({ url: 'https://other.example/' })).id!;
    let n = 0;
    bg = startReaderDossier({
      bundledActors: () => bundledActorInfo(dataset.actors),
      randomId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      now: () => Date.parse('2026-12-01T09:00:00.000Z'),
    });
    await vi.waitFor(() =>
      expect(menus).toEqual([
        { id: MENU_ID, title: 'Add to Dossier…', contexts: ['selection'] },
        { id: OPEN_MENU_ID, title: 'Your dossier', contexts: [expect.stringMatching(/^(action|browser_action)$/)] },
      ]),
    );
  });
  afterEach(() => bg.stop());

  it('a context-menu click opens the dialog on that tab, and its Save stores the passage with the page as provenance', async () => {
    expect(await bg.onMenuClicked({ menuItemId: MENU_ID }, { id: tabA })).toBe(true);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.tabId).toBe(tabA);
    expect(opened[0]!.actors.map((a) => a.name)).toContain('Vladimir Putin');
    const reply = await deliver('saveFromDialog', saveData(opened[0]!.token), { tab: { id: tabA }, url: PAGE, frameId: 0 });
    expect(reply).toEqual({ ok: true, message: 'Saved to your dossier.' });
    const { items } = await getReaderDossier();
    expect(items).toHaveLength(1);
    expect(items[0]!.target).toMatchObject({ source: 'https://news.example/world/putin-donbas', site: 'news.example', title: 'Putin says Ukraine must withdraw' });
    expect(items[0]!.target.selector[0].exact).toBe(PUTIN_QUOTE);
  });

  it("makes the dialog's script ready in the tab before asking it to open the dialog", async () => {
    bg.stop();
    const order: string[] = [];
    const sendMessage = fakeBrowser.tabs.sendMessage;
    fakeBrowser.tabs.sendMessage = ((...args: unknown[]) => (order.push('open'), (sendMessage as (...a: unknown[]) => void)(...args))) as never;
    bg = startReaderDossier({ bundledActors: () => bundledActorInfo(dataset.actors), prepareFrame: async (tabId, frameId) => void order.push(`inject ${tabId}/${frameId}`) });
    expect(await bg.onMenuClicked({ menuItemId: MENU_ID }, { id: tabA })).toBe(true);
    expect(await bg.onMenuClicked({ menuItemId: MENU_ID, frameId: 7 }, { id: tabA })).toBe(true);
    expect(order).toEqual([`inject ${tabA}/0`, 'open', `inject ${tabA}/7`, 'open']);
  });

  it('a click in a frame opens the dialog in that frame; its token works from that frame only, with its address as provenance', async () => {
    const FRAME = 'https://embed.example/statement#quote';
    expect(await bg.onMenuClicked({ menuItemId: MENU_ID, frameId: 3 }, { id: tabA })).toBe(true);
    expect(opened.map((o) => [o.tabId, o.frameId])).toEqual([[tabA, 3]]);
    const { token } = opened[0]!;
    // The top frame, another frame of the same tab and the same frame id in another tab cannot use it.
    expect(await deliver('saveFromDialog', saveData(token), { tab: { id: tabA }, url: PAGE, frameId: 0 })).toMatchObject({ ok: false });
    expect(await deliver('saveFromDialog', saveData(token), { tab: { id: tabA }, url: 'https://ads.example/', frameId: 4 })).toMatchObject({ ok: false });
    expect(await deliver('saveFromDialog', saveData(token), { tab: { id: tabB }, url: FRAME, frameId: 3 })).toMatchObject({ ok: false });
    expect((await getReaderDossier()).items).toHaveLength(0);
    expect(await deliver('saveFromDialog', saveData(token), { tab: { id: tabA }, url: FRAME, frameId: 3 })).toEqual({ ok: true, message: 'Saved to your dossier.' });
    const { items } = await getReaderDossier();
    expect(items[0]!.target).toMatchObject({ source: 'https://embed.example/statement', site: 'embed.example' });
  });

  it('a gesture in the top frame gives a token no frame of the tab can use', async () => {
    await bg.onMenuClicked({ menuItemId: MENU_ID }, { id: tabA });
    const { token } = opened[0]!;
    expect(await deliver('saveFromDialog', saveData(token), { tab: { id: tabA }, url: 'https://embed.example/', frameId: 2 })).toMatchObject({ ok: false });
    // The top frame itself can.
    expect(await deliver('saveFromDialog', saveData(token), { tab: { id: tabA }, url: PAGE, frameId: 0 })).toMatchObject({ ok: true });
  });

  it('"Your dossier" in the toolbar button\'s menu opens the page', async () => {
    expect(await bg.onMenuClicked({ menuItemId: OPEN_MENU_ID }, { id: tabA })).toBe(true);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('chrome-extension://test-extension-id/dossier.html');
  });

  it('the keyboard command does the same for the active tab', async () => {
    expect(await bg.onCommand(SAVE_COMMAND)).toBe(true);
    expect(opened.map((o) => [o.tabId, o.frameId])).toEqual([[tabA, 0]]);
    expect(await bg.onCommand('next-mention')).toBe(false);
  });

  it('the keyboard command opens the dialog in the frame that holds the selection, and binds the token to it', async () => {
    bg.stop();
    const asked: number[] = [];
    bg = startReaderDossier({ bundledActors: () => bundledActorInfo(dataset.actors), selectionFrame: async (tabId) => (asked.push(tabId), 5) });
    expect(await bg.onCommand(SAVE_COMMAND)).toBe(true);
    expect(asked).toEqual([tabA]);
    expect(opened.map((o) => [o.tabId, o.frameId])).toEqual([[tabA, 5]]);
    expect(await deliver('saveFromDialog', saveData(opened[0]!.token), { tab: { id: tabA }, url: PAGE, frameId: 0 })).toMatchObject({ ok: false });
    expect(await deliver('saveFromDialog', saveData(opened[0]!.token), { tab: { id: tabA }, url: 'https://embed.example/', frameId: 5 })).toMatchObject({ ok: true });
  });

  it('the keyboard command falls back to the top frame where the frames cannot be asked', async () => {
    bg.stop();
    bg = startReaderDossier({ bundledActors: () => bundledActorInfo(dataset.actors), selectionFrame: () => Promise.reject(new Error('Cannot access a chrome:// URL')) });
    expect(await bg.onCommand(SAVE_COMMAND)).toBe(true);
    expect(opened.map((o) => [o.tabId, o.frameId])).toEqual([[tabA, 0]]);
  });

  it('a save without the token of a gesture is refused and stores nothing', async () => {
    const forged = saveData('00000000-0000-4000-8000-999999999999');
    expect(await deliver('saveFromDialog', forged, { tab: { id: tabA }, url: PAGE, frameId: 0 })).toMatchObject({ ok: false });
    // A message with no token at all is malformed: dropped before any handler.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await deliver('saveFromDialog', { ...forged, token: undefined }, { tab: { id: tabA }, url: PAGE })).toBeUndefined();
    warn.mockRestore();
    expect((await getReaderDossier()).items).toHaveLength(0);
  });

  it("a gesture's token works once, and only from the tab of the gesture", async () => {
    await bg.onMenuClicked({ menuItemId: MENU_ID }, { id: tabA });
    const { token } = opened[0]!;
    expect(await deliver('saveFromDialog', saveData(token), { tab: { id: tabB }, url: 'https://other.example/', frameId: 0 })).toMatchObject({ ok: false });
    expect(await deliver('saveFromDialog', saveData(token), { tab: { id: tabA }, url: PAGE, frameId: 0 })).toMatchObject({ ok: true });
    const again = saveData(token, REUTERS, 'Peskov also said no call between Putin and Zelenskiy was being discussed.');
    expect(await deliver('saveFromDialog', again, { tab: { id: tabA }, url: PAGE, frameId: 0 })).toMatchObject({ ok: false });
    expect((await getReaderDossier()).items).toHaveLength(1);
  });

  it('saves arriving together are all kept (one writer)', async () => {
    const tabs = [tabA, tabB];
    for (let k = 0; k < 4; k++) tabs.push((await fakeBrowser.tabs.create({ url: `https://n${k}.example/` })).id!);
    for (const id of tabs) await bg.onMenuClicked({ menuItemId: MENU_ID }, { id });
    const replies = await Promise.all(
      opened.map((o, k) => deliver('saveFromDialog', saveData(o.token), { tab: { id: o.tabId }, url: `https://n${k}.example/page`, frameId: 0 })),
    );
    expect(replies.every((r) => (r as { ok: boolean }).ok)).toBe(true);
    expect((await getReaderDossier()).items).toHaveLength(tabs.length);
  });

  it('a new actor created in the dialog is stored with the item', async () => {
    await bg.onMenuClicked({ menuItemId: MENU_ID }, { id: tabA });
    const data = { ...saveData(opened[0]!.token), actor: { type: 'new', name: 'Rustem Umerov', category: 'people', aliases: ['Umerov'] } };
    expect(await deliver('saveFromDialog', data, { tab: { id: tabA }, url: PAGE, frameId: 0 })).toMatchObject({ ok: true });
    const d = await getReaderDossier();
    expect(d.actors).toEqual([expect.objectContaining({ name: 'Rustem Umerov', aliases: ['Umerov'] })]);
    expect(d.items[0]!.actor).toEqual({ type: 'reader', id: d.actors[0]!.id });
  });

  it('only extension pages import, edit or delete; a malformed import changes nothing', async () => {
    const file = exportJson({ actors: [], items: [savedFrom(NEWSX, PUTIN_QUOTE, { id: 'item-aaaa0001' })] }, '2026-12-01T09:00:00.000Z');
    expect(await deliver('dossierImport', { text: file }, { tab: { id: tabA }, url: PAGE })).toMatchObject({ ok: false });
    expect(await deliver('dossierDelete', { id: 'item-aaaa0001' }, { tab: { id: tabA }, url: PAGE })).toBeNull();
    expect((await getReaderDossier()).items).toHaveLength(0);

    expect(await deliver('dossierImport', { text: file }, { url: DOSSIER_PAGE })).toEqual({ ok: true, summary: { added: 1, duplicates: 0, actorsAdded: 0 } });
    const bad = await deliver('dossierImport', { text: file.replace('"quote"', '"rumour"') }, { url: DOSSIER_PAGE });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('items[0].kind') });
    expect((await getReaderDossier()).items).toHaveLength(1);

    const removed = await deliver('dossierDelete', { id: 'item-aaaa0001' }, { url: DOSSIER_PAGE });
    expect(removed).toMatchObject({ index: 0, item: { id: 'item-aaaa0001' } });
    expect((await getReaderDossier()).items).toHaveLength(0);
    expect(await deliver('dossierRestore', removed, { url: DOSSIER_PAGE })).toEqual({ ok: true, message: 'Restored.' });
    expect(await deliver('dossierEdit', { id: 'item-aaaa0001', note: 'checked' }, { url: DOSSIER_PAGE })).toEqual({ ok: true, message: 'Changed.' });
    expect((await getReaderDossier()).items[0]!.note).toBe('checked');
  });
});

describe('reader dossier background: tokens under pressure', () => {
  it('two Saves with one token at the same moment store one item; a failed save gives the token back', async () => {
    fakeBrowser.reset();
    Object.assign(fakeBrowser.contextMenus, { removeAll: async () => {}, create: () => {}, onClicked: { addListener() {}, removeListener() {} } });
    Object.assign(fakeBrowser.commands, { onCommand: { addListener() {}, removeListener() {} } });
    const tokens: string[] = [];
    fakeBrowser.tabs.sendMessage = ((_t: number, m: { type: string; data: { token: string } }, _o: unknown, cb: (r: unknown) => void) => {
      tokens.push(m.data.token);
      cb({ res: true });
    }) as never;
    const tab = (await fakeBrowser.tabs.create({ url: PAGE })).id!;
    let n = 0;
    const bg = startReaderDossier({ bundledActors: () => bundledActorInfo(dataset.actors), randomId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
    try {
      await bg.onMenuClicked({ menuItemId: MENU_ID }, { id: tab });
      const sender = { tab: { id: tab }, url: PAGE, frameId: 0 };
      // A reader actor that does not exist: refused, and the token is still good for a corrected Save.
      const wrong = { ...saveData(tokens[0]!), actor: { type: 'existing', ref: { type: 'reader', id: 'reader-gone' } } };
      expect(await deliver('saveFromDialog', wrong, sender)).toEqual({ ok: false, error: 'Not saved: that actor is not in your dossier.' });
      const other = { ...saveData(tokens[0]!), actor: { type: 'existing', ref: { type: 'bundled', id: 'dmitry-peskov' } } };
      const replies = await Promise.all([deliver('saveFromDialog', saveData(tokens[0]!), sender), deliver('saveFromDialog', other, sender)]);
      expect(replies.filter((r) => (r as { ok: boolean }).ok)).toHaveLength(1);
      expect((await getReaderDossier()).items).toHaveLength(1);
    } finally {
      bg.stop();
    }
  });
});
