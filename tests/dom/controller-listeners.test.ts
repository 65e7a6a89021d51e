/**
 * Listener growth and trust. WXT's ctx.setTimeout / ctx.requestAnimationFrame add an abort listener per call that
 * is never removed; the controller's loops (hover frames, scan slices, badge reports) must not grow the context's
 * listeners, nor the page's. And only the reader's own pointer events count: made-up ones open nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startController, type PopoverLike } from '../../src/content/controller';
import { watchHover } from '../../src/content/hover';
import { Disposer } from '../../src/content/lifetime';
import type { HighlightEngine } from '../../src/content/engines/types';
import { useControllerPage } from './controller-page';
import { recordingEngine } from './controller-fakes';

const page = useControllerPage(() => '<p>Dmitry Peskov spoke about Donbas.</p>');

function fakePopover(): PopoverLike & { shown: number } {
  const p = { shown: 0, show: () => void p.shown++, scheduleShow: () => void p.shown++, scheduleHide() {}, hide() {}, destroy() {} };
  return p;
}

let counts: Map<EventTarget, number>;
beforeEach(() => {
  // jsdom has no layout: nothing is under the pointer.
  (document as unknown as { elementFromPoint(): null }).elementFromPoint = () => null;
  counts = new Map();
  for (const target of [document, window] as EventTarget[]) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    vi.spyOn(target, 'addEventListener').mockImplementation((...args: unknown[]) => {
      counts.set(target, (counts.get(target) ?? 0) + 1);
      add.apply(target, args as never);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((...args: unknown[]) => {
      counts.set(target, (counts.get(target) ?? 0) - 1);
      remove.apply(target, args as never);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (document as unknown as { elementFromPoint?: unknown }).elementFromPoint;
});

describe('controller listeners', () => {
  it('stay flat over many pointer moves, scan slices and badge reports', async () => {
    // Every abort listener on any signal: the context's and the controller's own lifetime.
    let onSignal = 0;
    const proto = AbortSignal.prototype;
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    vi.spyOn(proto, 'addEventListener').mockImplementation(function (this: AbortSignal, ...args: unknown[]) {
      onSignal++;
      add.apply(this, args as never);
    });
    vi.spyOn(proto, 'removeEventListener').mockImplementation(function (this: AbortSignal, ...args: unknown[]) {
      onSignal--;
      remove.apply(this, args as never);
    });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true, createPopover: fakePopover, trusted: () => true });
    await vi.advanceTimersByTimeAsync(1500);
    const settled = { signal: onSignal, document: counts.get(document) ?? 0, window: counts.get(window) ?? 0 };
    for (let i = 0; i < 700; i++) {
      document.dispatchEvent(new PointerEvent('pointermove', { clientX: i % 300, clientY: 10, pointerType: 'mouse' }));
      if (i % 35 === 0) document.body.insertAdjacentHTML('beforeend', `<p>Peskov again, ${i}.</p>`);
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(1500);
    expect(page.controller!.getState().total).toBe(22);
    expect({ signal: onSignal, document: counts.get(document) ?? 0, window: counts.get(window) ?? 0 }).toEqual(settled);
  });
});

describe('hover and tap', () => {
  function setup(trusted?: (e: Event) => boolean) {
    const life = new Disposer();
    const engine: HighlightEngine = { ...recordingEngine(), hitTest: () => ({ mention: { id: 'x' } as never, range: () => document.createRange() }) };
    const popover = fakePopover();
    watchHover({ life, doc: document, engine: () => engine, popover, suspended: () => false, trusted });
    return { life, popover };
  }

  it('ignores pointer events the page made up (isTrusted false)', async () => {
    const { life, popover } = setup();
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5, pointerType: 'mouse' }));
    document.dispatchEvent(new PointerEvent('pointerdown', { clientX: 5, clientY: 5, pointerType: 'touch' }));
    await vi.advanceTimersByTimeAsync(50);
    expect(popover.shown).toBe(0);
    life.dispose();
  });

  it("opens the card for the reader's own hover and tap, and stops listening when its lifetime ends", async () => {
    const { life, popover } = setup(() => true);
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5, pointerType: 'mouse' }));
    await vi.advanceTimersByTimeAsync(50);
    document.dispatchEvent(new PointerEvent('pointerdown', { clientX: 5, clientY: 5, pointerType: 'touch' }));
    expect(popover.shown).toBe(2);
    life.dispose();
    document.dispatchEvent(new PointerEvent('pointerdown', { clientX: 5, clientY: 5, pointerType: 'touch' }));
    expect(popover.shown).toBe(2);
  });
});
