/**
 * The popup's view of one tab: which tab (`?tabId=N` or the active one), whether Dossier can run
 * there, and the content script's state, polled while it scans and refreshed after that.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parsePageState, sendMessage, type PageState } from '../../shared/messages';
import { restrictionOf } from './page-access';

/** What the popup knows about its tab. */
export type PageView =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'restricted'; tabId: number; reason: string }
  /** The tab has no (live) content script: opened before install or update, or a file: URL without access. */
  | { kind: 'unreachable'; tabId: number; hostname: string; loading: boolean; file: boolean }
  | { kind: 'page'; tabId: number; hostname: string; state: PageState };

/** Polling intervals: quick while the page scans, slow afterwards (dynamic pages, settings changes). */
const SCANNING_MS = 250;
const IDLE_MS = 1500;
const UNREACHABLE_MS = 1000;

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

/** Tracks the tab's state; `refresh()` re-reads it at once (after a settings change, say). */
export function usePage(search: string): { view: PageView; refresh: () => void; reload: () => void } {
  const [view, setView] = useState<PageView>({ kind: 'loading' });
  const tabIdRef = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  const poll = useCallback(async () => {
    clearTimeout(timer.current);
    const tabId = tabIdRef.current;
    if (tabId == null) return;
    const next = await readView(tabId);
    if (!alive.current) return;
    setView(next);
    const delay =
      next.kind === 'page' ? (next.state.status === 'scanning' ? SCANNING_MS : IDLE_MS) : next.kind === 'unreachable' ? UNREACHABLE_MS : null;
    if (delay != null) timer.current = setTimeout(() => void poll(), delay);
  }, []);

  useEffect(() => {
    alive.current = true;
    void resolveTabId(search).then((id) => {
      tabIdRef.current = id;
      if (id == null) setView({ kind: 'no-tab' });
      else void poll();
    });
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
  }, [search, poll]);

  const reload = useCallback(() => {
    const tabId = tabIdRef.current;
    if (tabId == null) return;
    void browser.tabs.reload(tabId).then(() => void poll());
  }, [poll]);

  return { view, refresh: () => void poll(), reload };
}
