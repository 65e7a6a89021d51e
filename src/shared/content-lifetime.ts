/**
 * The content script's lifetime, which no page can end. WXT's own context announces itself to the page with
 * `window.postMessage` and stops when a same-named event is dispatched on the document, which any page can do
 * (the name is the extension's id plus a constant). Dossier's context does neither: it ends only when
 *  - the extension's runtime goes away (`browser.runtime.id` undefined: the extension was reloaded, updated or
 *    disabled), checked once a second with one interval, or
 *  - a newer instance of this script starts in the same isolated world (it finds this one in a global of that
 *    world, which the page's scripts cannot see).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

const LIVENESS_MS = 1000;

type ContextOptions = ConstructorParameters<typeof ContentScriptContext>[1];

/** A WXT content-script context (for WXT's UI helpers) that neither announces itself to nor listens to the page. */
class PrivateContext extends ContentScriptContext {
  override stopOldScripts(): void {
    // Older instances are stopped through the isolated world's global (createContentLifetime).
  }
  override listenForNewerScripts(): void {
    // A page-dispatched event must not stop Dossier.
  }
}

/** Creates this script's context, stopping an older live instance in the same world first. */
export function createContentLifetime(name: string, options?: ContextOptions): ContentScriptContext {
  // One slot per script name: the content scripts of an extension share one isolated world.
  const CURRENT = Symbol.for(`dossier.content-context:${name}`);
  const world = globalThis as { [key: symbol]: ContentScriptContext | undefined };
  world[CURRENT]?.abort('A newer instance of the content script started');
  const ctx = new PrivateContext(name, options);
  world[CURRENT] = ctx;
  // `isInvalid` checks `browser.runtime.id` and, when it is gone, ends the context (and so tears Dossier down).
  const timer = setInterval(() => void ctx.isInvalid, LIVENESS_MS);
  ctx.onInvalidated(() => {
    clearInterval(timer);
    if (world[CURRENT] === ctx) delete world[CURRENT];
  });
  return ctx;
}

