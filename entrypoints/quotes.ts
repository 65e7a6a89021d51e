/**
 * The known-quotation matcher: injected by the background into a frame when its first scan has painted the names and
 * has blocks to match for quotations, or when the reader's saved quotations are to be compiled there
 * (src/background/code-injection.ts). Never web accessible. It hands the compiler to the content script through
 * their shared isolated world (src/content/injected-code.ts).
 */
import { compileQuoteMatcher, compileQuoteMatcherSteps, quoteMatcherFromPlan } from '../src/core/quote-matcher';
import { registerInjected } from '../src/content/injected-code';

export default defineUnlistedScript(() => {
  registerInjected('quotes', { compileQuoteMatcher, compileQuoteMatcherSteps, quoteMatcherFromPlan });
});
