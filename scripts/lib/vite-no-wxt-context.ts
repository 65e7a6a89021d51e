/**
 * A Vite plugin that gives the named entry points an empty class for WXT's `ContentScriptContext`. WXT's
 * content-script wrapper constructs one before `main` runs; Dossier's content script never uses it (its lifetime is
 * its own, src/shared/content-lifetime.ts, because a page can stop WXT's), yet the class, its location watcher and
 * event names cost about 0.85 KB gzipped in the top frame's budget, and its constructor dispatches an event on the
 * page's document and listens there. The empty class keeps the wrapper's call and does nothing.
 */
import type { Plugin } from 'vite';
import { moduleStandIn } from './vite-module-stand-in';

/** The plugin, for the builds whose input path contains one of `entries` (e.g. `entrypoints/content/`). */
export function noWxtContextIn(entries: readonly string[]): Plugin {
  return moduleStandIn({
    name: 'dossier:no-wxt-context',
    entries,
    replaces: (id) => id === 'wxt/utils/content-script-context',
    code: 'export class ContentScriptContext {}\n',
  });
}
