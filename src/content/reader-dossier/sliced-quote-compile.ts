/**
 * Compiling the quote matcher in slices: with thousands of saved quotations the compile takes longer than a frame
 * (80–160 ms for 5,000), so it runs a few milliseconds at a time and gives the page its thread back in between.
 */
import type { compileQuoteMatcherSteps, QuoteInput, QuoteMatcher } from '../../core/quote-matcher';
import { runInSlices } from '../../core/reader-dossier/slices';
import { SLICE_BUDGET_MS, yieldToBrowser } from '../time-slicer';

/**
 * The matcher of `quotes`, compiled in slices of about SLICE_BUDGET_MS by `steps` (the injected quotation code's);
 * null when `signal` aborts first.
 */
export function compileQuotesInSlices(steps: typeof compileQuoteMatcherSteps, quotes: readonly QuoteInput[], signal: AbortSignal): Promise<QuoteMatcher | null> {
  return runInSlices(steps(quotes), { pause: () => yieldToBrowser(), now: () => performance.now(), budgetMs: SLICE_BUDGET_MS, signal });
}
