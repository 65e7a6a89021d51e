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
import { createQuoteFinder } from '../../src/background/quote-finder';
import type { FindQuotes } from '../../src/content/quote-results';
import type { PageQuote } from '../../src/core/page-data';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { fixtureData } from './popover-fixture';

/** The state a controller test works with; `controller` is set by the test and torn down here. */
export interface ControllerPage {
  readonly data: ReturnType<typeof buildPageData>;
  ctx: ContentScriptContext;
  controller: ContentController | null;
  /** The marks engine, as the injected script hands it over (jsdom has no CSS Highlight API: the controller paints with it). */
  loadMarks(): Promise<typeof createMarksEngine>;
  /** The saved quotations the background finds for this page in the reader's dossier (none unless a test sets them). */
  saved: PageQuote[];
  /** The background's `findQuotes`, with the fixture's quotations and `saved`; its answers cloned as a message's are. */
  findQuotes: FindQuotes;
}

/** Registers the set-up and tear-down hooks; call at the top of a test file. */
export function useControllerPage(body: () => string): ControllerPage {
  const data = buildPageData(fixtureData);
  let finder = createQuoteFinder({ bundled: () => data.quotes, saved: () => Promise.resolve(page.saved), compile: (quotes) => Promise.resolve(compileQuoteMatcher(quotes)) });
  const page: ControllerPage = {
    data,
    ctx: undefined as never,
    controller: null,
    loadMarks: () => Promise.resolve(createMarksEngine),
    saved: [],
    findQuotes: async (texts, saved) => structuredClone(await finder.find(texts, saved, location.href)),
  };
  beforeEach(() => {
    page.saved = [];
    finder = createQuoteFinder({ bundled: () => data.quotes, saved: () => Promise.resolve(page.saved), compile: (quotes) => Promise.resolve(compileQuoteMatcher(quotes)) });
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
