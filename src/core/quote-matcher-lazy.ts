/**
 * A quotation matcher compiled on first use. A page's scan walks and paints every name before it matches a
 * quotation, and compiling the quotations takes about 10 ms on a cold JIT: compiled up front, it would hold back the
 * first names the reader sees. Until it is compiled, nothing is cached (`cached` says so without compiling).
 */
import type { QuoteMatcher } from './quote-matcher';

export function lazyQuoteMatcher(compile: () => QuoteMatcher): QuoteMatcher {
  let real: QuoteMatcher | null = null;
  const get = () => (real ??= compile());
  return {
    find: (text) => get().find(text),
    findWithStats: (text) => get().findWithStats(text),
    mayMatch: (text) => get().mayMatch(text),
    findInBlock: (text) => get().findInBlock(text),
    cached: (text) => real?.cached(text),
    get quoteCount() {
      return get().quoteCount;
    },
    speakersOf: (quoteId) => get().speakersOf(quoteId),
  };
}
