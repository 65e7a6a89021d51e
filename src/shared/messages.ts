/**
 * The typed messages between the popup, the background and the content script, built on
 * @webext-core/messaging. Every payload is validated with zod/mini on receipt: a malformed message
 * is dropped with a console warning and never reaches a handler.
 *
 * popup → content:       getPageState(), jumpTo({ id, direction }), and a port (PAGE_STATE_PORT) over which the
 *                        content script pushes its PageState whenever it changes, for as long as the popup is open
 * background → content:  jumpTo({ id: null, direction }) for the keyboard commands
 * content → background:  pageStateChanged({ total, entities }) for the toolbar badge,
 *                        openSource({ id, anchor? }): a source link clicked in the popover (see OpenSourceData),
 *                        getCard({ mention }): the popover's card for a mention, built in the background (see GetCardData)
 */
import * as z from 'zod/mini';
import { validatedMessaging, type ValidatedSender } from './validated-messaging';
import { browser, type Browser } from 'wxt/browser';
import { CATEGORY_ORDER } from './categories';
import { MAX_MATCH_TEXT } from './settings';
// Type only: the card model is plain JSON that the background builds and the popover renders.
import type { CardModel } from '../core/card-model';

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

/**
 * The number of entities the toolbar badge shows for a page state: the actors and regions found, as the popup counts
 * them. Known quotations (category `quotes`) are not entities: they are not counted.
 */
export function entityCount(state: Pick<PageState, 'mentions'>): number {
  return state.mentions.filter((m) => m.category !== 'quotes').length;
}

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

/** The message types and their payload → response. */
export interface ProtocolMap {
  getPageState(): PageState;
  jumpTo(data: JumpToData): boolean;
  pageStateChanged(data: PageStateChangedData): void;
  /** true once the tab is open. */
  openSource(data: OpenSourceData): boolean;
  /** The card for a mention; null when the data has no entity of that id. */
  getCard(data: GetCardData): CardModel | null;
}

/** Schema of each message's payload (`undefined` where the message carries none). */
const payloadSchemas = {
  getPageState: z.undefined(),
  jumpTo: JumpToData,
  pageStateChanged: PageStateChangedData,
  openSource: OpenSourceData,
  getCard: GetCardData,
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

/** The name of the port a popup opens to a tab's content script (top frame) to be sent its state as it changes. */
export const PAGE_STATE_PORT = 'dossier:page-state';

/**
 * Content script side: serves page-state ports. `subscribe` is called per connected port with the function that
 * pushes a state down it, and returns the unsubscriber (called when the popup closes). Only the extension's own
 * pages can connect (a page has no way to reach a content script's port). Returns the remover.
 */
export function servePageState(subscribe: (push: (state: PageState) => void) => () => void): () => void {
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PAGE_STATE_PORT) return;
    let open = true;
    const unsubscribe = subscribe((state) => {
      if (!open) return;
      try {
        port.postMessage(state);
      } catch {
        // The popup closed between the change and the push.
        open = false;
      }
    });
    port.onDisconnect.addListener(() => {
      open = false;
      unsubscribe();
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  return () => browser.runtime.onConnect.removeListener(onConnect);
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
