/**
 * Small parts of the controller: the settings → page config derivation and what a change costs, the design-mode
 * watch, the mutation watcher's nested-addition filter, the quote rescan root of a large container, the state
 * feed, the location watch, and the lifetime's timer slots.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { quoteRescanRoot, QUOTE_BLOCK_MAX_CHILDREN } from '../../src/content/block-quotes';
import { DesignModeWatch } from '../../src/content/design-mode';
import { Disposer, frameSlot, timerSlot } from '../../src/content/lifetime';
import { watchLocation } from '../../src/content/location-watch';
import { MutationWatcher } from '../../src/content/mutation-watcher';
import { configChange, derivePageConfig } from '../../src/content/page-config';
import { StateFeed } from '../../src/content/state-feed';
import { defaultSettings } from '../../src/shared/settings';
import type { PageState } from '../../src/shared/messages';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  document.designMode = 'off';
});

describe('page config', () => {
  it('derives what the settings mean here, and what a change costs', () => {
    const s = defaultSettings();
    const base = derivePageConfig(s, 'news.test', true);
    expect(base).toMatchObject({ active: true, status: 'active', engine: 'css' });
    expect(derivePageConfig(s, 'news.test', false).engine).toBe('marks');
    expect(derivePageConfig({ ...s, paused: true }, 'news.test', true)).toMatchObject({ active: false, status: 'paused' });
    expect(configChange(null, base)).toMatchObject({ engine: true, rescan: true });
    // The same settings read again (a write elsewhere): nothing to do, with no hand-made cache keys.
    expect(configChange(base, derivePageConfig(structuredClone(s), 'news.test', true))).toEqual({ engine: false, matcher: false, rescan: false, visibility: false });
    const hidden = derivePageConfig({ ...s, categories: { ...s.categories, regions: false } }, 'news.test', true);
    expect(configChange(base, hidden)).toEqual({ engine: false, matcher: false, rescan: false, visibility: true });
    const excluded = derivePageConfig({ ...s, excludedAliases: ['Putin'] }, 'news.test', true);
    expect(configChange(base, excluded)).toMatchObject({ matcher: true, rescan: true });
    const ignored = derivePageConfig({ ...s, ignoredMatches: [{ site: 'news.test', text: 'Putin' }] }, 'news.test', true);
    expect(configChange(base, ignored)).toMatchObject({ matcher: false, rescan: true });
  });
});

describe('design mode watch', () => {
  it('reports entering and leaving once each', () => {
    const watch = new DesignModeWatch(document);
    expect(watch.check()).toBeNull();
    document.designMode = 'on';
    expect(watch.check()).toBe('entered');
    expect(watch.check()).toBeNull();
    expect(watch.editing).toBe(true);
    document.designMode = 'off';
    expect(watch.check()).toBe('left');
  });
});

describe('mutation watcher', () => {
  it('hands over added roots without walking ancestors: a node whose parent was added in the same batch is left to it', async () => {
    const batches: Node[][] = [];
    const watcher = new MutationWatcher({ isOwn: () => false, onStale() {}, onRemoved() {}, onDirty: (r) => r !== 'full' && batches.push(r) });
    watcher.observe(document);
    const section = document.createElement('section');
    document.body.append(section);
    const p = document.createElement('p');
    section.append(p);
    p.append('Putin');
    const other = document.createElement('p');
    document.body.append(other);
    await vi.advanceTimersByTimeAsync(0);
    watcher.disconnect();
    expect(batches).toEqual([[section, other]]);
  });
});

describe('quote rescan root', () => {
  it('is the paragraph for an inline change, the change itself inside a large container', () => {
    document.body.innerHTML = `<p id="p">He said <a id="a">we</a> will</p><div id="feed">${'<span>x</span>'.repeat(QUOTE_BLOCK_MAX_CHILDREN + 1)}</div>`;
    expect(quoteRescanRoot(document.getElementById('a')!)).toBe(document.getElementById('p'));
    const span = document.querySelector('#feed span')!;
    expect(quoteRescanRoot(span)).toBe(span);
  });
});

describe('state feed', () => {
  it('pushes the state at once, then only changes, coalesced', async () => {
    const life = new Disposer();
    let state: PageState = { url: 'u', hostname: 'h', status: 'ready', progress: 1, mentions: [], total: 0 };
    const feed = new StateFeed(life, () => state);
    const got: number[] = [];
    const off = feed.subscribe((s) => got.push(s.total));
    feed.notify();
    await vi.advanceTimersByTimeAsync(200);
    state = { ...state, total: 2 };
    for (let i = 0; i < 10; i++) feed.notify();
    await vi.advanceTimersByTimeAsync(200);
    expect(got).toEqual([0, 2]);
    off();
    state = { ...state, total: 3 };
    feed.notify();
    await vi.advanceTimersByTimeAsync(200);
    expect(got).toEqual([0, 2]);
    life.dispose();
  });
});

describe('location watch', () => {
  it('reports a new URL once, and ignores events the page made up', () => {
    const life = new Disposer();
    const changes: string[] = [];
    const watch = watchLocation(life, window, () => changes.push(location.href));
    window.dispatchEvent(new PopStateEvent('popstate')); // untrusted: ignored even though the URL changes below
    history.pushState({}, '', '/next');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changes).toEqual([]);
    watch.check();
    watch.check();
    expect(changes).toHaveLength(1);
    history.pushState({}, '', '/');
    life.dispose();
  });
});

describe('lifetime slots', () => {
  it('one timer and one frame slot serve a loop: a single abort listener each, however often they are armed', async () => {
    const life = new Disposer();
    const add = vi.spyOn(life.signal, 'addEventListener');
    const timer = timerSlot(life);
    const frame = frameSlot(life);
    let fired = 0;
    for (let i = 0; i < 700; i++) {
      timer.arm(() => fired++, 5);
      frame.request(() => fired++);
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(fired).toBe(1400);
    expect(add).not.toHaveBeenCalled();
    timer.arm(() => fired++, 5);
    life.dispose();
    await vi.advanceTimersByTimeAsync(20);
    expect(fired).toBe(1400);
  });
});
