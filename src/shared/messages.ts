/**
 * The typed messages between the popup, the background and the content script, built on
 * @webext-core/messaging. Every payload is validated with zod/mini on receipt: a malformed message
 * is dropped with a console warning and never reaches a handler. The content script itself speaks the same wire
 * format without the library and without zod (./content-messaging.ts): it must stay small in every frame.
 *
 * popup → content:       getPageState(), jumpTo({ id, direction }), and a port (PAGE_STATE_PORT) over which the
 *                        content script pushes its PageState whenever it changes, for as long as the popup is open
 * background → content:  jumpTo({ id: null, direction }) for the keyboard commands
 * content → background:  pageStateChanged({ total, entities }) for the toolbar badge,
 *                        frameReady(): the frame gate of a frame that has text asks for the content script there,
 *                        loadCode({ name }): inject the card's code (on the reader's first gesture) or the marks
 *                        engine (where it paints) into the sending frame,
 *                        findQuotes({ texts, saved }): the known quotations in a frame's blocks, matched here,
 *                        findNames({ texts, plan }): the names in the texts of a frame's whole-page scan, found here,
 *                        readerPageData({ url }): what the page looks for in the reader's dossier,
 *                        openSource({ id, anchor? }): a source link clicked in the popover (see OpenSourceData),
 *                        getCard({ mention }): the popover's card for a mention, built in the background (see GetCardData)
 */
import * as z from 'zod/mini';
import { validatedMessaging, type ValidatedSender } from './validated-messaging';
import { browser } from 'wxt/browser';
import { PAGE_STATE_PORT } from './content-messaging';
import { CATEGORY_ORDER } from './categories';
import { MAX_MATCH_TEXT } from './settings';
export { entityCount, PAGE_STATE_PORT } from './content-messaging';
// Type only: the card model is plain JSON that the background builds and the popover renders.
import type { CardModel } from '../core/card-model';
import type { PageExtras } from '../core/page-data';
import { FIND_QUOTES_CHARS, FIND_QUOTES_TEXTS, type FoundQuotes } from '../core/quotes-found';
import type { FoundNames } from '../core/names-found';
import type { ReaderPageData } from '../core/reader-dossier/reader-names';

/** Direction of a jump between mentions. */
export const Direction = z.enum(['next', 'prev']);
export type Direction = z.infer<typeof Direction>;

/** Payload of `jumpTo`: `id` null means any mention. */
export const JumpToData = z.object({
  id: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
  direction: Direction,
});
export type JumpToData = z.infer<typeof JumpToData>;

const Count = z.number().check(z.int(), z.minimum(0));

/** One entity found on the page. */
export const PageMention = z.object({
  id: z.string().check(z.minLength(1)),
  category: z.enum(CATEGORY_ORDER),
  count: z.number().check(z.int(), z.minimum(1)),
  /** The text of its first mention, as the page writes it. */
  firstText: z.string(),
});
export type PageMention = z.infer<typeof PageMention>;

/** What the content script reports about its page. */
export const PageState = z.object({
  url: z.string(),
  hostname: z.string(),
  status: z.enum(['scanning', 'ready', 'paused', 'disabled']),
  /** Scan progress, 0..1. */
  progress: z.number().check(z.minimum(0), z.maximum(1)),
  /** Entities found, in document order of their first mention. */
  mentions: z.array(PageMention),
  /** Total number of mentions. */
  total: Count,
});
export type PageState = z.infer<typeof PageState>;

/** Payload of `pageStateChanged`: the numbers the toolbar badge shows (`entities`: see `entityCount`). */
export const PageStateChangedData = z.object({ total: Count, entities: Count });
export type PageStateChangedData = z.infer<typeof PageStateChangedData>;

/**
 * Payload of `openSource`: the source card to open (`sources.html?id=<id>#<anchor>`). A page cannot open an
 * extension page that is not web accessible (Chromium shows ERR_BLOCKED_BY_CLIENT), and listing it as web
 * accessible would let any page probe for Dossier; so the popover asks the background, which opens the tab.
 * Both fields are shaped like the data's ids and `excerptAnchor` output, so nothing else reaches the URL.
 */
export const OpenSourceData = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  anchor: z.optional(z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/))),
});
export type OpenSourceData = z.infer<typeof OpenSourceData>;

/** The part of a quote match the card reads (how the page words a known quotation); see QuoteMatchRef. */
export const CardQuoteMatch = z.object({
  exact: z.boolean(),
  coverage: z.number().check(z.minimum(0), z.maximum(1)),
  diff: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string().check(z.maxLength(10_000)) })).check(z.maxLength(2_000)),
});

/**
 * Payload of `getCard`: the mention under the pointer, as much of it as the card shows. The content script carries
 * only the match dictionary, so the background, which holds the data set, builds the card (src/ui/popover/card-model).
 * A quotation's alias and text are its whole page wording, hence the generous lengths.
 */
export const GetCardData = z.object({
  mention: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    category: z.enum(CATEGORY_ORDER),
    alias: z.string().check(z.minLength(1), z.maxLength(MAX_MATCH_TEXT)),
    text: z.string().check(z.minLength(1), z.maxLength(MAX_MATCH_TEXT)),
    match: z.optional(CardQuoteMatch),
  }),
});
export type GetCardData = z.infer<typeof GetCardData>;

/** Payload of `loadCode`: which of the scripts injected on demand (src/content/injected-code.ts). */
export const LoadCodeData = z.object({ name: z.enum(['card', 'marks']) });
export type LoadCodeData = z.infer<typeof LoadCodeData>;

/** Payload of `readerPageData`: the page's address (the background answers for that address only). */
export const ReaderPageDataRequest = z.object({ url: z.string().check(z.minLength(1), z.maxLength(8_192)) });
export type ReaderPageDataRequest = z.infer<typeof ReaderPageDataRequest>;

/**
 * Payload of `findQuotes`: the texts of a frame's blocks to look for known quotations in, within one message's
 * bounds, and the key of the saved quotations the frame knows of (`savedQuotesKey`).
 */
export const FindQuotesData = z.object({
  texts: z.array(z.string().check(z.maxLength(FIND_QUOTES_CHARS))).check(
    z.maxLength(FIND_QUOTES_TEXTS),
    z.refine((texts) => texts.reduce((n, t) => n + t.length, 0) <= FIND_QUOTES_CHARS, 'too much text for one message'),
  ),
  saved: z.string().check(z.maxLength(40)),
});
export type FindQuotesData = z.infer<typeof FindQuotesData>;

/**
 * Payload of `findNames`: texts of a frame's whole-page scan to find names in, within the bounds of a `findQuotes`,
 * and the fingerprint of the plan the frame matches with (`PageExtras.planKey`).
 */
export const FindNamesData = z.object({
  texts: FindQuotesData.shape.texts,
  plan: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type FindNamesData = z.infer<typeof FindNamesData>;

/** The message types and their payload → response. */
export interface ProtocolMap {
  getPageState(): PageState;
  jumpTo(data: JumpToData): boolean;
  pageStateChanged(data: PageStateChangedData): void;
  /** true once the tab is open. */
  openSource(data: OpenSourceData): boolean;
  /** The card for a mention; null when the data has no entity of that id. */
  getCard(data: GetCardData): CardModel | null;
  /** Injects code the sending frame needs on demand (the card, the marks engine); true once it ran there. */
  loadCode(data: LoadCodeData): boolean;
  /**
   * From the frame gate of a frame (not the top one) that has work: injects the content script and its CSS into
   * that frame, once per document; true once it ran there.
   */
  frameReady(): boolean;
  /** The page data's extras (known quotations, the context rules' words), which the content script does not carry. */
  pageExtras(): PageExtras;
  /** The known quotations (bundled, and those the reader saved that this page looks for) in a frame's blocks. */
  findQuotes(data: FindQuotesData): FoundQuotes;
  /** The names in texts of a frame's whole-page scan, as start, end and key index of each (`Matcher.scanRecords`). */
  findNames(data: FindNamesData): FoundNames;
  /** What the sending page (at `url`) looks for in the reader's dossier. */
  readerPageData(data: ReaderPageDataRequest): ReaderPageData;
}

/** Schema of each message's payload (`undefined` where the message carries none). */
const payloadSchemas = {
  getPageState: z.undefined(),
  jumpTo: JumpToData,
  pageStateChanged: PageStateChangedData,
  openSource: OpenSourceData,
  getCard: GetCardData,
  loadCode: LoadCodeData,
  frameReady: z.undefined(),
  readerPageData: ReaderPageDataRequest,
  pageExtras: z.undefined(),
  findQuotes: FindQuotesData,
  findNames: FindNamesData,
} satisfies { [K in keyof ProtocolMap]: z.ZodMiniType };

const messaging = validatedMessaging<ProtocolMap>(payloadSchemas);

/** Sends a message; with `tabId`, to the content script of that tab's top frame. */
export const sendMessage = messaging.send;

/** Information about the sender that handlers may use. */
export type MessageSender = ValidatedSender;

/**
 * Listens for one message type. The payload is validated first: a malformed one is dropped (the handler is not
 * called, the sender gets `undefined`) with a console warning. Returns the function that removes the listener.
 */
export const onMessage = messaging.on;

/** Validates a `getPageState` response; null when it is not a PageState (an older content script, say). */
export function parsePageState(raw: unknown): PageState | null {
  const r = PageState.safeParse(raw);
  if (!r.success) {
    console.warn('[dossier] ignored malformed page state', z.prettifyError(r.error));
    return null;
  }
  return r.data;
}

/**
 * Popup side: subscribes to a tab's page state. `onState` hears each validated state the content script pushes;
 * `onClosed` hears that the port closed (no content script in the tab, or the page went away). Returns the
 * function that closes the subscription.
 */
export function subscribePageState(tabId: number, onState: (state: PageState) => void, onClosed: () => void): () => void {
  let closed = false;
  const port = browser.tabs.connect(tabId, { name: PAGE_STATE_PORT, frameId: 0 });
  port.onMessage.addListener((raw: unknown) => {
    const state = parsePageState(raw);
    if (state) onState(state);
  });
  port.onDisconnect.addListener(() => {
    if (closed) return;
    closed = true;
    onClosed();
  });
  return () => {
    if (closed) return;
    closed = true;
    port.disconnect();
  };
}
