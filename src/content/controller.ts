/**
 * The content controller: wiring only. It owns one `Disposer` that every part hangs its listeners and timers on,
 * and connects the parts: settings become a page configuration (`derivePageConfig`) that the highlighter applies;
 * the mutation watcher feeds the scan scheduler; scans change the page state, which feeds the badge, the popup and
 * jumps; hover opens the popover. See docs/highlighting.md, "Controller parts".
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Mention } from '../core/matcher';
import type { PageData, PageExtras } from '../core/page-data';
import type { ReaderPageData } from '../core/reader-dossier/reader-names';
import { sendToBackground } from '../shared/content-messaging';
import type { PageState } from '../shared/messages';
import { getSettings, readStorage, updateSettings, watchSettings, type Settings, type StoredItems } from '../shared/settings';
import { BadgeReporter } from './badge-reporter';
import { createBenchHook, type BenchHook } from './bench-hook';
import { DesignModeWatch } from './design-mode';
import { cssHighlightsSupported } from './engines/css-engine';
import type { createMarksEngine } from './engines/marks-engine';
import type { FindQuotes } from './quote-results';
import type { FindNames } from './remote-names';
import { targetOf, watchHover, type PopoverLike } from './hover';
import { Jumper } from './jump';
import { Disposer } from './lifetime';
import { watchLocation } from './location-watch';
import { MutationWatcher } from './mutation-watcher';
import { notThisPatch } from './not-this';
import { derivePageConfig } from './page-config';
import { PageHighlighter } from './page-highlighter';
import type { PageApi } from './page-messages';
import { badgeNumbers, PageStateCache } from './page-state';
import { ScanScheduler } from './scan-scheduler';
import { siteHostname } from './site-hostname';
import { StateFeed } from './state-feed';

export type { PopoverLike } from './hover';

/** The attribute on `<html>` that guards against double injection; its value is the page status. */
export const MARKER_ATTRIBUTE = 'data-dossier';

/** Dependencies of the controller, injected by the thin entry point (and by tests). */
export interface ControllerDeps {
  /** The content script's lifetime: the controller stops when it is invalidated. */
  ctx: Pick<ContentScriptContext, 'onInvalidated' | 'isInvalid' | 'setTimeout'>;
  /** The page side's share of the data set (`buildPageData`; the content script gets it computed at build time). */
  data: PageData;
  /** Creates the popover; `onNotThis` is the controller's handler for the card's "Not this". */
  createPopover?(onNotThis: (m: Mention, scope: 'site' | 'everywhere') => void): PopoverLike;
  /** Registers the PageApi message handlers (top frame only); returns the remover. */
  registerPageApi?(api: PageApi): () => void;
  /** Whether this is the tab's top frame (the only one that reports to the popup and the badge). */
  topFrame: boolean;
  /** Benchmark marks and counters (default: `createBenchHook()`). */
  bench?: BenchHook;
  /**
   * The page data's extras (known quotations, the context rules' words), when `data` comes without them: the content
   * script asks the background, so that every frame does not carry them. The first scan waits for them (one scan).
   */
  extras?(): Promise<PageExtras>;
  /** The read of `storage.local` the first settings come from, when the frame made it early; else the controller reads. */
  storage?(): Promise<StoredItems>;
  /**
   * What this page looks for in the reader's dossier (saved quotations, the names of actors they created; see
   * src/shared/reader-dossier-storage), read once and watched; without it only the bundled data is matched.
   */
  reader?: { read(): Promise<ReaderPageData>; watch(cb: (data: ReaderPageData) => void): () => void };
  /**
   * Loads the marks engine's code into this frame (the background injects it: it is not in the script every frame
   * loads). Needed only where the marks engine paints: the reader chose it, or the CSS Highlight API is missing.
   */
  loadMarks(): Promise<typeof createMarksEngine>;
  /**
   * Asks the background for the known quotations in texts of this frame's blocks (the matcher runs there), once a
   * scan has painted the names and has blocks to match.
   */
  findQuotes: FindQuotes;
  /**
   * Asks the background for the names in texts of this frame's whole-page scans (its names matcher stays warm there);
   * without it the frame finds them itself.
   */
  findNames?: FindNames;
  /** Whether an input event is the reader's own (default `event.isTrusted`; jsdom tests inject another). */
  trusted?(e: Event): boolean;
}

/** A running controller. */
export interface ContentController extends PageApi {
  destroy(): void;
}

/**
 * Starts Dossier on this document. When the marker is already there (an instance before an extension update),
 * waits up to 2 s for that instance to go, then starts anyway: an older instance is stopped as this one starts,
 * so a marker still there is not a live Dossier (a page that set it to switch us off, or a leftover) and giving up
 * would let any page disable Dossier. Returns null only when this script itself was invalidated meanwhile.
 */
export async function startController(deps: ControllerDeps): Promise<ContentController | null> {
  const root = document.documentElement;
  if (root.hasAttribute(MARKER_ATTRIBUTE)) {
    await new Promise<void>((resolve) => {
      const mo = new MutationObserver(() => {
        if (!root.hasAttribute(MARKER_ATTRIBUTE)) done();
      });
      const done = () => {
        mo.disconnect();
        offInvalidated();
        resolve();
      };
      mo.observe(root, { attributes: true, attributeFilter: [MARKER_ATTRIBUTE] });
      deps.ctx.setTimeout(done, 2000);
      // An invalidated context cancels its timers: stop waiting then too, rather than never.
      const offInvalidated = deps.ctx.onInvalidated(done);
    });
    if (deps.ctx.isInvalid) return null;
  }
  // A frame that is not the top one has the content script only once its gate saw text and room there
  // (entrypoints/frame-gate.ts, src/content/frame-gate.ts): it starts at once.
  return createController(deps);
}

function createController(deps: ControllerDeps): ContentController {
  const { ctx, topFrame } = deps;
  const bench = deps.bench ?? createBenchHook();
  bench.started();
  const life = new Disposer();
  const doc = document;
  // about:blank and srcdoc frames follow the rules of the site that made them.
  const hostname = siteHostname(window);
  const watcher = new MutationWatcher({
    isOwn: (node) => page.isOwn(node),
    onStale(node) {
      if (page.engine?.release(node)) state.changed();
    },
    onRemoved() {
      page.engine?.prune();
      state.changed();
    },
    onDirty(roots) {
      if (ctx.isInvalid || designModeChanged() || design.editing) return;
      location_.check();
      if (roots === 'full') scans.requestFull('page');
      else scans.enqueue(roots);
    },
  });
  life.defer(() => watcher.disconnect());
  const write = <T>(fn: () => T): T => {
    try {
      return watcher.ownWrite(fn);
    } finally {
      state.changed();
    }
  };
  let createMarks: typeof createMarksEngine | null = null;
  let marksLoading = false;
  const page = new PageHighlighter(doc, deps.data, write, () => createMarks, deps.findQuotes, (ms) => bench.namesBuilt(ms), deps.findNames ?? null);
  life.defer(() => page.destroyEngine());

  let status: PageState['status'] = 'scanning';
  const state = new PageStateCache(() => page.engine, bench);
  const readState = () => state.read(status, scans.progress, location.href, hostname);
  const feed = new StateFeed(life, readState);
  state.onChange(() => feed.notify());
  const setStatus = (next: PageState['status']) => {
    status = next;
    if (!life.disposed) doc.documentElement.setAttribute(MARKER_ATTRIBUTE, next);
    feed.notify();
  };
  setStatus('scanning');
  const badge = topFrame ? new BadgeReporter(life, () => badgeNumbers(readState()), (n) => sendToBackground('pageStateChanged', n)) : null;

  const observed = new WeakSet<Node>();
  const observe = (target: Node) => {
    if (observed.has(target)) return;
    observed.add(target);
    watcher.observe(target);
  };
  let firstScanDone = false;
  // The first read of the reader's dossier, while under way.
  let readerPending = 0;
  const scans = new ScanScheduler({
    life,
    doc,
    engine: () => page.engine,
    matcher: () => page.matcher,
    quoteBlocks: () => page.quoteBlocks(),
    remoteNames: () => page.remoteNames(),
    ignored: () => page.ignored(),
    write,
    onShadowRoot: observe,
    bench,
    onSettled() {
      // Not ready while the reader's dossier is still being applied: its items are highlighted by a scan of their own.
      if (readerPending === 0) setStatus('ready');
      if (!firstScanDone) bench.firstScanDone();
      firstScanDone = true;
      badge?.publish();
    },
  });
  const clearPage = () => {
    scans.cancel();
    page.clear();
  };

  // A page in designMode is edited as a whole: every highlight goes, nothing is scanned or hovered until it is off.
  const design = new DesignModeWatch(doc);
  const designModeChanged = (): boolean => {
    const change = design.check();
    if (change === 'entered') {
      clearPage();
      popover?.hide();
      badge?.publish();
    } else if (change === 'left') scans.requestFull('page');
    return change !== null;
  };

  const popover = deps.createPopover?.((m, scope) => void updateSettings((s) => notThisPatch(s, m, scope, hostname, (id) => page.quoteText(id)))) ?? null;
  if (popover) {
    life.defer(() => popover.destroy());
    watchHover({ life, doc, popover, engine: () => page.engine, trusted: deps.trusted, suspended: () => designModeChanged() || design.editing });
  }
  // Single-page apps: a history navigation replaces content; the page is scanned again (coalesced, backing off).
  const location_ = watchLocation(life, window, () => {
    badge?.forget();
    if (page.engine) write(() => page.engine!.prune());
    scans.requestFull('page');
  });

  let latest: Settings | null = null;
  function apply(s: Settings) {
    if (life.disposed) return;
    latest = s;
    const wasEngine = page.engine;
    const applied = page.apply(derivePageConfig(s, hostname, cssHighlightsSupported(doc)));
    // The badge setting may have changed: report the numbers again even when they are the same.
    badge?.forget();
    if (applied === 'same') {
      badge?.publish();
      return;
    }
    scans.cancel();
    if (page.engine !== wasEngine || applied === 'off' || applied === 'waiting') popover?.hide();
    if (applied === 'waiting') {
      setStatus('scanning');
      if (marksLoading) return;
      marksLoading = true;
      deps.loadMarks().then(
        (factory) => {
          marksLoading = false;
          createMarks = factory;
          if (latest) apply(latest);
        },
        (err: unknown) => {
          marksLoading = false;
          console.warn('[dossier] could not load the marks engine', err);
        },
      );
      return;
    }
    if (applied === 'off') {
      setStatus(s.paused ? 'paused' : 'disabled');
      badge?.publish();
      return;
    }
    page.clear();
    observe(doc);
    setStatus('scanning');
    scans.requestFull('settings');
  }

  const rescanForData = () => {
    scans.cancel();
    popover?.hide();
    page.clear();
    setStatus('scanning');
    scans.requestFull('settings');
  };
  const setReaderData = (data: ReaderPageData) => {
    if (life.disposed) return;
    if (page.setReaderData(data)) rescanForData();
    else readerSettled();
  };
  // The last dossier update applied with nothing to scan again: the page's scan may have settled meanwhile.
  const readerSettled = () => {
    if (readerPending === 0 && firstScanDone && status === 'scanning' && page.config?.active && !scans.busy) setStatus('ready');
  };

  if (deps.reader) {
    let watched = false;
    life.defer(
      deps.reader.watch((d) => {
        watched = true;
        setReaderData(d);
      }),
    );
    // A change may have arrived through the watch first; it is newer.
    readerPending++;
    void deps.reader
      .read()
      .then(
        (d) => {
          if (!watched) setReaderData(d);
        },
        (err: unknown) => console.warn('[dossier] could not read the reader’s dossier for this page', err),
      )
      .finally(() => {
        readerPending--;
        if (!life.disposed) readerSettled();
      });
  }

  const jumper = new Jumper();
  const api: ContentController = {
    getState: readState,
    subscribe: (push) => feed.subscribe(push),
    jumpTo(id, direction) {
      const hit = page.engine ? jumper.jump(page.engine, id, direction) : null;
      // The css engine paints only near the viewport: where the jump landed is painted before the card shows.
      if (hit) page.engine!.viewportMoved?.();
      if (hit) popover?.show(targetOf(hit), { focus: true });
      return hit !== null;
    },
    destroy() {
      if (life.disposed) return;
      scans.cancel();
      life.dispose();
      doc.documentElement.removeAttribute(MARKER_ATTRIBUTE);
    },
  };

  if (topFrame && deps.registerPageApi) life.defer(deps.registerPageApi(api));
  // One read of the storage for the watch and the first settings, taken in the task that starts the watch.
  const stored = deps.storage?.() ?? readStorage();
  life.defer(watchSettings(apply, undefined, stored));
  life.defer(ctx.onInvalidated(() => api.destroy()));
  // The extras asked of the background: the first scan waits for them; should settings have been applied meanwhile
  // (a change arrived through watchSettings), the page is scanned again with them.
  const extrasAsked = deps.extras?.().then(
    (extras) => {
      if (!life.disposed && page.setExtras(extras)) rescanForData();
    },
    (err: unknown) => console.warn('[dossier] could not get the known quotations', err),
  );
  // A change may have arrived through watchSettings first; it is newer.
  void Promise.all([getSettings(stored), extrasAsked]).then(([s]) => {
    if (!page.config) apply(s);
  });
  return api;
}
