/**
 * What the content script waits for before its first scan, asked for at `document_start` by a small script of the top
 * frame (entrypoints/early.ts), so that the answers are there when the content script starts at `document_idle`: the
 * page data's extras (the names matcher's plan, the known quotations, the context rules' words), a message to the
 * background that takes several milliseconds, and the read of `storage.local` the settings come from. Both scripts
 * run in the extension's isolated world of the frame, which the page cannot reach; the asks are handed over through
 * that world's global object, and each is taken once.
 *
 * The storage read is older than the content script's own watch of the settings: the early script watches
 * `storage.local` until it is taken, and any change in between makes the content script read again.
 */
import type { PageExtras } from '../core/page-data';

/** What the early script asks with. */
export interface EarlyAskers {
  extras(): Promise<PageExtras>;
  storage(): Promise<Record<string, unknown>>;
  /** Calls `changed` on any change to `storage.local`; returns the remover. */
  watchStorage(changed: () => void): () => void;
}

interface EarlyAsks {
  extras: Promise<PageExtras> | null;
  storage: Promise<Record<string, unknown>> | null;
  stopWatching: () => void;
}

const KEY = Symbol.for('dossier:early-asks');

type Holder = { [KEY]?: EarlyAsks };

/** Asks now, once per frame. */
export function askEarly(askers: EarlyAskers, scope: object = globalThis): void {
  const holder = scope as Holder;
  if (holder[KEY]) return;
  const asks: EarlyAsks = { extras: askers.extras(), storage: null, stopWatching: () => undefined };
  // Watched before the read is asked for: a change can only make the read unused, never missed.
  const stop = askers.watchStorage(() => {
    asks.storage = null;
    asks.stopWatching();
  });
  asks.stopWatching = stop;
  asks.storage = askers.storage();
  // Not observed until the content script takes them; it asks again for what failed.
  asks.extras!.catch(() => undefined);
  asks.storage.catch(() => undefined);
  holder[KEY] = asks;
}

/**
 * The extras: the answer to the early ask, taken once, or a new ask with `ask` when there was none (a frame the
 * background injected the content script into, a second start) or it failed.
 */
export function extrasAskedEarly(ask: () => Promise<PageExtras>, scope: object = globalThis): Promise<PageExtras> {
  const asks = (scope as Holder)[KEY];
  const early = asks?.extras ?? null;
  if (asks) asks.extras = null;
  return early ? early.catch(ask) : ask();
}

/**
 * The early read of `storage.local`, taken once, if nothing changed there since it was asked for; else a new read
 * with `read`. Ends the early watch: the caller watches the settings from now on.
 */
export function storageReadEarly(read: () => Promise<Record<string, unknown>>, scope: object = globalThis): Promise<Record<string, unknown>> {
  const asks = (scope as Holder)[KEY];
  const early = asks?.storage ?? null;
  if (asks) {
    asks.storage = null;
    asks.stopWatching();
  }
  return early ? early.catch(read) : read();
}
