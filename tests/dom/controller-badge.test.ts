/**
 * The controller's badge reports (`pageStateChanged`, top frame): sent when a scan settles with new numbers, not
 * after every rescan of a page that keeps changing without changing what is highlighted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MARKER_ATTRIBUTE, startController, type ContentController } from '../../src/content/controller';
import { buildPageData } from '../../src/core/page-data';
import { updateSettings } from '../../src/shared/settings';
import { fixtureData } from './popover-fixture';

const data = buildPageData(fixtureData);
let ctx: ContentScriptContext;
let controller: ContentController | null = null;
let reports: unknown[];

/** Lets the page settle: mutation batches, scan slices and the 500 ms badge delay. */
const settle = () => vi.advanceTimersByTimeAsync(1500);

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  reports = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; data: unknown }) => {
    if (message.type === 'pageStateChanged') reports.push(message.data);
    return Promise.resolve(undefined);
  }) as never);
  document.body.innerHTML = '<p>Dmitry Peskov spoke about Donbas.</p>';
  ctx = new ContentScriptContext('content');
});

afterEach(() => {
  controller?.destroy();
  controller = null;
  ctx.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.documentElement.removeAttribute(MARKER_ATTRIBUTE);
  document.body.innerHTML = '';
});

describe('controller: badge reports', () => {
  it('reports once per change of the numbers, and again after the settings apply', async () => {
    controller = await startController({ ctx, data, topFrame: true });
    await settle();
    expect(reports).toEqual([{ total: 2, entities: 2 }]);
    // The page keeps changing, nothing highlighted changes: no report.
    for (let i = 0; i < 3; i++) {
      document.body.insertAdjacentHTML('beforeend', `<p>Weather update ${i}.</p>`);
      await settle();
    }
    expect(reports).toHaveLength(1);
    document.body.insertAdjacentHTML('beforeend', '<p>Later, Peskov again.</p>');
    await settle();
    expect(reports).toEqual([{ total: 2, entities: 2 }, { total: 3, entities: 2 }]);
    // The badge setting may have changed: the same numbers are reported again.
    await updateSettings({ badge: false });
    await settle();
    expect(reports).toHaveLength(3);
    expect(reports[2]).toEqual({ total: 3, entities: 2 });
  });
});
