import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type SettingsModule = typeof import('../../src/shared/settings');

/**
 * Two extension contexts (the popup and a page's content script): two instances of the settings module, each
 * with its own in-memory state, over the one storage they share in the browser.
 */
async function twoContexts(): Promise<[SettingsModule, SettingsModule]> {
  vi.resetModules();
  const popup = await import('../../src/shared/settings');
  vi.resetModules();
  const page = await import('../../src/shared/settings');
  return [popup, page];
}

describe('settings written by two contexts at the same moment', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a toggle in the popup and a "Not this" on a page both land', async () => {
    const [popup, page] = await twoContexts();
    await Promise.all([
      popup.updateSettings({ paused: true }),
      page.updateSettings((s) => ({ ignoredMatches: [...s.ignoredMatches, { site: 'news.test', text: 'Peskov' }] })),
    ]);
    for (const ctx of [popup, page]) {
      const s = await ctx.getSettings();
      expect(s.paused).toBe(true);
      expect(s.ignoredMatches).toEqual([{ site: 'news.test', text: 'Peskov' }]);
    }
  });

  it('an Undo in the popup and a new "Not this" on a page, on the same list, both land', async () => {
    const [popup, page] = await twoContexts();
    await popup.updateSettings({ excludedAliases: ['Kremlin'] });
    await Promise.all([
      popup.updateSettings((s) => ({ excludedAliases: s.excludedAliases.filter((a) => a !== 'Kremlin') })),
      page.updateSettings((s) => ({ excludedAliases: [...s.excludedAliases, 'Peskov'] })),
    ]);
    expect((await popup.getSettings()).excludedAliases).toEqual(['Peskov']);
    expect((await page.getSettings()).excludedAliases).toEqual(['Peskov']);
  });

  it('"Not this" from two pages at once keeps both', async () => {
    const [one, two] = await twoContexts();
    await Promise.all([
      one.updateSettings((s) => ({ ignoredMatches: [...s.ignoredMatches, { site: 'a.test', text: 'Rubio' }] })),
      two.updateSettings((s) => ({ excludedAliases: [...s.excludedAliases, 'Donbas'] })),
      two.updateSettings((s) => ({ ignoredMatches: [...s.ignoredMatches, { site: 'b.test', text: 'Witkoff' }] })),
    ]);
    const s = await one.getSettings();
    expect(s.excludedAliases).toEqual(['Donbas']);
    expect(s.ignoredMatches).toEqual(expect.arrayContaining([
      { site: 'a.test', text: 'Rubio' },
      { site: 'b.test', text: 'Witkoff' },
    ]));
    expect(s.ignoredMatches).toHaveLength(2);
  });
});
