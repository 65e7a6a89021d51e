/**
 * The content script: thin wiring. All logic lives in src/content (controller, engines, popover).
 * The manifest runs it in the top frame. Other frames get it from the background once their frame gate sees text there
 * (entrypoints/frame-gate.ts, `frameReady`), so same-origin and cross-origin iframes get their own highlights (each
 * frame's document needs its own `CSS.highlights` registry and page CSS) while empty ones never compile it; only
 * the top frame answers the popup and feeds the badge. It carries the page data (match dictionary, quotations) computed at build time,
 * not the data set: cards come from the background (`getCard`), and the card's own code (Preact, Floating UI, the card)
 * is injected by the background on the reader's first gesture in a frame (src/content/injected-code.ts).
 *
 * WXT's context (`main`'s argument) is not used: a page can stop it. Dossier's lifetime is its own
 * (src/shared/content-lifetime.ts).
 */
import './highlights.css';
import pageData from 'virtual:dossier/page-data';
import { createBenchHook, exposeBenchHook } from '../../src/content/bench-hook';
import { extrasAskedEarly, storageReadEarly } from '../../src/content/early-asks';
import { startController } from '../../src/content/controller';
import { registerPageMessageHandlers } from '../../src/content/page-messages';
import { loadInjected } from '../../src/content/injected-code';
import { createLazyPopover } from '../../src/content/lazy-popover';
import { createContentLifetime, isLive } from '../../src/shared/content-lifetime';
import { sendToBackground } from '../../src/shared/content-messaging';
import { readReaderPageData, watchReaderPageData } from '../../src/shared/content-reader-data';
import { popoverServices } from '../../src/shared/popover-services';
import { readStorage } from '../../src/shared/settings';

/** A lifetime to hand to a part whose owner already tears it down. */
const OWNED_ELSEWHERE = { onInvalidated: () => () => undefined };

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // The top frame only; other frames: injected on their gate's request (the same file, src/background/content-files.ts).
  allFrames: false,
  matchAboutBlank: true,
  // WXT's context would announce the extension to the page with postMessage.
  noScriptStartedPostMessage: true,
  main() {
    // Once per frame: an instance already running here (injected into this frame before) keeps it.
    if (isLive('content')) return;
    const inject = (name: 'card' | 'marks') => sendToBackground('loadCode', { name });
    const bench = exposeBenchHook(createBenchHook());
    const ctx = createContentLifetime('content');
    void startController({
      ctx,
      data: pageData,
      topFrame: window.top === window,
      bench,
      // The card's code comes on the reader's first gesture in this frame: the background injects it.
      createPopover: (onNotThis) =>
        createLazyPopover({
          services: { ...popoverServices, onNotThis },
          // Its one owner is the lazy popover, which the controller destroys when the content script ends: the card
          // hangs nothing on the lifetime itself.
          load: async (services) => (await loadInjected('card', inject)).createPopover(OWNED_ELSEWHERE, services),
          onFirstShow: (late) => bench.firstCard(late),
        }),
      registerPageApi: registerPageMessageHandlers,
      // Asked for at document_start by entrypoints/early.ts where this is the top frame.
      extras: () => extrasAskedEarly(() => sendToBackground('pageExtras', undefined)),
      storage: () => storageReadEarly(readStorage),
      loadMarks: async () => (await loadInjected('marks', inject)).createMarksEngine,
      findQuotes: (texts, saved) => sendToBackground('findQuotes', { texts, saved }),
      findNames: (texts, plan) => sendToBackground('findNames', { texts, plan }),
      // Looked up for this address once: a single-page app's later addresses still skip only the first page's items.
      reader: { read: () => readReaderPageData(location.href), watch: (cb) => watchReaderPageData(location.href, cb) },
    });
  },
});
