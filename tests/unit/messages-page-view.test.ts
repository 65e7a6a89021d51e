import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readView } from '../../src/ui/popup/use-page';
import { restrictionOf } from '../../src/ui/popup/page-access';

const state = { url: 'https://news.test/a', hostname: 'news.test', status: 'ready', progress: 1, mentions: [], total: 0 };

describe('what the popup shows for a tab', () => {
  let answer: ((tabId: number) => unknown) | null;
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.windows.create({ focused: true });
    answer = null;
    // tabs.sendMessage as Chromium does it: the callback gets undefined (and lastError) when nothing listens.
    fakeBrowser.tabs.sendMessage = ((tabId: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) => cb(answer ? { res: answer(tabId) } : undefined)) as never;
  });

  it('the page state when the content script answers', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.news.test/a' });
    answer = () => state;
    expect(await readView(tab.id!)).toEqual({ kind: 'page', tabId: tab.id, hostname: 'news.test', state });
  });

  it('"reload this page" when no content script answers (tab opened before install or update)', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.test/a' });
    expect(await readView(tab.id!)).toMatchObject({ kind: 'unreachable', hostname: 'news.test', file: false });
  });

  it('"reload" too when an old content script answers with something that is not a page state', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.test/a' });
    answer = () => ({ count: 3 });
    expect((await readView(tab.id!)).kind).toBe('unreachable');
    warn.mockRestore();
  });

  it('a plain reason on pages where extensions cannot run', async () => {
    for (const url of ['chrome://extensions/', 'about:addons', 'https://chromewebstore.google.com/detail/x', 'view-source:https://news.test/', 'https://news.test/report.PDF']) {
      const tab = await fakeBrowser.tabs.create({ url });
      answer = () => state; // even if something answered, the page is not one we run on
      expect(await readView(tab.id!)).toMatchObject({ kind: 'restricted' });
    }
  });

  it('no tab when the tab is gone', async () => {
    expect(await readView(987654)).toEqual({ kind: 'no-tab' });
  });
});

describe('restrictionOf', () => {
  it('lets ordinary pages through', () => {
    for (const url of ['https://news.test/', 'http://127.0.0.1:8080/articles/a.html', 'file:///home/me/a.html', 'https://chrome.google.com/search']) {
      expect(restrictionOf(url)).toBeNull();
    }
  });
  it('names the reason', () => {
    expect(restrictionOf('chrome://settings')?.reason).toMatch(/browser’s own pages/);
    expect(restrictionOf('https://addons.mozilla.org/en-US/firefox/')?.reason).toMatch(/add-on store/);
    expect(restrictionOf('https://x.test/doc.pdf')?.reason).toMatch(/PDF/);
    expect(restrictionOf(undefined)?.reason).toBeTruthy();
  });
});
