/**
 * The page every controller DOM test starts from: a fresh fake browser, fake timers, the given body, a content
 * script context; and after each test the controller destroyed, the context aborted and the page cleared.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MARKER_ATTRIBUTE, type ContentController } from '../../src/content/controller';
import { buildPageData } from '../../src/core/page-data';
import { createMarksEngine } from '../../src/content/engines/marks-engine';
import type { QuoteCode } from '../../src/content/injected-code';
import { compileQuoteMatcher, compileQuoteMatcherSteps, quoteMatcherFromPlan } from '../../src/core/quote-matcher';
import { fixtureData } from './popover-fixture';

/** The state a controller test works with; `controller` is set by the test and torn down here. */
export interface ControllerPage {
  readonly data: ReturnType<typeof buildPageData>;
  ctx: ContentScriptContext;
  controller: ContentController | null;
  /** The marks engine, as the injected script hands it over (jsdom has no CSS Highlight API: the controller paints with it). */
  loadMarks(): Promise<typeof createMarksEngine>;
  /** The quotation matcher's code, as the injected script hands it over. */
  loadQuotes(): Promise<QuoteCode>;
}

/** Registers the set-up and tear-down hooks; call at the top of a test file. */
export function useControllerPage(body: () => string): ControllerPage {
  const page: ControllerPage = { data: buildPageData(fixtureData), ctx: undefined as never, controller: null, loadMarks: () => Promise.resolve(createMarksEngine), loadQuotes: () => Promise.resolve({ compileQuoteMatcher, compileQuoteMatcherSteps, quoteMatcherFromPlan }) };
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    document.body.innerHTML = body();
    page.ctx = new ContentScriptContext('content');
  });
  afterEach(() => {
    page.controller?.destroy();
    page.controller = null;
    page.ctx.abort();
    vi.useRealTimers();
    document.documentElement.removeAttribute(MARKER_ATTRIBUTE);
    document.body.innerHTML = '';
  });
  return page;
}
