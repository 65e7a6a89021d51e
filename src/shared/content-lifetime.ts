/**
 * The content script's lifetime, which no page can end. WXT's own context announces itself to the page with
 * `window.postMessage` and stops when a same-named event is dispatched on the document, which any page can do
 * (the name is the extension's id plus a constant); it also brings webextension-polyfill into every frame. Dossier's
 * context does neither: it ends only when
 *  - the extension's runtime goes away (its `runtime.id` undefined: the extension was reloaded, updated or
 *    disabled), checked once a second with one interval, or
 *  - a newer instance of this script starts in the same isolated world (it finds this one in a global of that
 *    world, which the page's scripts cannot see).
 * It has the part of WXT's `ContentScriptContext` that Dossier uses, with the same meaning.
 */
import { extensionApi } from './extension-api';

const LIVENESS_MS = 1000;

/** A content script's lifetime: aborted once, for good. */
export class ContentLifetime {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** Whether the script has ended; notices here that the extension went away, and ends it then. */
  get isInvalid(): boolean {
    if (!this.signal.aborted && extensionApi()?.runtime?.id == null) this.abort('The extension went away');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Calls `cb` when the script ends; returns the function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** A one-off timer that does not fire once the script has ended (one abort listener per call: not for loops). */
  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }
}

/** What `keepOnePerWorld` needs of a lifetime (ours, or a WXT context for WXT's UI helpers). */
export interface EndableLifetime {
  abort(reason?: unknown): void;
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): () => void;
}

const slotOf = (name: string) => Symbol.for(`dossier.content-context:${name}`);

/** Whether a live instance of script `name` runs in this isolated world (the extension that started it still there). */
export function isLive(name: string): boolean {
  const ctx = (globalThis as { [key: symbol]: EndableLifetime | undefined })[slotOf(name)];
  return ctx !== undefined && !ctx.isInvalid;
}

/**
 * Makes `ctx` the live instance of script `name` in this isolated world: ends the one before it, and checks once a
 * second that the extension is still there (`isInvalid` ends the lifetime when it is not).
 */
export function keepOnePerWorld<T extends EndableLifetime>(name: string, ctx: T): T {
  // One slot per script name: the content scripts of an extension share one isolated world.
  const CURRENT = slotOf(name);
  const world = globalThis as { [key: symbol]: EndableLifetime | undefined };
  if (world[CURRENT] !== ctx) world[CURRENT]?.abort('A newer instance of the content script started');
  world[CURRENT] = ctx;
  const timer = setInterval(() => void ctx.isInvalid, LIVENESS_MS);
  ctx.onInvalidated(() => {
    clearInterval(timer);
    if (world[CURRENT] === ctx) delete world[CURRENT];
  });
  return ctx;
}

/** Creates this script's lifetime, ending an older live instance in the same world first. */
export function createContentLifetime(name: string): ContentLifetime {
  return keepOnePerWorld(name, new ContentLifetime());
}
