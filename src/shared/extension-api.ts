/**
 * The extension API as the browser provides it, without webextension-polyfill: Firefox's `browser` and Chromium's
 * MV3 `chrome` both return promises for every call the content script makes. The content script of every frame
 * imports this instead of `wxt/browser` (which WXT's polyfill module points at the polyfill, a few KB in every
 * frame for nothing). Read at call time, so tests that stub the globals get their fake.
 */
import type { browser } from 'wxt/browser';

type Api = typeof browser;

export function extensionApi(): Api {
  const g = globalThis as { browser?: Api; chrome?: Api };
  return g.browser?.runtime ? g.browser : g.chrome!;
}
