import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher, compileQuoteMatcherSteps } from '../../src/core/quote-matcher';
import { readerPageDataSteps } from '../../src/core/reader-dossier/reader-page-data';
import { runAtOnce, runInSlices } from '../../src/core/reader-dossier/slices';
import { dataset } from '../../src/data/dataset';
import { readerPageDataFor } from '../../src/shared/reader-dossier-storage';
import { NEWSX, REUTERS, savedFrom } from './reader-dossier-fixtures';

/** A clock that advances `cost` ms each time it is read, and a pause that counts the slices. */
function fakeSlicing(cost: number, budgetMs: number) {
  let t = 0;
  const slices: number[] = [];
  let pauses = 0;
  return {
    opts: {
      now: () => (t += cost),
      pause: async () => {
        pauses++;
      },
      budgetMs,
      onSlice: (ms: number) => slices.push(ms),
    },
    slices,
    pauses: () => pauses,
  };
}

function* counter(n: number): Generator<void, number, void> {
  for (let i = 0; i < n; i++) yield;
  return n;
}

describe('running in slices', () => {
  it('steps a generator a budget at a time, pausing between slices, and returns its result', async () => {
    const s = fakeSlicing(1, 10);
    expect(await runInSlices(counter(95), s.opts)).toBe(95);
    // Each step reads the clock once (1 ms): about ten steps per 10 ms slice.
    expect(s.slices.length).toBeGreaterThan(8);
    expect(s.pauses()).toBe(s.slices.length - 1);
    expect(Math.max(...s.slices)).toBeLessThanOrEqual(11);
  });

  it('stops between slices when its signal aborts', async () => {
    const controller = new AbortController();
    const s = fakeSlicing(1, 5);
    const run = runInSlices(counter(1000), { ...s.opts, signal: controller.signal, pause: async () => controller.abort() });
    expect(await run).toBeNull();
    expect(s.slices.length).toBe(1);
  });

  it('runs to the end at once', () => {
    expect(runAtOnce(counter(3))).toBe(3);
  });
});

const URL_HERE = 'https://reading.example/today';
const QUOTE = '“We are talking about the withdrawal of the regime’s armed forces from the Donbas,”';
const RAW = JSON.parse(
  JSON.stringify({
    actors: [{ id: 'reader-witkoff', name: 'Steve Witkoff', category: 'people', aliases: ['Witkoff'], createdAt: '2026-11-30T10:00:00.000Z' }, { id: 'bad' }],
    items: [
      savedFrom(REUTERS, QUOTE, { id: 'item-quote0001', actor: { type: 'bundled', id: 'dmitry-peskov' } }),
      savedFrom(NEWSX, 'Putin confirmed that a US delegation led by special envoy Steve Witkoff is expected to arrive in Moscow early next week.', { id: 'item-quote0002', actor: { type: 'reader', id: 'reader-witkoff' } }),
      { id: 'item-broken01', kind: 'quote' },
      savedFrom(REUTERS, 'Peskov also said no call between Putin and Zelenskiy was being discussed.', { id: 'item-report01', kind: 'reported' }),
    ],
  }),
);

describe('the page data and the quote matcher of a dossier, in slices', () => {
  it('validates the stored entries in slices to the same page data as at once', async () => {
    const s = fakeSlicing(1, 2);
    const sliced = await runInSlices(readerPageDataSteps(RAW, URL_HERE), s.opts);
    expect(sliced).toEqual(readerPageDataFor(RAW, URL_HERE));
    expect(sliced!.quotes.map((q) => q.id)).toEqual(['saved:item-quote0001', 'saved:item-quote0002']);
    expect(sliced!.entries.map((e) => e.id)).toEqual(['reader-witkoff']);
    expect(s.pauses()).toBeGreaterThan(0);
  });

  it('compiles the quote matcher in slices to one that finds what the one-task compile finds', async () => {
    const quotes = [...dataset.quotes, ...readerPageDataFor(RAW, URL_HERE).quotes];
    const s = fakeSlicing(1, 4);
    const sliced = (await runInSlices(compileQuoteMatcherSteps(quotes), s.opts))!;
    const whole = compileQuoteMatcher(quotes);
    expect(s.pauses()).toBeGreaterThan(10);
    expect(sliced.quoteCount).toBe(whole.quoteCount);
    const page = `${REUTERS}\nPutin confirmed that a US delegation led by the special envoy Steve Witkoff is expected to arrive in Moscow next week.`;
    const found = sliced.find(page);
    expect(found).toEqual(whole.find(page));
    expect(found.some((m) => m.quoteId === 'saved:item-quote0002' && !m.exact)).toBe(true);
  });
});
