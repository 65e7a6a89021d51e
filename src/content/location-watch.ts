/**
 * Single-page apps change the URL without a new document. The change is noticed from the browser's own events
 * (the Navigation API's `currententrychange`, `popstate`, `hashchange`: only trusted ones, so a page cannot fake
 * one) and at each batch of page mutations (`check()`), and reported once per new URL.
 */
import type { Lifetime } from './lifetime';

/** Watches `win.location`; `onChange` hears each new URL once. */
export function watchLocation(life: Lifetime, win: Window, onChange: () => void): { check(): void } {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange();
  };
  const onEvent = (e: Event) => {
    if (e.isTrusted) check();
  };
  const options = { signal: life.signal };
  const navigation = (win as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener?.('currententrychange', onEvent, options);
  win.addEventListener('popstate', onEvent, options);
  win.addEventListener('hashchange', onEvent, options);
  return { check };
}
