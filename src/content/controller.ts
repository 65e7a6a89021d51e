/**
 * The content controller: wiring only. It owns one `Disposer` that every part hangs its listeners and timers on,
 * applies the settings (`derivePageConfig`, `configChange`), keeps the engine and the matchers, and connects the
 * parts: the mutation watcher feeds the scan scheduler, scans change the page state, the state feeds the badge,
 * the popup and jumps, hover opens the popover. See docs/highlighting.md, "Controller parts".
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher, type Matcher, type Mention } from '../core/matcher';
import { pageDictionary, type PageData } from '../core/page-data';
import { compileQuoteMatcher, type QuoteMatcher } from '../core/quote-matcher';
import { entityCount, sendMessage, type PageState } from '../shared/messages';
import { getSettings, siteKey, updateSettings, watchSettings, type EngineChoice, type Settings } from '../shared/settings';
import { BadgeReporter } from './badge-reporter';
import { createBenchHook, type BenchHook } from './bench-hook';
import { isQuoteMention, QuoteBlocks } from './block-quotes';
import { DesignModeWatch } from './design-mode';
import { createCssEngine, cssHighlightsSupported } from './engines/css-engine';
import { createMarksEngine } from './engines/marks-engine';
import type { EngineKind, HighlightEngine } from './engines/types';
import { isOwnElement } from './excluded';
import { targetOf, watchHover, type PopoverLike } from './hover';
import { Jumper } from './jump';
import { Disposer } from './lifetime';
import { watchLocation } from './location-watch';
import { MutationWatcher } from './mutation-watcher';
import { configChange, derivePageConfig, type PageConfig } from './page-config';
import type { PageApi } from './page-messages';
import { PageStateCache } from './page-state';
import { ScanScheduler } from './scan-scheduler';
import { StateFeed } from './state-feed';

export { HIGHLIGHTED_MARK, START_MARK } from './bench-hook';
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
  /** Whether an input event is the reader's own (default `event.isTrusted`; jsdom tests inject another). */
  trusted?(e: Event): boolean;
}

/** A running controller. */
export interface ContentController extends PageApi {
  destroy(): void;
}

type Status = PageState['status'];

/** Picks the engine for a setting: the CSS Highlight API wherever it works, marks otherwise. */
export function chooseEngine(choice: EngineChoice, doc: Document = document): EngineKind {
  return derivePageConfig({ engine: choice } as Settings, '', choice !== 'marks' && cssHighlightsSupported(doc)).engine;
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
  return createController(deps);
}

function createController(deps: ControllerDeps): ContentController {
  const { ctx, data, topFrame } = deps;
  const bench = deps.bench ?? createBenchHook();
  bench.started();
  const life = new Disposer();
  const doc = document;
  const root = doc.documentElement;
  const hostname = location.hostname;

  let config: PageConfig | null = null;
  let engine: HighlightEngine | null = null;
  let matcher: Matcher | null = null;
  let quoteMatcher: QuoteMatcher | null = null;
  let ignored: ReadonlySet<string> = new Set();
  let status: Status = 'scanning';
  let firstScanDone = false;
  const entries = pageDictionary(data);
  const quoteNames = new Map(data.quotes.map((q) => [q.id, q.label]));
  const state = new PageStateCache(() => engine, bench);
  const readState = () => state.read(status, scans.progress, location.href, hostname);
  const feed = new StateFeed(life, readState);
  state.onChange(() => feed.notify());
  const setStatus = (next: Status) => {
    status = next;
    if (!life.disposed) root.setAttribute(MARKER_ATTRIBUTE, next);
    feed.notify();
  };
  setStatus('scanning');
  const badge = topFrame
    ? new BadgeReporter(
        life,
        () => {
          const s = readState();
          // The badge counts actors and regions, as the popup's summary does: a quotation is not an entity.
          return { total: s.mentions.reduce((sum, m) => (m.category === 'quotes' ? sum : sum + m.count), 0), entities: entityCount(s) };
        },
        (n) => sendMessage('pageStateChanged', n),
      )
    : null;

  const isOwn = (node: Node): boolean => {
    if (node.nodeType === 1) return isOwnElement(node as Element);
    if (node.nodeType !== 3) return false;
    const parent = node.parentElement;
    if (parent && isOwnElement(parent)) return true;
    return engine ? engine.textOf(node as Text) === null : false;
  };
  const watcher = new MutationWatcher({
    isOwn,
    onStale: (node) => engine?.release(node) && state.changed(),
    onRemoved: () => {
      engine?.prune();
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
  const observed = new WeakSet<Node>();
  const observe = (target: Node) => {
    if (observed.has(target)) return;
    observed.add(target);
    watcher.observe(target);
  };

  const scans = new ScanScheduler({
    life,
    doc,
    engine: () => engine,
    matcher: () => matcher,
    quoteBlocks: () =>
      config?.quotes && quoteMatcher
        ? new QuoteBlocks({
            matcher: quoteMatcher,
            nameOf: (id) => quoteNames.get(id) ?? 'Quotation',
            layered: engine?.layered === true,
            // "Not this" everywhere on a quotation stores its page text (the mention's alias).
            ignore: (m) => ignored.has(m.alias) || config!.excludedAliases.includes(m.alias),
          })
        : null,
    ignored: () => ignored,
    write,
    onShadowRoot: observe,
    bench,
    onSettled() {
      setStatus('ready');
      if (!firstScanDone) {
        firstScanDone = true;
        bench.firstScanDone();
      }
      badge?.publish();
    },
  });

  /** Cancels scanning and removes every highlight. */
  const clearPage = () => {
    scans.cancel();
    if (engine) write(() => engine!.clear());
  };

  // A page that turns designMode on is being edited as a whole: every highlight goes, nothing is scanned or
  // hovered until it is off again, and then the whole page is scanned again.
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

  const popover = deps.createPopover?.(onNotThis) ?? null;
  if (popover) {
    life.defer(() => popover.destroy());
    watchHover({ life, doc, engine: () => engine, popover, trusted: deps.trusted, suspended: () => designModeChanged() || design.editing });
  }

  // Single-page apps: a history navigation replaces content; the page is scanned again (coalesced, backing off).
  const location_ = watchLocation(life, window, () => {
    badge?.forget();
    if (!engine) return;
    write(() => engine!.prune());
    scans.requestFull('page');
  });

  function apply(s: Settings) {
    if (life.disposed) return;
    const next = derivePageConfig(s, hostname, cssHighlightsSupported(doc));
    const change = configChange(config, next);
    config = next;
    // The badge setting may have changed: report the numbers again even when they are the same.
    badge?.forget();
    if (!next.active) {
      clearPage();
      engine?.destroy();
      engine = null;
      popover?.hide();
      setStatus(next.status === 'paused' ? 'paused' : 'disabled');
      badge?.publish();
      return;
    }
    if (change.engine || !engine) {
      clearPage();
      engine?.destroy();
      popover?.hide();
      engine = next.engine === 'css' ? createCssEngine(doc) : createMarksEngine(doc, { write });
    }
    if (change.matcher || !matcher) matcher = compileMatcher(entries, { excludedAliases: next.excludedAliases });
    ignored = new Set(next.ignoredTexts);
    if (next.quotes) quoteMatcher ??= compileQuoteMatcher(data.quotes);
    write(() => engine!.setVisibleCategories(next.visible));
    observe(doc);
    if (change.rescan || change.engine) {
      clearPage();
      setStatus('scanning');
      scans.requestFull('settings');
    } else badge?.publish();
  }

  function onNotThis(m: Mention, scope: 'site' | 'everywhere') {
    // A quotation is one thing to a reader, even across a link: its whole page text, not the piece under the pointer.
    const text = isQuoteMention(m) ? m.alias : m.text;
    void updateSettings((s) =>
      scope === 'site'
        ? { ignoredMatches: [...s.ignoredMatches, { site: siteKey(hostname), text }] }
        : { excludedAliases: [...s.excludedAliases, m.alias] },
    );
  }

  const jumper = new Jumper();
  const api: ContentController = {
    getState: readState,
    subscribe: (push) => feed.subscribe(push),
    jumpTo(id, direction) {
      const hit = engine ? jumper.jump(engine, id, direction) : null;
      if (hit) popover?.show(targetOf(hit), { focus: true });
      return hit !== null;
    },
    destroy() {
      if (life.disposed) return;
      scans.cancel();
      life.dispose();
      engine?.destroy();
      engine = null;
      root.removeAttribute(MARKER_ATTRIBUTE);
    },
  };

  if (topFrame && deps.registerPageApi) life.defer(deps.registerPageApi(api));
  life.defer(watchSettings(apply));
  life.defer(ctx.onInvalidated(() => api.destroy()));
  void getSettings().then((s) => {
    // A change may have arrived through watchSettings first; it is newer.
    if (!config) apply(s);
  });
  return api;
}
