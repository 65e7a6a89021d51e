import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GetCardData } from '../../src/shared/messages';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isActiveOn,
  isSiteEnabled,
  MAX_MATCH_TEXT,
  parseSettings,
  updateSettings,
  watchSettings,
  withSiteEnabled,
  type Settings,
} from '../../src/shared/settings';

const stored = () => fakeBrowser.storage.local.get('settings').then((r) => r.settings);

describe('parseSettings', () => {
  it('gives the defaults for nothing, garbage and wrong types', () => {
    for (const raw of [undefined, null, 42, 'settings', [], [true]]) expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields of a partly corrupt value and repairs the rest', () => {
    const s = parseSettings({
      categories: { people: false, regions: 'no', quotes: false, unicorns: true },
      engine: 'turbo',
      paused: 'yes',
      badge: false,
      disabledSites: ['WWW.Example.com', 7, '', 'example.com', 'news.test'],
      excludedAliases: ['Kremlin', null, 'Kremlin'],
      ignoredMatches: [{ site: 'news.test', text: 'Washington' }, { site: 'x' }, 'Trump'],
    });
    expect(s).toEqual<Settings>({
      categories: { people: false, organisations: true, regions: true, quotes: false },
      engine: 'auto',
      paused: false,
      badge: false,
      disabledSites: ['example.com', 'news.test'],
      excludedAliases: ['Kremlin'],
      ignoredMatches: [{ site: 'news.test', text: 'Washington' }],
    });
  });

  it('reads an older shape that lacks newer fields, keeping what it had', () => {
    // As an earlier build would have stored it: no badge, no quotes category, no "Not this" lists.
    const s = parseSettings({ categories: { people: true, organisations: false, regions: true }, engine: 'marks', paused: true, disabledSites: ['a.test'] });
    expect(s.categories).toEqual({ people: true, organisations: false, regions: true, quotes: true });
    expect(s.engine).toBe('marks');
    expect(s.paused).toBe(true);
    expect(s.disabledSites).toEqual(['a.test']);
    expect(s.badge).toBe(true);
    expect(s.ignoredMatches).toEqual([]);
  });

  it('never hands out the shared defaults object', () => {
    const a = parseSettings(null);
    a.categories.people = false;
    a.disabledSites.push('x.test');
    expect(parseSettings(null).categories.people).toBe(true);
    expect(parseSettings(null).disabledSites).toEqual([]);
  });
});

describe('settings in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads defaults on a fresh install', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back field by field when the stored value is corrupt', async () => {
    await fakeBrowser.storage.local.set({ settings: { categories: { regions: false }, engine: 3, badge: false } });
    const s = await getSettings();
    expect(s.categories).toEqual({ people: true, organisations: true, regions: false, quotes: true });
    expect(s.engine).toBe('auto');
    expect(s.badge).toBe(false);
    await fakeBrowser.storage.local.set({ settings: 'not an object' });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores updates, and a write after corruption stores a repaired value', async () => {
    await fakeBrowser.storage.local.set({ settings: { engine: 'warp', paused: 1 } });
    const s = await updateSettings((cur) => ({ categories: { ...cur.categories, people: false } }));
    expect(s.categories.people).toBe(false);
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, people: false } });
  });

  it('keeps "Not this" on a long quotation (its whole wording), as long as a card request may carry it', async () => {
    const quotation = 'We are ready to talk, '.repeat(200).trim(); // about 4 400 characters
    const s = await updateSettings((cur) => ({
      excludedAliases: [...cur.excludedAliases, quotation],
      ignoredMatches: [...cur.ignoredMatches, { site: 'news.test', text: quotation }],
    }));
    expect(s.excludedAliases).toEqual([quotation]);
    expect(s.ignoredMatches).toEqual([{ site: 'news.test', text: quotation }]);
    expect((await getSettings()).excludedAliases).toEqual([quotation]);
    // Past the limit of a card request's page text, an entry is no mention's and is dropped as invalid.
    expect(parseSettings({ excludedAliases: ['x'.repeat(MAX_MATCH_TEXT + 1)] }).excludedAliases).toEqual([]);
    expect(GetCardData.safeParse({ mention: { id: 'q-x', category: 'quotes', alias: quotation, text: quotation } }).success).toBe(true);
  });

  it('does not lose one of two quick updates', async () => {
    await Promise.all([updateSettings({ paused: true }), updateSettings((s) => withSiteEnabled(s, 'www.news.test', false))]);
    const s = await getSettings();
    expect(s.paused).toBe(true);
    expect(s.disabledSites).toEqual(['news.test']);
  });

  it('tells watchers about every change, validated', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings({ badge: false });
    await fakeBrowser.storage.local.set({ settings: { badge: 'corrupt', paused: true } });
    unwatch();
    await updateSettings({ badge: true });
    expect(seen.map((s) => [s.badge, s.paused])).toEqual([
      [false, false],
      [true, true],
    ]);
  });
});

describe('site switches', () => {
  it('turns a site off and back on, www and case insensitive, leaving others alone', () => {
    let s = parseSettings({ disabledSites: ['other.test'] });
    s = { ...s, ...withSiteEnabled(s, 'News.Test', false) };
    expect(isSiteEnabled(s, 'www.news.test')).toBe(false);
    expect(isSiteEnabled(s, 'localhost')).toBe(true);
    s = { ...s, ...withSiteEnabled(s, 'news.test', true) };
    expect(isSiteEnabled(s, 'news.test')).toBe(true);
    expect(s.disabledSites).toEqual(['other.test']);
  });

  it('pause turns Dossier off everywhere without touching the site list', () => {
    const s = parseSettings({ paused: true });
    expect(isSiteEnabled(s, 'news.test')).toBe(true);
    expect(isActiveOn(s, 'news.test')).toBe(false);
    expect(isActiveOn({ ...s, paused: false }, 'news.test')).toBe(true);
  });
});
