import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GetCardData } from '../../src/shared/messages';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isActiveOn,
  isSiteEnabled,
  MAX_MATCH_TEXT,
  MAX_NOT_THIS_ENTRIES,
  MAX_NOT_THIS_TEXT,
  notThisKey,
  notThisOn,
  parseSettings,
  updateSettings,
  watchSettings,
  withSiteEnabled,
  type Settings,
} from '../../src/shared/settings';
import { fieldKey, NOT_THIS_PREFIX, notThisEntryKey } from '../../src/shared/settings-schema';

const stored = (key: string) => fakeBrowser.storage.local.get(key).then((r) => r[key]);

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

  it('falls back field by field when a stored value is corrupt', async () => {
    await fakeBrowser.storage.local.set({ [fieldKey('categories')]: { regions: false }, [fieldKey('engine')]: 3, [fieldKey('badge')]: false });
    const s = await getSettings();
    expect(s.categories).toEqual({ people: true, organisations: true, regions: false, quotes: true });
    expect(s.engine).toBe('auto');
    expect(s.badge).toBe(false);
    await fakeBrowser.storage.local.set({ [fieldKey('categories')]: 'not an object', [fieldKey('badge')]: [] });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores updates, and a write after corruption stores a repaired value', async () => {
    await fakeBrowser.storage.local.set({ [fieldKey('engine')]: 'warp', [fieldKey('paused')]: 1, [fieldKey('categories')]: { people: 'no' } });
    const s = await updateSettings((cur) => ({ categories: { ...cur.categories, people: false } }));
    const expected = { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, people: false } };
    expect(s).toEqual(expected);
    expect(await getSettings()).toEqual(expected);
    expect(await stored(fieldKey('categories'))).toEqual(expected.categories);
  });

  it('moves the single settings object of older versions into one key per field, repaired, and removes it', async () => {
    await fakeBrowser.storage.local.set({
      settings: { categories: { regions: false }, engine: 'marks', paused: 'yes', excludedAliases: ['Kremlin', 7], ignoredMatches: [{ site: 'WWW.News.test', text: 'Peskov' }] },
      // WXT's version record of that object, damaged.
      settings$: { v: 99 },
    });
    const s = await getSettings();
    expect(s).toEqual({
      ...DEFAULT_SETTINGS,
      categories: { ...DEFAULT_SETTINGS.categories, regions: false },
      engine: 'marks',
      excludedAliases: ['Kremlin'],
      ignoredMatches: [{ site: 'news.test', text: 'Peskov' }],
    });
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all)).not.toContain('settings');
    expect(Object.keys(all)).not.toContain('settings$');
    expect(all[fieldKey('engine')]).toBe('marks');
    expect(await getSettings()).toEqual(s);
  });

  it('keeps "Not this" on a quotation as long as the data set\'s, normalised, and ignores a text longer than the bound', async () => {
    const quotation = 'We are ready to talk,\n   but not  about that. '.repeat(6).trim(); // about 280 characters
    expect(quotation.length).toBeLessThanOrEqual(MAX_NOT_THIS_TEXT);
    const long = 'We are ready to talk, '.repeat(200).trim(); // about 4 400 characters: a page's own wording
    const s = await updateSettings((cur) => ({
      excludedAliases: [...cur.excludedAliases, quotation, long],
      ignoredMatches: [...cur.ignoredMatches, { site: 'news.test', text: quotation }, { site: 'news.test', text: long }],
    }));
    expect(s.excludedAliases).toEqual([notThisKey(quotation)]);
    expect(notThisKey(quotation)).not.toMatch(/\s\s|\n/);
    expect(s.ignoredMatches).toEqual([{ site: 'news.test', text: notThisKey(quotation) }]);
    expect((await getSettings()).excludedAliases).toEqual([notThisKey(quotation)]);
    const bytes = JSON.stringify(await fakeBrowser.storage.local.get(null)).length;
    expect(bytes).toBeLessThan(2 * MAX_NOT_THIS_TEXT + 1000);
    // Past the limit of a card request's page text, an entry is no mention's and is dropped as invalid.
    expect(parseSettings({ excludedAliases: ['x'.repeat(MAX_MATCH_TEXT + 1)] }).excludedAliases).toEqual([]);
    // A card request still carries a long wording: only what is stored is bounded.
    expect(GetCardData.safeParse({ mention: { id: 'q-x', category: 'quotes', alias: long, text: long } }).success).toBe(true);
  });

  it('keeps at most MAX_NOT_THIS_ENTRIES per list: filling it past the cap forgets the oldest choices', async () => {
    const extra = 7;
    for (let i = 0; i < MAX_NOT_THIS_ENTRIES + extra; i++) {
      await updateSettings((cur) => ({
        excludedAliases: [...cur.excludedAliases, `alias ${i}`],
        ignoredMatches: [...cur.ignoredMatches, { site: 'news.test', text: `text ${i}` }],
      }));
    }
    const s = await getSettings();
    expect(s.excludedAliases).toHaveLength(MAX_NOT_THIS_ENTRIES);
    expect(s.excludedAliases[0]).toBe(`alias ${extra}`);
    expect(s.excludedAliases.at(-1)).toBe(`alias ${MAX_NOT_THIS_ENTRIES + extra - 1}`);
    expect(s.ignoredMatches).toHaveLength(MAX_NOT_THIS_ENTRIES);
    expect(s.ignoredMatches[0]).toEqual({ site: 'news.test', text: `text ${extra}` });
    // Evicted entries leave storage too.
    const keys = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(keys.filter((k) => k.startsWith(NOT_THIS_PREFIX))).toHaveLength(2 * MAX_NOT_THIS_ENTRIES);
    // A stored list longer than the cap (written by hand) is read capped too.
    expect(parseSettings({ excludedAliases: Array.from({ length: 500 }, (_, i) => `a${i}`) }).excludedAliases).toHaveLength(MAX_NOT_THIS_ENTRIES);
  });

  it('does not lose one of two quick updates', async () => {
    await Promise.all([updateSettings({ paused: true }), updateSettings((s) => withSiteEnabled(s, 'www.news.test', false))]);
    const s = await getSettings();
    expect(s.paused).toBe(true);
    expect(s.disabledSites).toEqual(['news.test']);
  });

  it('writes only what a patch changed', async () => {
    await updateSettings({ excludedAliases: ['Kremlin'] });
    const writes: string[][] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => writes.push(Object.keys(changes)));
    await updateSettings((s) => ({ paused: true, excludedAliases: [...s.excludedAliases, 'Peskov'] }));
    expect(writes.flat().sort()).toEqual([fieldKey('paused'), notThisEntryKey(null, 'Peskov')].sort());
  });

  it('tells watchers about every change, validated', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings({ badge: false });
    await fakeBrowser.storage.local.set({ [fieldKey('badge')]: 'corrupt', [fieldKey('paused')]: true });
    unwatch();
    await updateSettings({ badge: true });
    expect(seen.map((s) => [s.badge, s.paused])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('a watcher of some fields is not called for a change of others', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSettings((s) => seen.push(s.badge), ['badge']);
    await getSettings();
    await updateSettings((s) => ({ ignoredMatches: [...s.ignoredMatches, { site: 'news.test', text: 'Peskov' }] }));
    await updateSettings({ paused: true });
    await updateSettings({ badge: false });
    await updateSettings({ badge: false });
    unwatch();
    expect(seen).toEqual([false]);
  });
});

describe('"Not this" as the page applies it', () => {
  it('matches a page text however its white space runs, on its site or everywhere', () => {
    const wording = '“We are talking about\n   the withdrawal”';
    const s = parseSettings({ ignoredMatches: [{ site: 'www.News.test', text: 'Dmitry\nPeskov' }], excludedAliases: [wording] });
    const here = notThisOn(s, 'news.test');
    expect(here.ignoredHere('Dmitry  Peskov')).toBe(true);
    expect(here.ignoredHere('Peskov')).toBe(false);
    expect(notThisOn(s, 'other.test').ignoredHere('Dmitry Peskov')).toBe(false);
    expect(here.excludedEverywhere('“We are talking about the withdrawal”')).toBe(true);
    expect(notThisOn(s, 'other.test').excludedEverywhere(wording)).toBe(true);
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
