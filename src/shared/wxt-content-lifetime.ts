/**
 * A WXT content-script context for scripts that use WXT's UI helpers (the reader's save dialog: `createShadowRootUi`
 * takes one), with the guarantees of ./content-lifetime.ts: it neither announces itself to the page nor stops on an
 * event the page can dispatch; it ends when the extension goes away or a newer instance starts in the same world.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keepOnePerWorld } from './content-lifetime';

/** WXT's context without its page-facing announcement and shutdown event. */
class PrivateContext extends ContentScriptContext {
  override stopOldScripts(): void {
    // Older instances are stopped through the isolated world's global (keepOnePerWorld).
  }
  override listenForNewerScripts(): void {
    // A page-dispatched event must not stop Dossier.
  }
}

/** Creates this script's WXT context, ending an older live instance in the same world first. */
export function createWxtContentLifetime(name: string): ContentScriptContext {
  return keepOnePerWorld(name, new PrivateContext(name));
}
