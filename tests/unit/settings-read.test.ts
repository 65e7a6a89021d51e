/**
 * The settings are read without the rest of `storage.local`: the reader's dossier lives there too (up to thousands of
 * saved passages), and the settings are read in every page at every load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, readStorage, updateSettings } from '../../src/shared/settings';
import { fieldKey, notThisEntryKey } from '../../src/shared/settings-schema';

const DOSSIER = { items: Array.from({ length: 200 }, (_, i) => ({ id: `saved-${i}`, exact: 'A passage the reader saved. '.repeat(20) })) };

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ readerDossier: DOSSIER, [fieldKey('paused')]: true, [notThisEntryKey('news.test', 'Kyiv')]: { at: 1 } });
});
afterEach(() => vi.restoreAllMocks());

describe('reading the settings', () => {
  it('reads the settings keys only, never the reader’s dossier', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const read = await readStorage();
    expect(Object.keys(read).sort()).toEqual([fieldKey('paused'), notThisEntryKey('news.test', 'Kyiv')].sort());
    expect(get).toHaveBeenCalledTimes(1);
    expect(get.mock.calls[0]![0]).not.toContain('readerDossier');
    expect(get.mock.calls[0]![0]).not.toBeNull();
    const s = await getSettings();
    expect(s.paused).toBe(true);
    expect(s.ignoredMatches).toEqual([{ site: 'news.test', text: 'Kyiv' }]);
  });

  it('writes and reads back through the same keys', async () => {
    await updateSettings({ paused: false });
    expect((await getSettings()).paused).toBe(false);
    expect((await fakeBrowser.storage.local.get('readerDossier')).readerDossier).toEqual(DOSSIER);
  });

  it('reads the whole area where the browser cannot list its keys, and keeps only the settings', async () => {
    const local = fakeBrowser.storage.local as { getKeys?: unknown };
    const getKeys = local.getKeys;
    local.getKeys = undefined;
    try {
      const s = await getSettings();
      expect(s.paused).toBe(true);
      expect(s.ignoredMatches).toEqual([{ site: 'news.test', text: 'Kyiv' }]);
    } finally {
      local.getKeys = getKeys;
    }
  });

  it('reads the whole area when listing the keys fails', async () => {
    vi.spyOn(fakeBrowser.storage.local as unknown as { getKeys: () => Promise<string[]> }, 'getKeys').mockRejectedValue(new Error('not here'));
    expect((await getSettings()).paused).toBe(true);
  });

  it('reads nothing when no setting is stored', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ readerDossier: DOSSIER });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await readStorage()).toEqual({});
    expect(get).not.toHaveBeenCalled();
  });
});
