/**
 * The controller's settings come from one read of `storage.local`, shared by the first settings and their watch: the
 * read the top frame made at document_start when there is one (src/content/early-asks.ts), else one the controller
 * makes. The area is read whole (the "Not this" entries have a key each, and the reader's dossier lives there too),
 * so a second read at start would cost a page as much again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startController } from '../../src/content/controller';
import { updateSettings } from '../../src/shared/settings';
import { fieldKey } from '../../src/shared/settings-schema';
import { useControllerPage } from './controller-page';

const page = useControllerPage(() => '<p>Vladimir Putin met Volodymyr Zelensky in Kyiv.</p>');
afterEach(() => vi.restoreAllMocks());

describe('controller: one read of the storage at start', () => {
  it('reads the storage once for the first settings and their watch, and still applies a later change', async () => {
    await fakeBrowser.storage.local.set({ [fieldKey('badge')]: true });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const getKeys = vi.spyOn(fakeBrowser.storage.local as unknown as { getKeys: () => Promise<string[]> }, 'getKeys');
    page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true });
    await vi.advanceTimersByTimeAsync(1500);
    expect(page.controller!.getState().status).toBe('ready');
    expect(getKeys).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledTimes(1);
    await updateSettings({ paused: true });
    await vi.advanceTimersByTimeAsync(500);
    expect(page.controller!.getState().status).toBe('paused');
  });

  it('starts from the read it is given and reads nothing itself', async () => {
    await fakeBrowser.storage.local.set({ [fieldKey('paused')]: true });
    const early = fakeBrowser.storage.local.get(null);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true, storage: () => early });
    await vi.advanceTimersByTimeAsync(1500);
    expect(page.controller!.getState().status).toBe('paused');
    expect(get).not.toHaveBeenCalled();
    // The watch started from that read: a change arriving later is applied to it.
    await updateSettings({ paused: false });
    await vi.advanceTimersByTimeAsync(1500);
    expect(page.controller!.getState().status).toBe('ready');
  });
});
