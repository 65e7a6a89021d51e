/**
 * The known-quotation matcher, run here for every frame that scans (`findQuotes`). Compiled once for the bundled
 * quotations, and once per set of saved quotations a page looks for, it stays warm across pages: a frame no longer
 * compiles it or runs it on a cold JIT on the page's main thread, and a reader with thousands of saved quotations
 * no longer has them compiled on every page load. The frame sends its blocks' texts and applies the answers.
 */
import type { PageQuote } from '../core/page-data';
import type { QuoteMatcher } from '../core/quote-matcher';
import { findQuotesIn, savedQuotesKey, type FoundQuotes } from '../core/quotes-found';
import { onMessage } from '../shared/messages';

/** What the finder needs from the background. */
export interface QuoteFinderDeps {
  /** The bundled quotations (the page data's extras). */
  bundled(): readonly PageQuote[];
  /** The saved quotations the page at `url` looks for (the reader's dossier). */
  saved(url: string): Promise<readonly PageQuote[]>;
  /**
   * Compiles a matcher (`compileQuoteMatcherSteps`, in slices: a full reader's dossier takes tens of ms, during which
   * the background would answer nothing else, a card among them).
   */
  compile(quotes: readonly PageQuote[]): Promise<QuoteMatcher>;
}

/** Matchers kept, by saved set: most pages share the empty one; a few sets of pages the reader saved from. */
const KEPT_MATCHERS = 4;
/** Pages whose saved set is kept (by address) between their frames' asks. */
const KEPT_PAGES = 64;

/** A matcher cache and the pages' saved sets; `find` answers one `findQuotes`. */
export function createQuoteFinder(deps: QuoteFinderDeps) {
  const matchers = new Map<string, Promise<QuoteMatcher>>();
  const pages = new Map<string, { key: string; quotes: readonly PageQuote[] }>();

  /**
   * The saved set of the page at `url`. Read again from the dossier when the frame knows another set than the one
   * kept (`wanted`): the dossier changed since, on one side or the other, and the dossier is what is matched.
   */
  const savedOf = async (url: string | undefined, wanted: string) => {
    if (!url) return { key: savedQuotesKey([]), quotes: [] };
    const kept = pages.get(url);
    if (kept && kept.key === wanted) return kept;
    const quotes = await deps.saved(url);
    const fresh = { key: savedQuotesKey(quotes), quotes };
    pages.delete(url);
    pages.set(url, fresh);
    if (pages.size > KEPT_PAGES) pages.delete(pages.keys().next().value!);
    return fresh;
  };

  // Asks that come while a set compiles wait for that compile; a failed one is not kept.
  const matcherOf = (set: { key: string; quotes: readonly PageQuote[] }): Promise<QuoteMatcher> => {
    let matcher = matchers.get(set.key);
    if (matcher) matchers.delete(set.key);
    else {
      matcher = deps.compile(set.quotes.length ? [...deps.bundled(), ...set.quotes] : deps.bundled());
      matcher.catch(() => matchers.get(set.key) === matcher && matchers.delete(set.key));
    }
    matchers.set(set.key, matcher);
    if (matchers.size > KEPT_MATCHERS) matchers.delete(matchers.keys().next().value!);
    return matcher;
  };

  return {
    async find(texts: readonly string[], saved: string, url: string | undefined): Promise<FoundQuotes> {
      const matcher = await matcherOf(await savedOf(url, saved));
      return findQuotesIn(matcher, texts, () => performance.now());
    },
  };
}

/** Answers `findQuotes` from the content scripts. Returns the remover. */
export function startQuoteFinder(deps: QuoteFinderDeps): () => void {
  const finder = createQuoteFinder(deps);
  // The address is the browser's, not the message's: a frame gets the saved set of the page it is on.
  return onMessage('findQuotes', ({ texts, saved }, sender) => finder.find(texts, saved, sender.url));
}
