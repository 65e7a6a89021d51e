/**
 * A typed extension messenger whose receiving side validates every payload with zod/mini before a handler sees it:
 * a malformed message is dropped (the handler is not called, the sender gets `undefined`) with a console warning.
 * Messages cross a trust boundary (a content script runs beside a hostile page), so validation sits where they land.
 * Each protocol (the page's, the reader's dossier's) makes its own with its table of payload schemas.
 */
import * as z from 'zod/mini';
import { defineExtensionMessaging } from '@webext-core/messaging';

/** What a handler may know of the sender, as the browser reports it (never as the message claims). */
export interface ValidatedSender {
  /** The extension the sender belongs to (the browser gives this extension's id for its own content scripts). */
  id?: string;
  tabId?: number;
  /** The sender tab's position in its window, and the window: a tab can be opened next to it. */
  tabIndex?: number;
  windowId?: number;
  frameId?: number;
  /** The sending document's address (a page for a content script, an extension URL for an extension page). */
  url?: string;
}

type Data<P, K extends keyof P> = P[K] extends (data: infer D) => unknown ? D : undefined;
type Result<P, K extends keyof P> = P[K] extends (...args: never[]) => infer R ? R : never;

/** A messenger for protocol `P`; `schemas` holds the payload schema of each message type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the messaging library's own constraint on a protocol map
export function validatedMessaging<P extends Record<string, any>>(schemas: { [K in keyof P]: z.ZodMiniType }) {
  const messenger = defineExtensionMessaging<P>({
    // The library logs every listener registration with console.log; keep the page console clean.
    logger: { debug() {}, log() {}, warn: console.warn, error: console.error },
  });

  /** Sends a message; with `tabId`, to the content script of that tab's frame `frameId` (the top frame by default). */
  function send<K extends keyof P & string>(type: K, data: Data<P, K>, tabId?: number, frameId = 0): Promise<Result<P, K>> {
    const sendRaw = messenger.sendMessage as unknown as (t: K, d: unknown, arg?: { tabId: number; frameId: number }) => Promise<Result<P, K>>;
    return tabId == null ? sendRaw(type, data) : sendRaw(type, data, { tabId, frameId });
  }

  /** Listens for one message type, validated first. Returns the function that removes the listener. */
  function on<K extends keyof P & string>(
    type: K,
    handler: (data: Data<P, K>, sender: ValidatedSender) => Result<P, K> | Promise<Result<P, K>>,
  ): () => void {
    const schema = schemas[type];
    const listen = messenger.onMessage as unknown as (
      t: K,
      cb: (message: { data: unknown; sender?: { id?: string; tab?: { id?: number; index?: number; windowId?: number }; frameId?: number; url?: string } }) => unknown,
    ) => () => void;
    return listen(type, (message) => {
      const parsed = schema.safeParse(message.data);
      if (!parsed.success) {
        console.warn(`[dossier] dropped malformed "${type}" message`, z.prettifyError(parsed.error));
        return undefined;
      }
      const s = message.sender;
      const sender: ValidatedSender = { id: s?.id, tabId: s?.tab?.id, tabIndex: s?.tab?.index, windowId: s?.tab?.windowId, frameId: s?.frameId, url: s?.url };
      return handler(parsed.data as Data<P, K>, sender);
    });
  }

  return { messenger, send, on };
}
