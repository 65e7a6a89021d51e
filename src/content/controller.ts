/**
 * The content controller: loads settings, compiles the matcher once, picks the engine, scans the page
 * in slices, keeps highlights right as the page changes, hit-tests the pointer for the popover, and
 * answers the popup and the keyboard commands (PageApi). Everything it adds to the page goes through
 * `ctx` (timers, listeners) or has a `destroy()`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher, type Matcher, type Mention } from '../core/matcher';
import { pageDictionary, type PageData } from '../core/page-data';
import { compileQuoteMatcher, type QuoteMatcher } from '../core/quote-matcher';
import type { Category } from '../data/schema';
import { CATEGORY_ORDER } from '../shared/categories';
import { entityCount, sendMessage, type PageState } from '../shared/messages';
import {
  getSettings,
  ignoredTextsOn,
  isActiveOn,
  siteKey,
  updateSettings,
  watchSettings,
  type EngineChoice,
  type Settings,
} from '../shared/settings';
import { createCssEngine, cssHighlightsSupported } from './engines/css-engine';
import { createMarksEngine } from './engines/marks-engine';
import type { EngineKind, HighlightEngine, HighlightHit, NodeMentions } from './engines/types';
import { isExcludedContext, isOwnElement } from './excluded';
import { MutationWatcher } from './mutation-watcher';
import type { PageApi } from './page-messages';
import { isQuoteMention, QuoteBlocks, quoteRescanRoot } from './block-quotes';
import { SLICE_BUDGET_MS, yieldToBrowser } from './time-slicer';
import { walkTextNodes } from './text-walker';

/** The attribute on `<html>` that guards against double injection; its value is the page status. */
export const MARKER_ATTRIBUTE = 'data-dossier';
/**
 * User-timing entries (harmless, read by the browser benchmark): content script start, first scan done. The
 * second's `detail` is `{ count, busy, longest, quotes }`: our slices (number, busy ms, longest ms) and the ms
 * spent in the quote matcher, all for the first full scan.
 */
export const START_MARK = 'dossier:start';
export const HIGHLIGHTED_MARK = 'dossier:highlighted';

/** What the controller needs of the popover (src/content/popover: `createPopover`). */
export interface PopoverLike {
  show(target: { mention: Mention; rect: () => DOMRect }, opts?: { focus?: boolean }): void;
  scheduleShow(target: { mention: Mention; rect: () => DOMRect }, opts?: { focus?: boolean }): void;
  scheduleHide(): void;
  hide(): void;
  destroy(): void;
}

/** Dependencies of the controller, injected by the thin entry point (and by tests). */
export interface ControllerDeps {
  ctx: ContentScriptContext;
  /** The page side's share of the data set (`buildPageData`; the content script gets it computed at build time). */
  data: PageData;
  /** Creates the popover; `onNotThis` is the controller's handler for the card's "Not this". */
  createPopover?(onNotThis: (m: Mention, scope: 'site' | 'everywhere') => void): PopoverLike;
  /** Registers the PageApi message handlers (top frame only); returns the remover. */
  registerPageApi?(api: PageApi): () => void;
  /** Whether this is the tab's top frame (the only one that reports to the popup and the badge). */
  topFrame: boolean;
}

/** A running controller. */
export interface ContentController extends PageApi {
  destroy(): void;
}

type Status = PageState['status'];

/** Picks the engine for a setting: the CSS Highlight API wherever it works, mark.js otherwise. */
export function chooseEngine(choice: EngineChoice, doc: Document = document): EngineKind {
  if (choice === 'marks') return 'marks';
  return cssHighlightsSupported(doc) ? 'css' : 'marks';
}

function visibleCategories(s: Settings): Set<Category> {
  return new Set(CATEGORY_ORDER.filter((c) => s.categories[c]));
}

/**
 * Starts Dossier on this document. When the marker is already there (an instance before an extension update),
 * waits up to 2 s for that instance to go, then starts anyway: WXT's context stops an older instance of this
 * content script as this one starts, so a marker still there is not a live Dossier (a page that set it to
 * switch us off, or a leftover) and giving up would let any page disable Dossier. Returns null only when this
 * script itself was invalidated meanwhile.
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
        resolve();
      };
      mo.observe(root, { attributes: true, attributeFilter: [MARKER_ATTRIBUTE] });
      deps.ctx.setTimeout(done, 2000);
      // An invalidated context cancels its timers: stop waiting then too, rather than never.
      deps.ctx.onInvalidated(done);
    });
    if (deps.ctx.isInvalid) return null;
  }
  return createController(deps);
}

function createController({ ctx, data, createPopover, registerPageApi, topFrame }: ControllerDeps): ContentController {
  performance.mark(START_MARK);
  const doc = document;
  const root = doc.documentElement;
  const hostname = location.hostname;
  root.setAttribute(MARKER_ATTRIBUTE, 'scanning');

  const entries = pageDictionary(data);
  let settings: Settings | null = null;
  let matcher: Matcher | null = null;
  let matcherKey = '';
  let ignored = new Set<string>();
  let ignoredKey = '';
  // Known quotations: the matcher is compiled the first time the category is on, and only then does a scan match them.
  let quoteMatcher: QuoteMatcher | null = null;
  let quotesOn = false;
  let excludedQuotes = new Set<string>();
  const quoteNames = new Map(data.quotes.map((q) => [q.id, q.label]));
  let engine: HighlightEngine | null = null;
  let status: Status = 'scanning';
  let progress = 0;
  let firstScanDone = false;
  let destroyed = false;

  // Scanning state: a generation counter cancels a running scan when settings reset the page.
  let generation = 0;
  let queue: Node[] = [];
  let scanning = false;
  // Whether a full scan has deferred the engine's paint (ended when that scan settles, never by a small rescan).
  let paintDeferred = false;
  /** Work slices of the scans so far (the benchmark reads them from the first-scan mark). */
  const slices = { count: 0, busy: 0, longest: 0, quotes: 0 };
  const observed = new WeakSet<Node>();

  const popover = createPopover?.(onNotThis) ?? null;

  const isOwn = (node: Node): boolean => {
    if (node.nodeType === 1) return isOwnElement(node as Element);
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (parent && isOwnElement(parent)) return true;
      return engine ? engine.textOf(node as Text) === null : false;
    }
    return false;
  };

  const watcher = new MutationWatcher({
    isOwn,
    onStale(node) {
      engine?.release(node);
    },
    onRemoved() {
      engine?.prune();
    },
    onDirty(roots) {
      if (inDesignMode()) return;
      if (roots === 'full') enqueue([doc.documentElement], true);
      else {
        // A change inside a quotation's block re-matches the whole block, so the quotation is found whole again.
        const kept = roots.filter((r) => !isExcludedContext(r));
        enqueue(quotesOn ? [...new Set(kept.map(quoteRescanRoot))] : kept, false);
      }
    },
  });

  /**
   * A page that turns `designMode` on after our scan (a whole-page editor) fires no event for it. Checked
   * where we run anyway (each batch of page mutations, each hover frame): one property read. The first
   * time it is seen on, every highlight goes and any scan stops; nothing is scanned while it stays on.
   * Seen off again, the whole page is scanned again.
   */
  let designModeCleared = false;
  function inDesignMode(): boolean {
    if (doc.designMode !== 'on') {
      if (designModeCleared) {
        designModeCleared = false;
        enqueue([doc.documentElement], true);
      }
      return false;
    }
    if (!designModeCleared) {
      designModeCleared = true;
      reset();
      popover?.hide();
      publish();
    }
    return true;
  }

  const observe = (target: Node) => {
    if (observed.has(target)) return;
    observed.add(target);
    watcher.observe(target);
  };

  const write = <T>(fn: () => T): T => watcher.ownWrite(fn);

  function setStatus(next: Status) {
    status = next;
    if (!destroyed) root.setAttribute(MARKER_ATTRIBUTE, next);
  }

  function enqueue(roots: Node[], full: boolean) {
    if (!engine || !matcher || destroyed) return;
    if (full) {
      queue = [doc.documentElement];
      // A whole-page scan paints once at the end rather than after every slice (css engine).
      if (!scanning && engine.deferPaint) {
        engine.deferPaint(true);
        paintDeferred = true;
      }
    }
    else if (queue[0] !== doc.documentElement) queue.push(...roots);
    if (!scanning) void scanLoop(generation);
  }

  async function scanLoop(gen: number) {
    scanning = true;
    if (!firstScanDone) setStatus('scanning');
    let seen = 0;
    // Progress is reported for whole-page scans only: counting the page's elements is not free, and a
    // rescan of a few nodes has nothing to report.
    let elementCount = 0;
    let fullStart = 0;
    // Restarts after the page removed the node a slice stopped at: a budget per scan, so a page that did
    // this a few times earlier in its life still gets its later rescans finished.
    let restarts = 0;
    let sliceStart = performance.now();
    const endSlice = () => {
      const took = performance.now() - sliceStart;
      slices.count++;
      slices.busy += took;
      if (took > slices.longest) slices.longest = took;
    };
    const batch: NodeMentions[] = [];
    const blocks =
      quotesOn && quoteMatcher
        ? new QuoteBlocks({
            matcher: quoteMatcher,
            nameOf: (id) => quoteNames.get(id) ?? 'Quotation',
            layered: engine?.layered === true,
            ignore: (m) => ignored.has(m.alias) || excludedQuotes.has(m.alias),
            names: matcher!,
          })
        : null;
    const take = (items: readonly NodeMentions[]) => {
      for (const item of items) if (item.mentions.length || engine!.has(item.node)) batch.push(item);
    };
    const flush = () => {
      if (batch.length && engine) {
        const items = batch.splice(0);
        write(() => engine!.highlight(items));
      }
    };
    try {
      while (queue.length && gen === generation) {
        const scanRoot = queue.shift()!;
        // Excluded roots (an editable ancestor, a page in designMode) yield nothing: the walker asks isExcludedContext.
        if (!scanRoot.isConnected) continue;
        if (scanRoot === doc.documentElement) {
          progress = 0;
          elementCount = Math.max(1, doc.getElementsByTagName('*').length);
          fullStart = seen;
        }
        const walk = walkTextNodes(scanRoot, observe);
        let last: Text | null = null;
        for (let step = walk.next(); !step.done; step = walk.next()) {
          const node = step.value;
          last = node;
          seen++;
          const text = engine!.textOf(node);
          if (text !== null) {
            let mentions = matcher!.scan(text);
            if (ignored.size && mentions.length) mentions = mentions.filter((m) => !ignored.has(m.text));
            if (blocks) {
              // Held until its block ends: the block's quotations are matched over all its nodes.
              const done = blocks.add(node, text, mentions);
              if (done) take(done);
            } else if (mentions.length || engine!.has(node)) batch.push({ node, mentions });
          }
          // Every 16 nodes: highlight what was found (so wrapping counts against the slice budget too)
          // and read the clock (cheap but not free).
          if ((seen & 15) === 0) flush();
          if ((seen & 15) === 0 && performance.now() - sliceStart > SLICE_BUDGET_MS) {
            endSlice();
            if (elementCount) progress = Math.min(0.99, (seen - fullStart) / elementCount);
            await yieldToBrowser((cb, ms) => ctx.setTimeout(cb, ms));
            if (gen !== generation || destroyed || ctx.isInvalid) return;
            sliceStart = performance.now();
            // The page removed the node we stopped at: the walk cannot continue from it. Scan again
            // from the root (already highlighted nodes are re-matched, not duplicated), a few times at most.
            if (last && !last.isConnected) {
              blocks?.discard();
              if (restarts++ < 3) queue.unshift(scanRoot);
              break;
            }
          }
        }
        if (blocks) take(blocks.end());
        flush();
      }
      flush();
      endSlice();
      if (blocks) slices.quotes += blocks.findMs;
    } finally {
      if (gen === generation) scanning = false;
    }
    if (gen !== generation || destroyed) return;
    if (paintDeferred) {
      paintDeferred = false;
      write(() => engine?.deferPaint?.(false));
    }
    progress = 1;
    setStatus('ready');
    if (!firstScanDone) {
      firstScanDone = true;
      // The detail (our own slices: count, busy and longest ms) is for the browser benchmark.
      performance.mark(HIGHLIGHTED_MARK, { detail: { ...slices } });
    }
    publish();
  }

  /** Cancels scanning and removes every highlight. */
  function reset() {
    generation++;
    scanning = false;
    queue = [];
    if (engine) write(() => engine!.clear());
  }

  // Badge updates: after a scan settles, at most every 500 ms, and only when the numbers changed (a page that
  // mutates all the time settles a rescan after every change). Cleared when settings apply or the URL changes.
  let publishTimer = 0;
  let published = '';
  function publish() {
    if (!topFrame || publishTimer) return;
    publishTimer = ctx.setTimeout(() => {
      publishTimer = 0;
      if (destroyed) return;
      const state = api.getState();
      // The badge counts actors and regions, as the popup's summary does: a quotation is not an entity.
      const entities = entityCount(state);
      const total = state.mentions.reduce((sum, m) => (m.category === 'quotes' ? sum : sum + m.count), 0);
      const key = `${total}/${entities}`;
      if (key === published) return;
      published = key;
      sendMessage('pageStateChanged', { total, entities }).catch(() => {
        // The background may be restarting; the next settled scan sends again.
        published = '';
      });
    }, 500);
  }

  function apply(s: Settings) {
    if (destroyed) return;
    settings = s;
    // The badge setting may have changed: report the numbers again even when they are the same.
    published = '';
    if (!isActiveOn(s, hostname)) {
      reset();
      engine?.destroy();
      engine = null;
      popover?.hide();
      setStatus(s.paused ? 'paused' : 'disabled');
      progress = 0;
      publish();
      return;
    }
    let full = false;
    const kind = chooseEngine(s.engine, doc);
    if (!engine || engine.kind !== kind) {
      reset();
      engine?.destroy();
      popover?.hide();
      engine = kind === 'css' ? createCssEngine(doc) : createMarksEngine(doc, { write });
      full = true;
    }
    const mKey = JSON.stringify(s.excludedAliases);
    if (!matcher || mKey !== matcherKey) {
      matcher = compileMatcher(entries, { excludedAliases: s.excludedAliases });
      matcherKey = mKey;
      full = true;
    }
    const ignoredTexts = ignoredTextsOn(s, hostname);
    const iKey = ignoredTexts.join('\u0000');
    if (iKey !== ignoredKey) {
      ignored = new Set(ignoredTexts);
      ignoredKey = iKey;
      full = true;
    }
    // Quotes: matched only while the category is on; turning it on matches the page again.
    const wantQuotes = s.categories.quotes;
    if (wantQuotes && !quotesOn) full = true;
    quotesOn = wantQuotes;
    if (quotesOn) quoteMatcher ??= compileQuoteMatcher(data.quotes);
    // "Not this" everywhere on a quotation stores its page text (the mention's alias); a change rescans (matcher key).
    excludedQuotes = new Set(s.excludedAliases);
    const visible = visibleCategories(s);
    write(() => engine!.setVisibleCategories(visible));
    observe(doc);
    if (full) {
      reset();
      enqueue([doc.documentElement], true);
    } else {
      publish();
    }
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

  const targetOf = (hit: HighlightHit) => {
    const range = hit.range();
    return { mention: hit.mention, rect: () => range.getBoundingClientRect() };
  };

  // Hover: hit-test at most once per animation frame, at the latest pointer position.
  let hovered: Mention | null = null;
  let frame = 0;
  let pointX = 0;
  let pointY = 0;
  const hover = () => {
    frame = 0;
    if (!engine || !popover || inDesignMode()) return;
    const hit = engine.hitTest(pointX, pointY);
    if (hit) {
      if (hit.mention !== hovered) popover.scheduleShow(targetOf(hit));
      hovered = hit.mention;
    } else if (hovered) {
      hovered = null;
      popover.scheduleHide();
    }
  };
  ctx.addEventListener(
    doc,
    'pointermove',
    (e: PointerEvent) => {
      if (e.pointerType === 'touch' || !engine) return;
      pointX = e.clientX;
      pointY = e.clientY;
      if (!frame) frame = ctx.requestAnimationFrame(hover);
    },
    { passive: true, capture: true },
  );
  // A tap on a mention opens its card (touch has no hover).
  ctx.addEventListener(
    doc,
    'pointerdown',
    (e: PointerEvent) => {
      if (e.pointerType !== 'touch' || !engine || !popover) return;
      const hit = engine.hitTest(e.clientX, e.clientY);
      if (hit) popover.show(targetOf(hit));
    },
    { passive: true, capture: true },
  );
  // Single-page apps: a history navigation replaces content; scan the document again.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    published = '';
    if (!engine) return;
    write(() => engine!.prune());
    enqueue([doc.documentElement], true);
  });

  let lastJump: Mention | null = null;

  /** One hit per quotation: its first piece (a quotation across a link is three pieces, one mention to a reader). */
  const firstPieces = (hits: HighlightHit[]): HighlightHit[] => {
    let previous: unknown = null;
    return hits.filter(({ mention }) => {
      if (!isQuoteMention(mention)) return true;
      const first = mention.match !== previous;
      previous = mention.match;
      return first;
    });
  };

  const api: ContentController = {
    getState(): PageState {
      const byId = new Map<string, { id: string; category: Category; count: number; firstText: string }>();
      let total = 0;
      // One count per quotation, as firstPieces keeps it: a piece continuing the previous quotation piece is not counted.
      let previousQuote: unknown = null;
      const count = (mention: Mention) => {
        if (isQuoteMention(mention)) {
          if (mention.match === previousQuote) return;
          previousQuote = mention.match;
        }
        total++;
        const e = byId.get(mention.id);
        if (e) e.count++;
        else byId.set(mention.id, { id: mention.id, category: mention.category, count: 1, firstText: mention.text });
      };
      if (engine && status !== 'paused' && status !== 'disabled') {
        if (engine.forEachMention) engine.forEachMention(count);
        else for (const { mention } of engine.entries()) count(mention);
      }
      return {
        url: location.href,
        hostname,
        status,
        progress: status === 'ready' ? 1 : Math.max(0, Math.min(1, progress)),
        mentions: [...byId.values()],
        total,
      };
    },
    jumpTo(id, direction) {
      if (!engine) return false;
      const hits = firstPieces(engine.entries()).filter((h) => id === null || h.mention.id === id);
      if (hits.length === 0) return false;
      let index = lastJump ? hits.findIndex((h) => h.mention === lastJump) : -1;
      if (index >= 0) index = (index + (direction === 'next' ? 1 : -1) + hits.length) % hits.length;
      else if (direction === 'next') {
        // From the reader's position: the first mention below the top of the viewport.
        index = hits.findIndex((h) => h.range().getBoundingClientRect().top >= 0);
        if (index < 0) index = 0;
      } else {
        index = hits.length - 1;
        for (let i = hits.length - 1; i >= 0; i--) {
          if (hits[i]!.range().getBoundingClientRect().bottom <= 0) {
            index = i;
            break;
          }
        }
      }
      const hit = hits[index]!;
      lastJump = hit.mention;
      const range = hit.range();
      const container = range.startContainer.parentElement;
      container?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = range.getBoundingClientRect();
      window.scrollBy({ top: r.top + r.height / 2 - window.innerHeight / 2, behavior: 'instant' as ScrollBehavior });
      popover?.show(targetOf(hit), { focus: true });
      return true;
    },
    destroy() {
      if (destroyed) return;
      generation++;
      queue = [];
      watcher.disconnect();
      engine?.destroy();
      engine = null;
      popover?.destroy();
      unregister?.();
      unwatch();
      destroyed = true;
      root.removeAttribute(MARKER_ATTRIBUTE);
    },
  };

  const unregister = topFrame ? registerPageApi?.(api) : undefined;
  const unwatch = watchSettings(apply);
  ctx.onInvalidated(() => api.destroy());
  void getSettings().then((s) => {
    // A change may have arrived through watchSettings first; it is newer.
    if (!settings) apply(s);
  });
  return api;
}
