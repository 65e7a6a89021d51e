/**
 * The popup's view of one tab: which tab (`?tabId=N` or the active one), whether Dossier can run
 * there, and the content script's state, which the content script pushes over a port whenever it changes
 * (no polling). When there is no content script yet (the page is loading, or was open before Dossier was
 * installed), the view is read again on the browser's events for that tab: it finished loading or navigated,
 * or its content script reported to the badge.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { onMessage, parsePageState, sendMessage, subscribePageState, type PageState } from '../../shared/messages';
import { restrictionOf } from './page-access';

/** What the popup knows about its tab. */
export type PageView =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'restricted'; tabId: number; reason: string }
  /** The tab has no (live) content script: opened before install or update, or a file: URL without access. */
  | { kind: 'unreachable'; tabId: number; hostname: string; loading: boolean; file: boolean }
  | { kind: 'page'; tabId: number; hostname: string; state: PageState };

/** The tab the popup is about: `?tabId=N` (tests, "open in a tab"), else the active tab of this window. */
export async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function hostnameOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** Reads what the popup should show for a tab: restricted, unreachable (no live content script) or its state. */
export async function readView(tabId: number): Promise<PageView> {
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { kind: 'no-tab' };
  }
  if (!tab) return { kind: 'no-tab' };
  const restriction = restrictionOf(tab.url);
  if (restriction) return { kind: 'restricted', tabId, reason: restriction.reason };
  const hostname = hostnameOf(tab.url);
  try {
    const state = parsePageState(await sendMessage('getPageState', undefined, tabId));
    if (state) return { kind: 'page', tabId, hostname: state.hostname || hostname, state };
  } catch {
    // No receiver in the tab: handled below.
  }
  return { kind: 'unreachable', tabId, hostname, loading: tab.status === 'loading', file: tab.url?.startsWith('file:') ?? false };
}

/** Tracks the tab's state; `refresh()` reads it again at once (after a failed jump, say). */
export function usePage(search: string): { view: PageView; refresh: () => void; reload: () => void } {
  const [view, setView] = useState<PageView>({ kind: 'loading' });
  const tabIdRef = useRef<number | null>(null);
  const live = useRef<{ alive: boolean; unsubscribe: (() => void) | null; run: number }>({ alive: true, unsubscribe: null, run: 0 });

  /** Reads the view and, when a content script is there, subscribes to its state until the port closes. */
  const follow = useCallback(async () => {
    const tabId = tabIdRef.current;
    const l = live.current;
    if (tabId == null || !l.alive) return;
    const run = ++l.run;
    l.unsubscribe?.();
    l.unsubscribe = null;
    const next = await readView(tabId);
    if (!l.alive || run !== l.run) return;
    setView(next);
    if (next.kind !== 'page') return;
    let delivered = false;
    l.unsubscribe = subscribePageState(
      tabId,
      (state) => {
        delivered = true;
        if (run === l.run) setView({ kind: 'page', tabId, hostname: state.hostname || next.hostname, state });
      },
      () => {
        if (run !== l.run) return;
        l.unsubscribe = null;
        // The page went away (navigation, reload): read again. A port that closed without a word waits for the
        // tab's next event instead, so a broken connection never turns into a loop.
        if (delivered) void follow();
      },
    );
  }, []);

  useEffect(() => {
    const l = live.current;
    l.alive = true;
    const onUpdated = (tabId: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (tabId === tabIdRef.current && (change.status === 'complete' || change.url !== undefined)) void follow();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    // The tab's content script reports to the badge after its first scan: a popup still without it connects now.
    const offReport = onMessage('pageStateChanged', (_data, sender) => {
      if (sender.tabId === tabIdRef.current && !l.unsubscribe) void follow();
    });
    void resolveTabId(search).then((id) => {
      tabIdRef.current = id;
      if (id == null) setView({ kind: 'no-tab' });
      else void follow();
    });
    return () => {
      l.alive = false;
      l.unsubscribe?.();
      l.unsubscribe = null;
      browser.tabs.onUpdated.removeListener(onUpdated);
      offReport();
    };
  }, [search, follow]);

  const reload = useCallback(() => {
    const tabId = tabIdRef.current;
    // The tab's own events (loading, complete) bring the view up to date.
    if (tabId != null) void browser.tabs.reload(tabId);
  }, []);

  return { view, refresh: () => void follow(), reload };
}
