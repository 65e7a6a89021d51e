/**
 * The content script: thin wiring. All logic lives in src/content (controller, engines, popover).
 * Runs in every frame so that same-origin and cross-origin iframes get their own highlights (each
 * frame's document needs its own `CSS.highlights` registry and page CSS); only the top frame answers
 * the popup and feeds the badge. It carries the page data (match dictionary, quotations) computed at build time,
 * not the data set: cards come from the background (`getCard`).
 *
 * WXT's context (`main`'s argument) is not used: a page can stop it. Dossier's lifetime is its own
 * (src/shared/content-lifetime.ts).
 */
import './highlights.css';
import pageData from 'virtual:dossier/page-data';
import { createBenchHook, exposeBenchHook } from '../../src/content/bench-hook';
import { startController } from '../../src/content/controller';
import { registerPageMessageHandlers } from '../../src/content/page-messages';
import { createPopover } from '../../src/content/popover';
import { createContentLifetime } from '../../src/shared/content-lifetime';
import { popoverServices } from '../../src/shared/popover-services';
import { getReaderPageData, watchReaderPageData } from '../../src/shared/reader-dossier-storage';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  // WXT's context would announce the extension to the page with postMessage.
  noScriptStartedPostMessage: true,
  main() {
    const ctx = createContentLifetime('content', { matches: ['<all_urls>'] });
    void startController({
      ctx,
      data: pageData,
      topFrame: window.top === window,
      bench: exposeBenchHook(createBenchHook()),
      createPopover: (onNotThis) => createPopover(ctx, { ...popoverServices, onNotThis }),
      registerPageApi: registerPageMessageHandlers,
      // Looked up for this address once: a single-page app's later addresses still skip only the first page's items.
      reader: { read: () => getReaderPageData(location.href), watch: (cb) => watchReaderPageData(location.href, cb) },
    });
  },
});
