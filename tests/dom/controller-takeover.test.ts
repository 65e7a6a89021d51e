/**
 * Starting on a page whose `<html>` already carries `data-dossier`: an older instance of ours is stopped by
 * WXT's context as this one starts, so a marker that stays is the page's own (or a leftover), and Dossier
 * must not let it switch highlighting off.
 */
import { describe, expect, it, vi } from 'vitest';
import { MARKER_ATTRIBUTE, startController } from '../../src/content/controller';
import { useControllerPage } from './controller-page';

const page = useControllerPage(() => '<p>Dmitry Peskov spoke about Donbas.</p>');

describe('controller start on a page that already has the marker', () => {
  it('takes over after the wait when the marker stays (a page cannot disable Dossier by setting it)', async () => {
    document.documentElement.setAttribute(MARKER_ATTRIBUTE, 'ready');
    let settled = false;
    const started = startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: false }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).toBe(false); // still waiting for a previous instance to go
    await vi.advanceTimersByTimeAsync(1100);
    page.controller = await started;
    expect(page.controller).not.toBeNull();
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(50);
      expect(document.documentElement.getAttribute(MARKER_ATTRIBUTE)).toBe('ready');
    });
    expect(page.controller!.getState().mentions.map((m) => m.id).sort()).toEqual(['dmitry-peskov', 'donbas']);
  });

  it('starts as soon as a previous instance removes the marker, and not at all once its own context is invalid', async () => {
    document.documentElement.setAttribute(MARKER_ATTRIBUTE, 'ready');
    const started = startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: false });
    await vi.advanceTimersByTimeAsync(100);
    document.documentElement.removeAttribute(MARKER_ATTRIBUTE);
    await vi.advanceTimersByTimeAsync(0);
    page.controller = await started;
    expect(page.controller).not.toBeNull();
    page.controller!.destroy();
    page.controller = null;
    document.documentElement.setAttribute(MARKER_ATTRIBUTE, 'ready');
    const orphan = startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: false });
    page.ctx.abort();
    await vi.advanceTimersByTimeAsync(2100);
    expect(await orphan).toBeNull();
  });
});
