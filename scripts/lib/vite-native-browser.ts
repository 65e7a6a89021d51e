/**
 * A Vite plugin that gives the named entry points the browser's own extension API instead of webextension-polyfill.
 * WXT's polyfill module points `wxt/browser` at the polyfill for every entry point, and WXT's content-script wrapper
 * imports it (its context reads `runtime.id`): a few KB in the script of every frame, which needs no polyfill
 * (Firefox's `browser` and Chromium's MV3 `chrome` both return promises; src/shared/extension-api.ts). Other entry
 * points (background, extension pages) keep the polyfill.
 */
import type { Plugin } from 'vite';
import { moduleStandIn } from './vite-module-stand-in';

/** The plugin, for the builds whose input path contains one of `entries` (e.g. `entrypoints/content/`). */
export function nativeBrowserIn(entries: readonly string[]): Plugin {
  return moduleStandIn({
    name: 'dossier:native-browser',
    entries,
    // After WXT's alias, `wxt/browser` arrives as the polyfill module's own path.
    replaces: (id) => id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser',
    // What `wxt/browser` is, without the polyfill (as @wxt-dev/browser defines it).
    code: 'export const browser = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;\n',
  });
}
