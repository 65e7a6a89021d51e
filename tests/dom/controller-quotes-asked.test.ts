/**
 * The known quotations and the context rules' words are not in the script every frame loads: the controller asks
 * for them (the background answers) and the first scan waits for them, so a page is scanned once and its quotations are found.
 */
import { describe, expect, it, vi } from 'vitest';
import { createBenchHook } from '../../src/content/bench-hook';
import { startController } from '../../src/content/controller';
import { buildPageData, extrasOf, withoutExtras } from '../../src/core/page-data';
import { pageExtras } from '../../src/core/page-extras';
import { updateSettings } from '../../src/shared/settings';
import { dataset } from '../../src/data/dataset';
import { useControllerPage } from './controller-page';

const page = useControllerPage(() => '<p>“We are talking about the withdrawal of the regime’s armed forces from the Donbas,” Peskov said.</p>');

describe('controller: quotations asked of the background', () => {
  it('finds a known quotation with one full scan when the quotations come after the settings', async () => {
    const bench = createBenchHook(null);
    let answer!: () => void;
    const asked = new Promise<void>((resolve) => (answer = resolve)).then(() => extrasOf(page.data));
    page.controller = await startController({ ctx: page.ctx, data: withoutExtras(page.data), loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true, bench, extras: () => asked });
    await vi.advanceTimersByTimeAsync(500);
    // Nothing is scanned before the quotations are there.
    expect(bench.counters.fullScans).toBe(0);
    answer();
    await vi.advanceTimersByTimeAsync(1500);
    const state = page.controller!.getState();
    expect(state.status).toBe('ready');
    expect(state.mentions.map((m) => m.category).sort()).toEqual(['people', 'quotes', 'regions']);
    expect(bench.counters.fullScans).toBe(1);
  });

  it('tells the bench hook how long the names matcher took to build, once for the page', async () => {
    const base = createBenchHook(null);
    const built: number[] = [];
    const bench = { ...base, namesBuilt: (ms: number) => (built.push(ms), base.namesBuilt(ms)) };
    page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true, bench });
    await vi.advanceTimersByTimeAsync(1500);
    expect(page.controller!.getState().status).toBe('ready');
    expect(built).toHaveLength(1);
    expect(built[0]).toBeGreaterThanOrEqual(0);
    expect(base.counters.namesBuilt).toBe(built[0]);
  });

  it('highlights names and reports ready when the background cannot match the quotations', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: () => Promise.reject(new Error('no tab')), topFrame: true });
    await vi.advanceTimersByTimeAsync(1500);
    const state = page.controller!.getState();
    expect(state.status).toBe('ready');
    expect(state.mentions.map((m) => m.category).sort()).toEqual(['people', 'regions']);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('still highlights names when the background cannot give the quotations', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    page.controller = await startController({ ctx: page.ctx, data: withoutExtras(page.data), loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true, extras: () => Promise.reject(new Error('asleep')) });
    await vi.advanceTimersByTimeAsync(1500);
    const state = page.controller!.getState();
    expect(state.status).toBe('ready');
    expect(state.mentions.map((m) => m.category).sort()).toEqual(['people', 'regions']);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe("controller: the context rules' words asked of the background", () => {
  const real = buildPageData(dataset);
  const trump = useControllerPage(() => '<p>Donald Trump visited Trump Tower in New York.</p>');

  it('applies them before the first scan: "Trump Tower" is a building, not the man', async () => {
    trump.controller = await startController({ ctx: trump.ctx, data: withoutExtras(real), loadMarks: trump.loadMarks, findQuotes: trump.findQuotes, topFrame: true, extras: () => Promise.resolve(extrasOf(real)) });
    await vi.advanceTimersByTimeAsync(1500);
    expect(trump.controller!.getState().total).toBe(1);
  });
});

describe('controller: the names matcher the background planned', () => {
  const real = buildPageData(dataset);
  const names = useControllerPage(() => '<p>Dmitry Peskov and Zelensky spoke of Путін in Kyiv.</p>');
  const ids = () => names.controller!.getState().mentions.filter((m) => m.category !== 'quotes').map((m) => m.id).sort();

  it('finds with the plan what it finds with the page data and the extras', async () => {
    names.controller = await startController({ ctx: names.ctx, data: withoutExtras(real), loadMarks: names.loadMarks, findQuotes: names.findQuotes, topFrame: true, extras: () => Promise.resolve(structuredClone(pageExtras(real))) });
    await vi.advanceTimersByTimeAsync(1500);
    const planned = ids();
    names.controller!.destroy();
    names.controller = await startController({ ctx: names.ctx, data: withoutExtras(real), loadMarks: names.loadMarks, findQuotes: names.findQuotes, topFrame: true, extras: () => Promise.resolve(extrasOf(real)) });
    await vi.advanceTimersByTimeAsync(1500);
    expect(planned).toEqual(ids());
    expect(planned).toEqual(['dmitry-peskov', 'vladimir-putin', 'volodymyr-zelensky']);
  });

  it('plans its own matcher when the reader excluded an alias everywhere', async () => {
    await updateSettings({ excludedAliases: ['zelensky'] });
    names.controller = await startController({ ctx: names.ctx, data: withoutExtras(real), loadMarks: names.loadMarks, findQuotes: names.findQuotes, topFrame: true, extras: () => Promise.resolve(structuredClone(pageExtras(real))) });
    await vi.advanceTimersByTimeAsync(1500);
    expect(ids()).toEqual(['dmitry-peskov', 'vladimir-putin']);
  });
});

describe('controller: the quotations matched by the background', () => {
  const quoted = useControllerPage(() => '<p>“We are talking about the withdrawal of the regime’s armed forces from the Donbas,” Peskov said.</p><p>The delegation will meet again in Geneva next week to settle the remaining points.</p>');
  const quotes = () => quoted.controller!.getState().mentions.filter((m) => m.category === 'quotes');

  it('sends each block once, and a rescan of unchanged blocks asks nothing', async () => {
    const asked: string[][] = [];
    const findQuotes: typeof quoted.findQuotes = (texts, saved) => {
      asked.push(texts);
      return quoted.findQuotes(texts, saved);
    };
    quoted.controller = await startController({ ctx: quoted.ctx, data: quoted.data, loadMarks: quoted.loadMarks, findQuotes, topFrame: true });
    await vi.advanceTimersByTimeAsync(1500);
    expect(quotes()).toHaveLength(1);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.some((t) => t.startsWith('“We are talking'))).toBe(true);
    expect(new Set(asked[0]).size).toBe(asked[0]!.length);
    // Quotations off and on again: the page is scanned again, the answers kept are used.
    await updateSettings({ categories: { people: true, organisations: true, regions: true, quotes: false } });
    await vi.advanceTimersByTimeAsync(1500);
    expect(quotes()).toHaveLength(0);
    await updateSettings({ categories: { people: true, organisations: true, regions: true, quotes: true } });
    await vi.advanceTimersByTimeAsync(1500);
    expect(quotes()).toHaveLength(1);
    expect(asked.length).toBeLessThanOrEqual(2);
    const texts = asked.flat();
    expect(texts.filter((t) => t.startsWith('“We are talking')).length).toBe(asked.length);
  });

  it('sends no text of the page while quotations are off', async () => {
    await updateSettings({ categories: { people: true, organisations: true, regions: true, quotes: false } });
    const findQuotes = vi.fn(quoted.findQuotes);
    quoted.controller = await startController({ ctx: quoted.ctx, data: quoted.data, loadMarks: quoted.loadMarks, findQuotes, topFrame: true });
    await vi.advanceTimersByTimeAsync(1500);
    expect(quoted.controller!.getState().status).toBe('ready');
    expect(quoted.controller!.getState().mentions.map((m) => m.category)).toContain('people');
    expect(findQuotes).not.toHaveBeenCalled();
  });

  it('asks again, with the new key, when the reader’s saved quotations change', async () => {
    const keys: string[] = [];
    const findQuotes: typeof quoted.findQuotes = (texts, saved) => {
      keys.push(saved);
      return quoted.findQuotes(texts, saved);
    };
    let push!: (d: { quotes: { id: string; text: string; sentence: string; label: string; speakers: string[] }[]; entries: [] }) => void;
    quoted.controller = await startController({
      ctx: quoted.ctx,
      data: quoted.data,
      loadMarks: quoted.loadMarks,
      findQuotes,
      topFrame: true,
      reader: { read: () => Promise.resolve({ quotes: [], entries: [] }), watch: (cb) => ((push = cb), () => {}) },
    });
    await vi.advanceTimersByTimeAsync(1500);
    expect(quotes().map((m) => m.id)).toEqual(['peskov-withdrawal']);
    const text = 'The delegation will meet again in Geneva next week to settle the remaining points';
    const saved = { id: 'reader-item-1', text, sentence: `${text}.`, label: 'Your saved quotation', speakers: [] };
    quoted.saved = [saved];
    push({ quotes: [saved], entries: [] });
    await vi.advanceTimersByTimeAsync(1500);
    expect(new Set(keys).size).toBe(2);
    expect(quotes().map((m) => m.id).sort()).toEqual(['peskov-withdrawal', 'reader-item-1']);
  });
});

describe("controller: the reader's dossier and the page's status", () => {
  const sentence = 'The delegation will meet again in Geneva next week to settle the remaining points of the plan.';
  const reader = useControllerPage(() => `<p>Peskov said: “${sentence}”</p>`);

  it('is not ready until the reader’s saved quotations are applied, then ready with them highlighted', async () => {
    let deliver!: () => void;
    const saved = { id: 'reader-item-1', text: sentence, sentence, label: 'Your saved quotation', speakers: [] };
    reader.saved = [saved];
    const data = new Promise<void>((resolve) => (deliver = resolve)).then(() => ({ quotes: [saved], entries: [] }));
    reader.controller = await startController({
      ctx: reader.ctx,
      data: reader.data,
      loadMarks: reader.loadMarks,
      findQuotes: reader.findQuotes,
      topFrame: true,
      reader: { read: () => data, watch: () => () => {} },
    });
    await vi.advanceTimersByTimeAsync(1500);
    // The page's own scan is done, the dossier is not applied yet: still scanning.
    expect(reader.controller!.getState().status).toBe('scanning');
    deliver();
    await vi.advanceTimersByTimeAsync(1500);
    const state = reader.controller!.getState();
    expect(state.status).toBe('ready');
    expect(state.mentions.filter((m) => m.category === 'quotes').map((m) => m.id)).toEqual(['reader-item-1']);
  });
});
