/**
 * A frame's quotations as the background answers them: asked once per text, in messages within bounds, kept by
 * text; a failed ask answers nothing; the page's own time and the background's are told apart.
 */
import { describe, expect, it, vi } from 'vitest';
import { FIND_QUOTES_CHARS, type FoundQuotes } from '../../src/core/quotes-found';
import type { QuoteMatch } from '../../src/core/quote-matcher';
import { QuoteResults } from '../../src/content/quote-results';

const match = (text: string): QuoteMatch => ({ start: 0, end: text.length, text, quoteId: `q:${text.slice(0, 3)}`, score: 1, exact: true, diff: [{ op: 'same', text }], coverage: 1 });

function background() {
  const asks: string[][] = [];
  const find = vi.fn((texts: string[], _saved: string): Promise<FoundQuotes> => {
    asks.push(texts);
    return Promise.resolve({ matches: texts.map((t) => (t.startsWith('quoted') ? [match(t)] : [])), speakers: { 'q:quo': ['someone'] }, ms: 5 });
  });
  return { asks, find };
}

describe('QuoteResults', () => {
  it('asks about each text once and answers from what it kept', async () => {
    const { asks, find } = background();
    const results = new QuoteResults(find, 'key');
    expect(results.cached('quoted one')).toBeUndefined();
    expect(await results.load(['quoted one', 'plain', 'quoted one'])).toBe(true);
    expect(asks).toEqual([['quoted one', 'plain']]);
    expect(find).toHaveBeenCalledWith(['quoted one', 'plain'], 'key');
    expect(results.findInBlock('quoted one').map((m) => m.text)).toEqual(['quoted one']);
    expect(results.cached('plain')).toEqual([]);
    expect(results.speakersOf('q:quo')).toEqual(['someone']);
    expect(results.speakersOf('q:other')).toBeNull();
    expect(await results.load(['plain', 'quoted two'])).toBe(true);
    expect(asks[1]).toEqual(['quoted two']);
    expect(results.backgroundMs).toBe(10);
  });

  it('sends a page’s worth of text in several messages, each within bounds', async () => {
    const { asks, find } = background();
    const results = new QuoteResults(find, 'key');
    const texts = Array.from({ length: 12 }, (_, i) => `${i} `.padEnd(FIND_QUOTES_CHARS / 5, 'x'));
    expect(await results.load(texts)).toBe(true);
    expect(asks.length).toBeGreaterThan(2);
    for (const ask of asks) expect(ask.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(FIND_QUOTES_CHARS);
    expect(asks.flat()).toEqual(texts);
    for (const t of texts) expect(results.cached(t)).toEqual([]);
  });

  it('answers nothing when the background cannot, and asks again next time', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let fail = true;
    const find = vi.fn((texts: string[]) => (fail ? Promise.reject(new Error('asleep')) : Promise.resolve({ matches: texts.map(() => []), speakers: {}, ms: 0 })));
    const results = new QuoteResults(find, 'key');
    expect(await results.load(['quoted one'])).toBe(false);
    expect(results.cached('quoted one')).toBeUndefined();
    expect(results.findInBlock('quoted one')).toEqual([]);
    fail = false;
    expect(await results.load(['quoted one'])).toBe(true);
    expect(results.cached('quoted one')).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('counts the page’s own time, not the wait for the background', async () => {
    let now = 0;
    let answer!: (f: FoundQuotes) => void;
    const find = () => {
      now += 2;
      return new Promise<FoundQuotes>((resolve) => (answer = resolve));
    };
    const results = new QuoteResults(find, 'key', () => now);
    const loading = results.load(['quoted one']);
    expect(results.pageMs).toBe(2);
    now += 1000;
    answer({ matches: [[]], speakers: {}, ms: 40 });
    await loading;
    expect(results.pageMs).toBe(2);
    expect(results.backgroundMs).toBe(40);
  });
});
