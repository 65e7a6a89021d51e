/** The quotation matcher compiled on first use: nothing is compiled to answer `cached`, and once compiled it is the real one. */
import { describe, expect, it, vi } from 'vitest';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { lazyQuoteMatcher } from '../../src/core/quote-matcher-lazy';
import { dataset } from '../../src/data/dataset';

describe('lazyQuoteMatcher', () => {
  const quote = dataset.quotes.find((q) => q.text.split(/\s+/).length >= 8)!;
  const block = `He said: “${quote.text}” on Tuesday.`;

  it('compiles on the first match, once, and answers as the compiled matcher does', () => {
    const compile = vi.fn(() => compileQuoteMatcher(dataset.quotes));
    const lazy = lazyQuoteMatcher(compile);
    expect(lazy.cached(block)).toBeUndefined();
    expect(compile).not.toHaveBeenCalled();
    const found = lazy.findInBlock(block);
    expect(found.map((m) => m.quoteId)).toEqual([quote.id]);
    expect(lazy.cached(block)).toBe(found);
    expect(lazy.find(block)).toEqual(compileQuoteMatcher(dataset.quotes).find(block));
    expect(lazy.quoteCount).toBe(compileQuoteMatcher(dataset.quotes).quoteCount);
    expect(compile).toHaveBeenCalledTimes(1);
  });
});
