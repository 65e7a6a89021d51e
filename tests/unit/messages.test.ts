import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerPageMessageHandlers, type PageApi } from '../../src/content/page-messages';
import { onMessage, PAGE_STATE_PORT, parsePageState, sendMessage, type PageState } from '../../src/shared/messages';

const state: PageState = {
  url: 'https://news.example/a',
  hostname: 'news.example',
  status: 'ready',
  progress: 1,
  mentions: [
    { id: 'volodymyr-zelensky', category: 'people', count: 3, firstText: 'Zelensky' },
    { id: 'donbas', category: 'regions', count: 1, firstText: 'Donbas' },
  ],
  total: 4,
};

/** A raw message as another context would put it on the wire. */
function raw(type: string, data: unknown) {
  return { id: 1, type, data, timestamp: Date.now() };
}

// The fake browser has no tabs.sendMessage: deliver to this context's runtime.onMessage listeners,
// which is what a content script receives in a real browser.
function routeTabMessagesHere() {
  fakeBrowser.tabs.sendMessage = ((_tabId: number, message: unknown, _opts: unknown, cb: (r: unknown) => void) => {
    fakeBrowser.runtime.sendMessage(message).then(cb, () => cb(undefined));
  }) as never;
}

/** A port as runtime.onConnect hands it to the content script; `disconnect()` is the popup closing. */
interface FakePort {
  name: string;
  posted: unknown[];
  postMessage(m: unknown): void;
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}
function fakePort(name: string): FakePort {
  const onClose: (() => void)[] = [];
  const port: FakePort = {
    name,
    posted: [],
    postMessage: (m) => void port.posted.push(m),
    onDisconnect: { addListener: (cb) => void onClose.push(cb) },
    disconnect: () => onClose.forEach((cb) => cb()),
  };
  return port;
}
// The fake browser has no runtime.onConnect: keep the listeners so a test can connect a port.
let connectListeners: ((port: FakePort) => void)[];
function fakeOnConnect() {
  connectListeners = [];
  (fakeBrowser.runtime as { onConnect: unknown }).onConnect = {
    addListener: (cb: (port: FakePort) => void) => void connectListeners.push(cb),
    removeListener: (cb: (port: FakePort) => void) => void (connectListeners = connectListeners.filter((l) => l !== cb)),
  };
}

describe('page messages', () => {
  let api: PageApi & { jumps: [string | null, string][] };
  let unregister: () => void;
  let subscribers: ((s: PageState) => void)[];
  beforeEach(() => {
    fakeBrowser.reset();
    fakeOnConnect();
    routeTabMessagesHere();
    const jumps: [string | null, string][] = [];
    subscribers = [];
    api = {
      jumps,
      getState: () => state,
      jumpTo: (id, dir) => (jumps.push([id, dir]), id !== 'absent'),
      subscribe: (push) => {
        subscribers.push(push);
        push(state);
        return () => void (subscribers = subscribers.filter((p) => p !== push));
      },
    };
    unregister = registerPageMessageHandlers(api);
  });
  afterEach(() => unregister());

  it('pushes the page state down a popup\'s port at once and on every change, until the popup closes', () => {
    const port = fakePort(PAGE_STATE_PORT);
    const stranger = fakePort('something-else');
    for (const l of connectListeners) l(stranger);
    for (const l of connectListeners) l(port);
    expect(stranger.posted).toEqual([]);
    expect(port.posted).toEqual([state]);
    const next = { ...state, total: 5 };
    subscribers.forEach((push) => push(next));
    expect(port.posted).toEqual([state, next]);
    port.disconnect();
    expect(subscribers).toEqual([]);
    unregister();
    expect(connectListeners).toEqual([]);
    unregister = () => {};
  });

  it('answers getPageState sent to the tab with the page state', async () => {
    const got = await sendMessage('getPageState', undefined, 7);
    expect(parsePageState(got)).toEqual(state);
  });

  it('passes jumpTo to the page and returns whether there was a mention', async () => {
    expect(await sendMessage('jumpTo', { id: 'donbas', direction: 'next' }, 7)).toBe(true);
    expect(await sendMessage('jumpTo', { id: null, direction: 'prev' }, 7)).toBe(true);
    expect(await sendMessage('jumpTo', { id: 'absent', direction: 'next' }, 7)).toBe(false);
    expect(api.jumps).toEqual([['donbas', 'next'], [null, 'prev'], ['absent', 'next']]);
  });

  it('drops malformed jumpTo payloads with a warning and never calls the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const bad of [
      { id: 'donbas', direction: 'sideways' },
      { id: 42, direction: 'next' },
      { direction: 'next' },
      { id: '', direction: 'next' },
      null,
      'next',
    ]) {
      const res = (await fakeBrowser.runtime.sendMessage(raw('jumpTo', bad))) as { res?: unknown; err?: unknown };
      expect(res.err).toBeUndefined();
      expect(res.res).toBeUndefined();
    }
    expect(api.jumps).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(6);
    expect(String(warn.mock.calls[0]?.[0])).toContain('jumpTo');
    warn.mockRestore();
  });

  it('ignores messages that are not ours at all', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // No listener answers: the fake resolves undefined instead of a { res } envelope.
    expect(await fakeBrowser.runtime.sendMessage({ hello: 'world' })).toBeUndefined();
    expect(await fakeBrowser.runtime.sendMessage('ping')).toBeUndefined();
    expect(api.jumps).toEqual([]);
    warn.mockRestore();
  });

  it('stops answering once unregistered', async () => {
    unregister();
    await expect(sendMessage('getPageState', undefined, 7)).rejects.toThrow();
    unregister = registerPageMessageHandlers(api);
    expect(parsePageState(await sendMessage('getPageState', undefined, 7))?.total).toBe(4);
  });
});

describe('background messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('delivers a valid pageStateChanged with the sender tab, drops a malformed one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const got: unknown[] = [];
    const off = onMessage('pageStateChanged', (data) => void got.push(data));
    await sendMessage('pageStateChanged', { total: 12, entities: 5 });
    await fakeBrowser.runtime.sendMessage(raw('pageStateChanged', { total: -1, entities: 5 }));
    await fakeBrowser.runtime.sendMessage(raw('pageStateChanged', { total: 1.5, entities: 'x' }));
    expect(got).toEqual([{ total: 12, entities: 5 }]);
    expect(warn).toHaveBeenCalledTimes(2);
    off();
    warn.mockRestore();
  });
});

describe('parsePageState', () => {
  it('rejects a state with an unknown category or status', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parsePageState({ ...state, status: 'done' })).toBeNull();
    expect(parsePageState({ ...state, mentions: [{ id: 'x', category: 'cats', count: 1, firstText: 'x' }] })).toBeNull();
    expect(parsePageState(undefined)).toBeNull();
    expect(parsePageState(state)).toEqual(state);
    warn.mockRestore();
  });
});
