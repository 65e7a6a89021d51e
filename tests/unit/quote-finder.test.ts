/**
 * The background's quotation finder: one matcher per set of saved quotations, compiled once and kept; a page's set
 * read again from the dossier only when the frame knows another one; the answers those of the compiled matcher.
 */
import { describe, expect, it, vi } from 'vitest';
import { createQuoteFinder } from '../../src/background/quote-finder';
import { buildPageData, type PageQuote } from '../../src/core/page-data';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { receivedMatch, savedQuotesKey } from '../../src/core/quotes-found';
import { dataset } from '../../src/data/dataset';

const bundled = buildPageData(dataset).quotes;
const text = 'The delegation will meet again in Geneva next week to settle the remaining points of the plan';
const mine: PageQuote = { id: 'saved:item-1', text, sentence: `${text}.`, label: 'Your saved quotation', speakers: [] };
const page = `Peskov said: “${text}.” Then: “${bundled.find((q) => q.text.split(' ').length > 8)!.text}.”`;

function finder(saved: (url: string) => readonly PageQuote[]) {
  const compile = vi.fn((quotes: readonly PageQuote[]) => Promise.resolve(compileQuoteMatcher(quotes)));
  const read = vi.fn((url: string) => Promise.resolve(saved(url)));
  return { compile, read, finder: createQuoteFinder({ bundled: () => bundled, saved: read, compile }) };
}

describe('the background’s quotation finder', () => {
  it('finds the bundled quotations and the page’s saved ones', async () => {
    const { finder: f } = finder(() => [mine]);
    const found = await f.find([page], savedQuotesKey([mine]), 'https://news.example/a');
    expect(found.matches[0]!.map((m) => m.quoteId)).toContain('saved:item-1');
    expect(found.matches[0]!.map((m) => receivedMatch(m, page))).toEqual(compileQuoteMatcher([...bundled, mine]).findInBlock(page));
  });

  it('compiles once per set and reads the dossier once per page while the frame’s set is the one kept', async () => {
    const { finder: f, compile, read } = finder((url) => (url.endsWith('/saved') ? [mine] : []));
    const none = savedQuotesKey([]);
    for (let i = 0; i < 3; i++) await f.find([page], none, 'https://news.example/a');
    await f.find([page], none, 'https://news.example/b');
    expect(compile).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledTimes(2);
    await f.find([page], savedQuotesKey([mine]), 'https://news.example/saved');
    await f.find([page], savedQuotesKey([mine]), 'https://news.example/saved');
    expect(compile).toHaveBeenCalledTimes(2);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('reads the dossier again when the frame knows another set, and matches what the dossier holds', async () => {
    let stored: PageQuote[] = [];
    const { finder: f, read } = finder(() => stored);
    const url = 'https://news.example/a';
    expect((await f.find([page], savedQuotesKey([]), url)).matches[0]!.map((m) => m.quoteId)).not.toContain('saved:item-1');
    // The reader saved a quotation: the frame heard of it first.
    stored = [mine];
    expect((await f.find([page], savedQuotesKey([mine]), url)).matches[0]!.map((m) => m.quoteId)).toContain('saved:item-1');
    expect(read).toHaveBeenCalledTimes(2);
    // The reader removed it; the frame hears of it and asks with its new set: the dossier is read again.
    stored = [];
    expect((await f.find([page], savedQuotesKey([]), url)).matches[0]!.map((m) => m.quoteId)).not.toContain('saved:item-1');
    expect(read).toHaveBeenCalledTimes(3);
    // A frame still behind (the other way round) gets what the dossier holds too.
    stored = [mine];
    expect((await f.find([page], savedQuotesKey([]), 'https://news.example/c')).matches[0]!.map((m) => m.quoteId)).toContain('saved:item-1');
  });

  it('matches the bundled quotations alone for a frame with no address', async () => {
    const { finder: f, read } = finder(() => [mine]);
    const found = await f.find([page], savedQuotesKey([]), undefined);
    expect(found.matches[0]!.map((m) => m.quoteId)).not.toContain('saved:item-1');
    expect(read).not.toHaveBeenCalled();
  });

  it('compiles a set once for the asks that come while it compiles, and tries again after a failed compile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let fail = true;
    const compile = vi.fn(async (quotes: readonly PageQuote[]) => {
      await gate;
      if (fail) throw new Error('out of memory');
      return compileQuoteMatcher(quotes);
    });
    const f = createQuoteFinder({ bundled: () => bundled, saved: () => Promise.resolve([]), compile });
    const none = savedQuotesKey([]);
    const asks = [f.find([page], none, 'https://news.example/a'), f.find([page], none, 'https://news.example/b')];
    release();
    await Promise.all(asks.map((a) => expect(a).rejects.toThrow(/out of memory/)));
    expect(compile).toHaveBeenCalledTimes(1);
    fail = false;
    expect((await f.find([page], none, 'https://news.example/a')).matches[0]!.length).toBeGreaterThan(0);
    expect(compile).toHaveBeenCalledTimes(2);
  });
});
