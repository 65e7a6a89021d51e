/**
 * Compiling the quote matcher in slices: with thousands of saved quotations the compile takes longer than a frame
 * (80–160 ms for 5,000), so it runs a few milliseconds at a time and gives the page its thread back in between.
 */
import { compileQuoteMatcherSteps, type QuoteInput, type QuoteMatcher } from '../../core/quote-matcher';
import { runInSlices } from '../../core/reader-dossier/slices';
import { SLICE_BUDGET_MS, yieldToBrowser } from '../time-slicer';

/** The matcher of `quotes`, compiled in slices of about SLICE_BUDGET_MS; null when `signal` aborts first. */
export function compileQuotesInSlices(quotes: readonly QuoteInput[], signal: AbortSignal): Promise<QuoteMatcher | null> {
  return runInSlices(compileQuoteMatcherSteps(quotes), { pause: () => yieldToBrowser(), now: () => performance.now(), budgetMs: SLICE_BUDGET_MS, signal });
}
