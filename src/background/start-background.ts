/**
 * The background's work: the toolbar badge (number of entities on each tab, which the user can
 * turn off), the keyboard commands, forwarded to the active tab as `jumpTo(null, direction)`, and
 * opening source cards for the popover (`openSource`), next to the tab it was clicked in, and building the
 * popover's cards (`getCard`): the content script carries only the match dictionary, the background the data set.
 * It also injects code a frame needs on demand (`loadCode`: the card, the marks engine; `frameReady`: the content
 * script, into a frame that is not the top one once its gate sees text there), and reads the
 * reader's dossier for a page (`readerPageData`), validated here, and finds the known quotations in the blocks of the
 * frames that scan (`findQuotes`, src/background/quote-finder.ts), and the names of their whole-page scans
 * (`findNames`, src/background/name-finder.ts).
 */
import { browser } from 'wxt/browser';
import {
  entityCount,
  onMessage,
  parsePageState,
  sendMessage,
  type Direction,
  type GetCardData,
  type MessageSender,
  type OpenSourceData,
} from '../shared/messages';
// Type only: the builder itself is injected by the entry point, which owns the data set.
import type { CardModel } from '../core/card-model';
import type { PageExtras } from '../core/page-data';
import { SOURCE_CARD_PAGE, sourceCardPath } from '../core/source-links';
import { savedQuoteCard } from '../core/reader-dossier/saved-quotes';
import { readerActorCard } from '../core/reader-dossier/reader-names';
import { ReaderActorId } from '../data/reader-dossier-schema';
import { getReaderDossier, getReaderPageData, getSavedItemsOfPage } from '../shared/reader-dossier-storage';
import { injectCode, injectContentIntoFrame } from './code-injection';
import { startQuoteFinder } from './quote-finder';
import { startNameFinder } from './name-finder';
import { compileQuoteMatcherSteps } from '../core/quote-matcher';
import { runInSlices } from '../core/reader-dossier/slices';
import { getSettings, watchSettings } from '../shared/settings';

/** The quotation matcher's compile: 8 ms at a time, with a zero timer between (a card may be asked for meanwhile). */
const COMPILE_SLICES = { pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)), now: () => performance.now(), budgetMs: 8 };

/** The badge background colour: the extension's ink, readable with white digits in both themes. */
export const BADGE_COLOR = '#1f2a44';

/** `browser.action` on MV3 (Chromium); Firefox MV2 only has `browser.browserAction`, with the same methods used here. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** The badge text for a number of entities: empty when there are none. */
export function badgeText(entities: number): string {
  if (entities <= 0) return '';
  return entities > 999 ? '999+' : String(entities);
}

async function setBadge(tabId: number, entities: number): Promise<void> {
  const action = toolbarAction();
  try {
    await action.setBadgeText({ tabId, text: badgeText(entities) });
    if (entities > 0) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  } catch {
    // The tab closed between the message and the update: nothing to show.
  }
}

const COMMAND_DIRECTIONS: Record<string, Direction> = { 'next-mention': 'next', 'prev-mention': 'prev' };

/** What the background is given by its entry point. */
export interface BackgroundDeps {
  /**
   * Creates the card builder (`createCardBuilder(dataset)`). Called on the first `getCard` only: a service worker
   * woken for a badge update or a command does not index the data set.
   */
  cardBuilder(): (mention: GetCardData['mention']) => CardModel | null;
  /** The page data's extras with both matchers planned (`pageExtras(buildPageData(dataset))`); made on the first ask. */
  pageExtras(): PageExtras;
}

/** Wires the badge, the commands, source cards and popover cards. Returns the function that removes every listener. */
export function startBackground(deps: BackgroundDeps): () => void {
  // The badge setting, read from storage once per worker start and kept by watchSettings. A report waits for the
  // first read (an MV3 service worker woken by that very report must not trust a default), never reads again.
  let badgeOn: boolean | null = null;
  const firstRead = getSettings().then(
    (s) => (badgeOn ??= s.badge),
    () => (badgeOn ??= true),
  );

  const offState = onMessage('pageStateChanged', async ({ entities }, sender) => {
    if (sender.tabId == null) return;
    const on = badgeOn ?? (await firstRead);
    await setBadge(sender.tabId, on ? entities : 0);
  });

  const unwatch = watchSettings(
    (s) => {
      if (s.badge === badgeOn) return;
      badgeOn = s.badge;
      refreshAllBadges(s.badge).catch((err) => console.warn('[dossier] could not update the badges', err));
    },
    ['badge'],
  );

  const onCommand = (command: string) => {
    const direction = COMMAND_DIRECTIONS[command];
    if (!direction) return;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id == null) return;
      await sendMessage('jumpTo', { id: null, direction }, tab.id);
    })().catch(() => {
      // No content script on this tab (a browser page, or opened before install), or no window: nothing to jump to.
    });
  };
  browser.commands.onCommand.addListener(onCommand);

  const offOpen = onMessage('openSource', async (data, sender) => {
    await openSourceTab(data, sender);
    return true;
  });

  let buildCard: ReturnType<BackgroundDeps['cardBuilder']> | null = null;
  const offCard = onMessage('getCard', ({ mention }) => {
    // A quotation the reader saved: its card needs no data set (the saved item is read where the card draws it).
    const saved = savedQuoteCard(mention);
    if (saved) return saved;
    // An actor the reader created: its name is in their dossier, which only extension contexts can read.
    if (ReaderActorId.safeParse(mention.id).success) {
      return getReaderDossier().then((d) => {
        const actor = d.actors.find((a) => a.id === mention.id);
        return actor ? readerActorCard(actor, mention) : null;
      });
    }
    buildCard ??= deps.cardBuilder();
    return buildCard(mention);
  });

  // Code a frame needs on demand: the card on the reader's first gesture there, the marks engine where it paints.
  const offLoadCode = onMessage('loadCode', ({ name }, sender) =>
    injectCode(name, sender).catch((err: unknown) => {
      console.warn(`[dossier] could not load ${name}.js into the page`, err);
      return false;
    }),
  );
  // A frame's gate (entrypoints/frame-gate.ts) says the frame has text: the content script goes into that frame.
  const offFrameReady = onMessage('frameReady', (_, sender) =>
    injectContentIntoFrame(sender).catch((err: unknown) => {
      console.warn('[dossier] could not start in a frame', err);
      return false;
    }),
  );
  // The content script reads the reader's dossier through here: it carries no schema library to validate it with.
  // A frame whose address has saved items (the top frame, or an embedded page saved from) also gets the script that
  // marks them (entrypoints/reader-save.ts); the address is the browser's, not the message's.
  const offReaderData = onMessage('readerPageData', async ({ url }, sender) => {
    if (sender.frameId != null && sender.url && (await getSavedItemsOfPage(sender.url)).length > 0) {
      await injectCode('reader-save', sender).catch((err: unknown) => console.warn('[dossier] could not mark the saved passages', err));
    }
    return getReaderPageData(url);
  });
  // The known quotations and the context rules' words, kept out of the script every frame loads; asked for by the
  // frames that scan.
  let extras: PageExtras | null = null;
  const offExtras = onMessage('pageExtras', () => (extras ??= deps.pageExtras()));
  // The known quotations in the blocks of the frames that scan, matched here where the matcher stays warm.
  const offQuotes = startQuoteFinder({
    bundled: () => (extras ??= deps.pageExtras()).quotes,
    saved: async (url) => (await getReaderPageData(url)).quotes,
    compile: async (quotes) => (await runInSlices(compileQuoteMatcherSteps(quotes), COMPILE_SLICES))!,
  });
  // The names of the frames' whole-page scans, found here where the names matcher stays warm.
  const offNames = startNameFinder({ extras: () => (extras ??= deps.pageExtras()) });

  return () => {
    offLoadCode();
    offFrameReady();
    offReaderData();
    offExtras();
    offQuotes();
    offNames();
    offCard();
    offOpen();
    offState();
    unwatch();
    browser.commands.onCommand.removeListener(onCommand);
  };
}

/** Badge on: ask every tab for its state (counts are not kept across service-worker restarts). Off: clear all. */
async function refreshAllBadges(on: boolean): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id == null) return;
      if (!on) return setBadge(tab.id, 0);
      const state = await sendMessage('getPageState', undefined, tab.id).then(parsePageState, () => null);
      if (state) await setBadge(tab.id, entityCount(state));
    }),
  );
}

/**
 * Opens the source card page in a new tab right after the tab the link was clicked in (same window), or at the
 * end of the current window when the sender is not a tab. The URL is built here from validated fields only.
 */
export async function openSourceTab(data: OpenSourceData, sender: MessageSender): Promise<void> {
  // getURL is typed for the extension's file paths; the query and fragment go on afterwards.
  const path = sourceCardPath(data.id, data.anchor);
  const url = browser.runtime.getURL(SOURCE_CARD_PAGE) + path.slice(SOURCE_CARD_PAGE.length);
  await browser.tabs.create({
    url,
    active: true,
    ...(sender.tabIndex != null ? { index: sender.tabIndex + 1 } : {}),
    ...(sender.windowId != null ? { windowId: sender.windowId } : {}),
    ...(sender.tabId != null ? { openerTabId: sender.tabId } : {}),
  });
}
