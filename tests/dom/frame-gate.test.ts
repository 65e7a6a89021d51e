/**
 * Frames with nothing to do do nothing (src/content/frame-gate.ts, run by entrypoints/frame-gate.ts): the gate asks
 * for the content script once the frame has text and room, and keeps nothing running afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { gateFrame, hasWorkHere, untilWorkHere } from '../../src/content/frame-gate';
import { startController } from '../../src/content/controller';
import { extensionApi } from '../../src/shared/extension-api';
import { useControllerPage } from './controller-page';

const big = { innerWidth: 300, innerHeight: 250 };
/** The gate's own lifetime (entrypoints/frame-gate.ts): no timer, the extension's presence asked at each check. */
const life = {
  get isInvalid() {
    return extensionApi()?.runtime?.id == null;
  },
};

describe('frame gate', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('sees no work in an empty frame, one with only scripts and styles, or a tiny or hidden one', () => {
    expect(hasWorkHere(document, big)).toBe(false);
    document.body.innerHTML = '<script>var ad = "a long script that is not text to read, at all";</script><style>p { color: red; }</style>   ';
    expect(hasWorkHere(document, big)).toBe(false);
    document.body.innerHTML = '<p>Dmitry Peskov spoke about Donbas.</p>';
    expect(hasWorkHere(document, big)).toBe(true);
    expect(hasWorkHere(document, { innerWidth: 1, innerHeight: 1 })).toBe(false);
    expect(hasWorkHere(document, { innerWidth: 0, innerHeight: 0 })).toBe(false);
  });

  describe('waiting', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => {
      vi.restoreAllMocks();
      vi.useRealTimers();
    });

    it('resolves when text arrives, and lets go of its observer and listener', async () => {
      const removed = vi.spyOn(window, 'removeEventListener');
      let started: boolean | null = null;
      void untilWorkHere(document, window, life).then((r) => (started = r));
      await vi.advanceTimersByTimeAsync(1000);
      expect(started).toBeNull();
      document.body.insertAdjacentHTML('beforeend', '<p>Dmitry Peskov spoke about Donbas.</p>');
      await vi.advanceTimersByTimeAsync(300);
      expect(started).toBe(true);
      expect(removed).toHaveBeenCalledWith('resize', expect.any(Function));
    });

    it('the gate asks once, when the frame gets text, and keeps no observer or listener afterwards', async () => {
      const ask = vi.fn(() => Promise.resolve(true));
      const observed = vi.spyOn(MutationObserver.prototype, 'observe');
      const disconnected = vi.spyOn(MutationObserver.prototype, 'disconnect');
      const added = vi.spyOn(window, 'addEventListener');
      const removed = vi.spyOn(window, 'removeEventListener');
      let asked: boolean | null = null;
      void gateFrame(document, window, life, ask).then((r) => (asked = r));
      // A frame that keeps changing without text is checked, never asks.
      for (let i = 0; i < 5; i++) {
        document.body.insertAdjacentHTML('beforeend', '<span> </span>');
        await vi.advanceTimersByTimeAsync(300);
      }
      expect(ask).not.toHaveBeenCalled();
      document.body.insertAdjacentHTML('beforeend', '<p>Dmitry Peskov spoke about Donbas.</p>');
      await vi.advanceTimersByTimeAsync(300);
      expect(ask).toHaveBeenCalledTimes(1);
      expect(asked).toBe(true);
      expect(observed).toHaveBeenCalledTimes(1);
      expect(disconnected).toHaveBeenCalledTimes(1);
      const resize = added.mock.calls.find(([type]) => type === 'resize')![1];
      expect(removed).toHaveBeenCalledWith('resize', resize);
      // More text later changes nothing: it has asked.
      document.body.insertAdjacentHTML('beforeend', '<p>Marco Rubio met Sergei Lavrov.</p>');
      await vi.advanceTimersByTimeAsync(1000);
      expect(ask).toHaveBeenCalledTimes(1);
    });

    it('a frame with text and room asks at once; a tiny one waits for room', async () => {
      document.body.innerHTML = '<p>Dmitry Peskov spoke about Donbas.</p>';
      const ask = vi.fn(() => Promise.resolve(true));
      expect(await gateFrame(document, window, life, ask)).toBe(true);
      expect(ask).toHaveBeenCalledTimes(1);
      const tiny = Object.assign(new EventTarget(), { innerWidth: 1, innerHeight: 1 }) as unknown as Window;
      let asked: boolean | null = null;
      void gateFrame(document, tiny, life, ask).then((r) => (asked = r));
      await vi.advanceTimersByTimeAsync(1000);
      expect(asked).toBeNull();
      Object.assign(tiny, { innerWidth: 300, innerHeight: 250 });
      tiny.dispatchEvent(new Event('resize'));
      await vi.advanceTimersByTimeAsync(300);
      expect(asked).toBe(true);
      expect(ask).toHaveBeenCalledTimes(2);
    });

    it('a gate left behind by an extension reload lets go at its next check and never asks', async () => {
      const ask = vi.fn(() => Promise.resolve(true));
      const disconnected = vi.spyOn(MutationObserver.prototype, 'disconnect');
      let asked: boolean | null = null;
      void gateFrame(document, window, life, ask).then((r) => (asked = r));
      // The extension went away: its runtime has no id any more.
      const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
      document.body.insertAdjacentHTML('beforeend', '<p>Dmitry Peskov spoke about Donbas.</p>');
      await vi.advanceTimersByTimeAsync(300);
      expect(asked).toBe(false);
      expect(ask).not.toHaveBeenCalled();
      expect(disconnected).toHaveBeenCalledTimes(1);
      // It let go of its observer: more text, even with the extension back, asks nothing.
      id.mockRestore();
      document.body.insertAdjacentHTML('beforeend', '<p>Marco Rubio met Sergei Lavrov.</p>');
      await vi.advanceTimersByTimeAsync(1000);
      expect(ask).not.toHaveBeenCalled();
    });
  });
});

describe('controller in a frame', () => {
  const page = useControllerPage(() => '<p>Dmitry Peskov spoke about Donbas.</p>');

  it('starts at once, as the top frame does: its gate has seen the text before the content script came', async () => {
    // The settings are read through the list of keys (src/shared/settings-read.ts).
    const read = vi.spyOn(fakeBrowser.storage.local as unknown as { getKeys: () => Promise<string[]> }, 'getKeys');
    page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: false });
    expect(page.controller).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1500);
    expect(read).toHaveBeenCalled();
    expect(page.controller!.getState()).toMatchObject({ status: 'ready', total: 2 });
    read.mockRestore();
  });
});
