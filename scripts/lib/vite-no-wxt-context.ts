/**
 * A Vite plugin that gives the named entry points an empty class for WXT's `ContentScriptContext`. WXT's
 * content-script wrapper constructs one before `main` runs; Dossier's content script never uses it (its lifetime is
 * its own, src/shared/content-lifetime.ts, because a page can stop WXT's), yet the class, its location watcher and
 * event names cost about 0.85 KB gzipped in the top frame's budget, and its constructor dispatches an event on the
 * page's document and listens there. The empty class keeps the wrapper's call and does nothing.
 */
import type { Plugin } from 'vite';

const EMPTY = '\0dossier:no-wxt-context';
const EMPTY_CODE = 'export class ContentScriptContext {}\n';

/** The plugin, for the builds whose input path contains one of `entries` (e.g. `entrypoints/content/`). */
export function noWxtContextIn(entries: readonly string[]): Plugin {
  let active = false;
  return {
    name: 'dossier:no-wxt-context',
    enforce: 'pre',
    options(opts) {
      const input = opts.input;
      const ids = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      active = ids.some((id) => entries.some((e) => id.replaceAll('\\', '/').includes(e)));
      return null;
    },
    resolveId(id) {
      return active && id === 'wxt/utils/content-script-context' ? EMPTY : null;
    },
    load(id) {
      return id === EMPTY ? EMPTY_CODE : null;
    },
  };
}
