/**
 * The controller's badge reports (`pageStateChanged`, top frame): sent when a scan settles with new numbers, not
 * after every rescan of a page that keeps changing without changing what is highlighted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startController } from '../../src/content/controller';
import { updateSettings } from '../../src/shared/settings';
import { useControllerPage } from './controller-page';

let reports: unknown[];

/** Lets the page settle: mutation batches, scan slices and the 500 ms badge delay. */
const settle = () => vi.advanceTimersByTimeAsync(1500);

const page = useControllerPage(() => '<p>Dmitry Peskov spoke about Donbas.</p>');

beforeEach(() => {
  reports = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; data: unknown }) => {
    if (message.type === 'pageStateChanged') reports.push(message.data);
    // The background's answer to a message whose handler returns nothing, as the messaging library sends it.
    return Promise.resolve({ res: undefined });
  }) as never);
});

afterEach(() => vi.restoreAllMocks());

describe('controller: badge reports', () => {
  it('reports once per change of the numbers, and again after the settings apply', async () => {
    page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true });
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
