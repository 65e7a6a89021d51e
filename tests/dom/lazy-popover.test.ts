/**
 * The popover before the card's code is in the frame (src/content/lazy-popover.ts): the code and the card are asked
 * for as hover intent starts, the card opens when the hover delay ends if both are there, and nothing the reader
 * has taken back (pointer gone) opens later.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../src/core/matcher';
import type { PopoverLike, PopoverTarget } from '../../src/content/hover';
import { createLazyPopover } from '../../src/content/lazy-popover';
import { SHOW_DELAY_MS } from '../../src/content/popover/card-request';
import type { PopoverDeps } from '../../src/content/popover';

const mention = (id: string): Mention => ({ id, category: 'people', alias: id, text: id, start: 0, end: id.length }) as Mention;
const target = (id: string): PopoverTarget => ({ mention: mention(id), rect: () => new DOMRect(0, 0, 10, 10) });

function fakeReal() {
  const calls: string[] = [];
  const real: PopoverLike = {
    show: (t) => void calls.push(`show ${t.mention.id}`),
    scheduleShow: (t) => void calls.push(`scheduleShow ${t.mention.id}`),
    scheduleHide: () => void calls.push('scheduleHide'),
    hide: () => void calls.push('hide'),
    destroy: () => void calls.push('destroy'),
  };
  return { real, calls };
}

let getCard: ReturnType<typeof vi.fn<PopoverDeps['getCard']>>;
let services: PopoverDeps;
beforeEach(() => {
  vi.useFakeTimers();
  getCard = vi.fn<PopoverDeps['getCard']>(() => Promise.resolve(null));
  services = { getCard, openSource: vi.fn(), sourceHref: () => '' };
});
afterEach(() => vi.useRealTimers());

/** A load that resolves when the test says so. */
function deferredLoad(real: PopoverLike) {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const given: PopoverDeps[] = [];
  const load = vi.fn((s: PopoverDeps) => {
    given.push(s);
    return new Promise<PopoverLike>((res, rej) => {
      resolve = () => res(real);
      reject = rej;
    });
  });
  return { load, given, resolve: () => resolve(), reject: (e: Error) => reject(e) };
}

describe('lazy popover', () => {
  it('asks for the code and the card as hover intent starts, and opens the card when the delay ends', async () => {
    const { real, calls } = fakeReal();
    const d = deferredLoad(real);
    const firsts: boolean[] = [];
    const popover = createLazyPopover({ services, load: d.load, onFirstShow: (late) => firsts.push(late) });
    popover.scheduleShow(target('peskov'));
    expect(d.load).toHaveBeenCalledTimes(1);
    expect(getCard).toHaveBeenCalledTimes(1);
    d.resolve();
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS - 10);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toEqual(['show peskov']);
    expect(firsts).toEqual([false]);
    // The popover gets the card asked for early, not a second request.
    await d.given[0]!.getCard({ id: 'peskov', category: 'people', alias: 'peskov', text: 'peskov' });
    expect(getCard).toHaveBeenCalledTimes(1);
    // Loaded: calls go straight through.
    popover.scheduleHide();
    popover.scheduleShow(target('putin'));
    expect(calls).toEqual(['show peskov', 'scheduleHide', 'scheduleShow putin']);
  });

  it('opens the card as soon as the code arrives when it comes after the delay', async () => {
    const { real, calls } = fakeReal();
    const d = deferredLoad(real);
    const firsts: boolean[] = [];
    const popover = createLazyPopover({ services, load: d.load, onFirstShow: (late) => firsts.push(late) });
    popover.scheduleShow(target('peskov'));
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS + 100);
    expect(calls).toEqual([]);
    d.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['show peskov']);
    expect(firsts).toEqual([true]);
  });

  it('opens nothing the reader has moved away from, before or after the code arrived', async () => {
    const { real, calls } = fakeReal();
    const d = deferredLoad(real);
    const popover = createLazyPopover({ services, load: d.load });
    popover.scheduleShow(target('peskov'));
    popover.scheduleHide();
    d.resolve();
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS * 2);
    expect(calls).toEqual([]);
    // The code came during a new hover's delay; the pointer leaves before it ends.
    const e = fakeReal();
    const d2 = deferredLoad(e.real);
    const second = createLazyPopover({ services, load: d2.load });
    second.scheduleShow(target('putin'));
    d2.resolve();
    await vi.advanceTimersByTimeAsync(10);
    second.scheduleHide();
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS * 2);
    expect(e.calls).toEqual(['scheduleHide']);
  });

  it('a keyboard command or a tap shows at once once the code is there', async () => {
    const { real, calls } = fakeReal();
    const d = deferredLoad(real);
    const popover = createLazyPopover({ services, load: d.load });
    popover.show(target('peskov'), { focus: true });
    d.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['show peskov']);
  });

  it('says once that the code could not load, and tries again on the next gesture', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { real, calls } = fakeReal();
    const d = deferredLoad(real);
    const popover = createLazyPopover({ services, load: d.load });
    popover.scheduleShow(target('peskov'));
    d.reject(new Error('no background'));
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS * 2);
    expect(calls).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    popover.scheduleShow(target('peskov'));
    expect(d.load).toHaveBeenCalledTimes(2);
    d.resolve();
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS);
    expect(calls).toEqual(['show peskov']);
    warn.mockRestore();
  });

  it('destroys a popover whose code arrives after the content script ended', async () => {
    const { real, calls } = fakeReal();
    const d = deferredLoad(real);
    const popover = createLazyPopover({ services, load: d.load });
    popover.scheduleShow(target('peskov'));
    popover.destroy();
    d.resolve();
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS * 2);
    expect(calls).toEqual(['destroy']);
  });
});
