/**
 * Starting on a page whose `<html>` already carries `data-dossier`: an older instance of ours is stopped by
 * WXT's context as this one starts, so a marker that stays is the page's own (or a leftover), and Dossier
 * must not let it switch highlighting off.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MARKER_ATTRIBUTE, startController, type ContentController } from '../../src/content/controller';
import { buildPageData } from '../../src/core/page-data';
import { fixtureData } from './popover-fixture';

const data = buildPageData(fixtureData);
let ctx: ContentScriptContext;
let controller: ContentController | null = null;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  document.body.innerHTML = '<p>Dmitry Peskov spoke about Donbas.</p>';
  ctx = new ContentScriptContext('content');
});

afterEach(() => {
  controller?.destroy();
  controller = null;
  ctx.abort();
  vi.useRealTimers();
  document.documentElement.removeAttribute(MARKER_ATTRIBUTE);
  document.body.innerHTML = '';
});

describe('controller start on a page that already has the marker', () => {
  it('takes over after the wait when the marker stays (a page cannot disable Dossier by setting it)', async () => {
    document.documentElement.setAttribute(MARKER_ATTRIBUTE, 'ready');
    let settled = false;
    const started = startController({ ctx, data, topFrame: false }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).toBe(false); // still waiting for a previous instance to go
    await vi.advanceTimersByTimeAsync(1100);
    controller = await started;
    expect(controller).not.toBeNull();
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(50);
      expect(document.documentElement.getAttribute(MARKER_ATTRIBUTE)).toBe('ready');
    });
    expect(controller!.getState().mentions.map((m) => m.id).sort()).toEqual(['dmitry-peskov', 'donbas']);
  });

  it('starts as soon as a previous instance removes the marker, and not at all once its own context is invalid', async () => {
    document.documentElement.setAttribute(MARKER_ATTRIBUTE, 'ready');
    const started = startController({ ctx, data, topFrame: false });
    await vi.advanceTimersByTimeAsync(100);
    document.documentElement.removeAttribute(MARKER_ATTRIBUTE);
    await vi.advanceTimersByTimeAsync(0);
    controller = await started;
    expect(controller).not.toBeNull();
    controller!.destroy();
    controller = null;
    document.documentElement.setAttribute(MARKER_ATTRIBUTE, 'ready');
    const orphan = startController({ ctx, data, topFrame: false });
    ctx.abort();
    await vi.advanceTimersByTimeAsync(2100);
    expect(await orphan).toBeNull();
  });
});
