/**
 * The content script's side of the page protocol (src/shared/messages.ts), small enough for every frame: it speaks
 * the wire format of @webext-core/messaging (`{ id, type, data, timestamp }` out, `{ res }` or `{ err }` back) with
 * the browser's own API, and carries no schema library. The trust boundary is where messages land: the background
 * validates what content scripts send it with the protocol's schemas, and the few messages a content script
 * receives (from the popup and the background only: a page cannot reach `runtime.onMessage`) are checked here field
 * by field.
 */
import type { Browser } from 'wxt/browser';
import type { CardModel } from '../core/card-model';
import type { PageExtras } from '../core/page-data';
import type { ReaderPageData } from '../core/reader-dossier/reader-names';
import type { FoundQuotes } from '../core/quotes-found';
import type { FoundNames } from '../core/names-found';
import type { FindNamesData, FindQuotesData, GetCardData, JumpToData, LoadCodeData, OpenSourceData, PageState, PageStateChangedData, ReaderPageDataRequest } from './messages';
import { extensionApi } from './extension-api';

/** What the content script sends, and what comes back. */
export interface ContentToBackground {
  pageStateChanged: [PageStateChangedData, void];
  getCard: [GetCardData, CardModel | null];
  openSource: [OpenSourceData, boolean];
  /** Injects code the sending frame needs on demand (see src/background/code-injection.ts); true once it ran. */
  loadCode: [LoadCodeData, boolean];
  /** The frame gate: this frame (not the top one) has work; the background injects the content script into it. */
  frameReady: [undefined, boolean];
  /** The page data's extras: the known quotations and the context rules' words. */
  pageExtras: [undefined, PageExtras];
  /** The known quotations in the sending frame's blocks (matched in the background, where the matcher stays warm). */
  findQuotes: [FindQuotesData, FoundQuotes];
  /** The names in texts of this frame's whole-page scan (found in the background, where the matcher stays warm). */
  findNames: [FindNamesData, FoundNames];
  /** What the sending page looks for in the reader's dossier (saved quotations, reader-made actors). */
  readerPageData: [ReaderPageDataRequest, ReaderPageData];
}

let nextId = Math.floor(Math.random() * 10_000);

/** Sends a message to the background; rejects when it answers with an error or not at all. */
export async function sendToBackground<K extends keyof ContentToBackground>(type: K, data: ContentToBackground[K][0]): Promise<ContentToBackground[K][1]> {
  const reply = (await extensionApi().runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() })) as { res?: unknown; err?: { message?: unknown } } | undefined;
  if (reply == null || typeof reply !== 'object') throw new Error(`No response to "${type}"`);
  if (reply.err != null) throw new Error(String(reply.err.message ?? reply.err));
  return reply.res as ContentToBackground[K][1];
}

/**
 * Answers one message type from the extension's own pages; `parse` checks the payload and gives null for a
 * malformed one, which is dropped with a warning (the sender gets `{ res: undefined }`). Returns the remover.
 */
export function answerMessage<T>(type: string, parse: (data: unknown) => T | null, handler: (data: T) => unknown): () => void {
  const api = extensionApi();
  const listener = (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void): true | undefined => {
    const m = message as { type?: unknown; timestamp?: unknown; data?: unknown } | null;
    if (m === null || typeof m !== 'object' || m.type !== type || typeof m.timestamp !== 'number') return undefined;
    const data = parse(m.data);
    if (data === null) {
      console.warn(`[dossier] dropped malformed "${type}" message`);
      sendResponse({ res: undefined });
      return true;
    }
    try {
      sendResponse({ res: handler(data) });
    } catch (err) {
      sendResponse({ err: { message: err instanceof Error ? err.message : String(err) } });
    }
    return true;
  };
  api.runtime.onMessage.addListener(listener);
  return () => api.runtime.onMessage.removeListener(listener);
}

/** A `jumpTo` payload, or null when it is not one. */
export function parseJumpTo(raw: unknown): JumpToData | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { id, direction } = raw as Record<string, unknown>;
  if (direction !== 'next' && direction !== 'prev') return null;
  if (id !== null && (typeof id !== 'string' || id.length < 1 || id.length > 200)) return null;
  return { id, direction };
}

/** The name of the port a popup opens to a tab's content script (top frame) to be sent its state as it changes. */
export const PAGE_STATE_PORT = 'dossier:page-state';

/**
 * Content script side: serves page-state ports. `subscribe` is called per connected port with the function that
 * pushes a state down it, and returns the unsubscriber (called when the popup closes). Only the extension's own
 * pages can connect (a page has no way to reach a content script's port). Returns the remover.
 */
export function servePageState(subscribe: (push: (state: PageState) => void) => () => void): () => void {
  const api = extensionApi();
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
  api.runtime.onConnect.addListener(onConnect);
  return () => api.runtime.onConnect.removeListener(onConnect);
}

/**
 * The number of entities the toolbar badge shows for a page state: the actors and regions found, as the popup counts
 * them. Known quotations (category `quotes`) are not entities: they are not counted.
 */
export function entityCount(state: Pick<PageState, 'mentions'>): number {
  return state.mentions.filter((m) => m.category !== 'quotes').length;
}
