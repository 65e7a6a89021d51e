/**
 * The default engine: the CSS Custom Highlight API. The page's DOM is never touched: each mention is a
 * range registered in `CSS.highlights` under `dossier-<category>`, painted by `::highlight(dossier-...)`
 * rules in the content script's page-level CSS. Hover uses hit-testing (caret position under the
 * pointer, then the mentions of that text node, checked against their painted boxes).
 *
 * Ranges are StaticRanges where available: live Ranges are updated by the browser on every DOM
 * mutation of the page, and 40 000 of them would tax a page's own updates. A static range goes stale
 * when its text changes; the mutation watcher releases and re-matches such nodes.
 */
import type { Mention } from '../../core/matcher';
import type { Category } from '../../data/schema';
import { CATEGORY_ORDER } from '../../shared/categories';
import { NodeRecords, caretAt, rangeContainsPoint, type HighlightEngine, type HighlightHit, type NodeMentions } from './types';
import { textBoxReader, viewportBand } from './viewport-band';

/** The registry name of a category's highlight (the page-side contract: `CSS.highlights.get('dossier-people')`). */
export function highlightName(category: Category): string {
  return `dossier-${category}`;
}

/** Whether the CSS Custom Highlight API and caret hit-testing work in this world (the content script's). */
export function cssHighlightsSupported(doc: Document = document): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return false;
  try {
    return (
      typeof win.CSS !== 'undefined' &&
      typeof win.CSS.highlights?.set === 'function' &&
      typeof win.Highlight === 'function' &&
      (typeof doc.caretPositionFromPoint === 'function' || typeof doc.caretRangeFromPoint === 'function')
    );
  } catch {
    return false;
  }
}

/** Below this many text nodes with mentions, everything is registered at once (the paint is cheap). */
const FRONT_MIN_NODES = 2000;
/** How far above and below the viewport the first registration reaches (px): a quick scroll still finds highlights. */
const FRONT_MARGIN_PX = 1000;
/** The latest the rest is registered after the first paint (ms), idle or not. */
const REST_TIMEOUT_MS = 1000;

interface Item {
  range: AbstractRange;
  mention: Mention;
}

/** Creates the CSS Highlight engine for `doc`. */
export function createCssEngine(doc: Document = document): HighlightEngine {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = win.CSS.highlights;
  const highlights = new Map<Category, Highlight>();
  const records = new NodeRecords<Item[]>();
  let visible = new Set<Category>(CATEGORY_ORDER);
  let deferred = false;
  const useStatic = typeof win.StaticRange === 'function';
  // Two-step paint after a full scan: the highlights near the viewport first, the whole set once the page is idle.
  let front: Map<Category, Highlight> | null = null;
  let restHandle: (() => void) | null = null;

  const highlightOf = (category: Category): Highlight => {
    let hl = highlights.get(category);
    if (!hl) {
      hl = new win.Highlight();
      // A name inside a quotation paints over the quotation's tint and underline.
      hl.priority = category === 'quotes' ? 0 : 1;
      highlights.set(category, hl);
      if (visible.has(category) && !deferred) registry.set(highlightName(category), hl);
    }
    return hl;
  };

  const makeRange = (node: Text, m: Mention): AbstractRange => {
    if (useStatic) return new win.StaticRange({ startContainer: node, startOffset: m.start, endContainer: node, endOffset: m.end });
    const r = doc.createRange();
    r.setStart(node, m.start);
    r.setEnd(node, m.end);
    return r;
  };

  const liveRange = (range: AbstractRange): Range => {
    if (range instanceof win.Range) return range;
    const r = doc.createRange();
    r.setStart(range.startContainer, Math.min(range.startOffset, (range.startContainer as Text).length));
    r.setEnd(range.endContainer, Math.min(range.endOffset, (range.endContainer as Text).length));
    return r;
  };

  const hit = (item: Item): HighlightHit => ({ mention: item.mention, range: () => liveRange(item.range) });

  /** Unregisters a node's ranges; its record stays (and keeps its place in document order) until replaced or deleted. */
  const dropRanges = (items: readonly Item[]) => {
    for (const item of items) {
      highlights.get(item.mention.category)?.delete(item.range);
      front?.get(item.mention.category)?.delete(item.range);
    }
  };

  const release = (node: Text): boolean => {
    const items = records.get(node);
    if (!items) return false;
    dropRanges(items);
    records.delete(node);
    return true;
  };

  const addRanges = (node: Text, mentions: readonly Mention[], items: Item[]) => {
    for (const mention of mentions) {
      const range = makeRange(node, mention);
      // One by one: spreading 40 000 ranges into the constructor overflows the argument stack.
      highlightOf(mention.category).add(range);
      items.push({ range, mention });
    }
  };

  /** Registers the visible categories' highlights (unless deferred) and unregisters the others. */
  const sync = () => {
    for (const [category, hl] of highlights) {
      const name = highlightName(category);
      if (visible.has(category) && !deferred) {
        if (registry.get(name) !== hl) registry.set(name, hl);
      } else if (registry.get(name) === hl) registry.delete(name);
    }
  };

  /** Drops the two-step paint's pending part, if any (the full highlights are what `sync` registers). */
  const cancelFront = () => {
    restHandle?.();
    restHandle = null;
    front = null;
  };

  /**
   * Registers, per visible category, a Highlight holding only the ranges of text nodes within
   * FRONT_MARGIN_PX of the viewport. Text nodes are taken in document order and the band is found by
   * binary search on their boxes (about 2 × log2(n) layout reads), which assumes a page flows top to
   * bottom; where it does not, some near ranges wait for the second step, nothing is lost.
   */
  const registerFront = (): boolean => {
    const list = records.ordered();
    const top = -FRONT_MARGIN_PX;
    const bottom = (win.innerHeight || doc.documentElement.clientHeight) + FRONT_MARGIN_PX;
    const read = textBoxReader(doc);
    const [from, to] = viewportBand(list, ([node]) => read(node), top, bottom);
    if (to - from >= list.length / 2) return false; // most of the page is near the viewport: one step is as good
    front = new Map();
    for (let i = from; i < to; i++) {
      for (const { range, mention } of list[i]![1]) {
        let hl = front.get(mention.category);
        if (!hl) {
          hl = new win.Highlight();
          hl.priority = highlights.get(mention.category)?.priority ?? 1;
          front.set(mention.category, hl);
        }
        hl.add(range);
      }
    }
    for (const [category, hl] of highlights) {
      const name = highlightName(category);
      const first = front.get(category);
      if (!visible.has(category)) {
        if (registry.get(name) === hl) registry.delete(name);
      } else if (first) registry.set(name, first);
      else if (registry.get(name)) registry.delete(name);
    }
    return true;
  };

  /** After the first paint, once the browser is idle (or REST_TIMEOUT_MS at the latest), registers everything. */
  const scheduleRest = () => {
    const done = () => {
      restHandle = null;
      front = null;
      sync();
    };
    if (typeof win.requestIdleCallback === 'function') {
      const id = win.requestIdleCallback(done, { timeout: REST_TIMEOUT_MS });
      restHandle = () => win.cancelIdleCallback(id);
    } else {
      const id = win.setTimeout(done, 50);
      restHandle = () => win.clearTimeout(id);
    }
  };

  return {
    kind: 'css',
    layered: true,
    highlight(batch: readonly NodeMentions[]) {
      for (const { node, mentions } of batch) {
        const old = records.get(node);
        if (old) dropRanges(old);
        if (mentions.length === 0) {
          if (old) records.delete(node);
          continue;
        }
        const items: Item[] = [];
        addRanges(node, mentions, items);
        // An existing record is replaced in place: re-highlighting a node never puts the records out of order.
        records.set(node, items);
      }
    },
    highlightMore(node: Text, mentions: readonly Mention[]) {
      const items = records.get(node);
      if (items) addRanges(node, mentions, items);
      else if (mentions.length) {
        const fresh: Item[] = [];
        addRanges(node, mentions, fresh);
        records.set(node, fresh);
      }
    },
    textOf(node: Text) {
      return node.data;
    },
    has(node: Text) {
      return records.has(node);
    },
    release,
    prune() {
      // Deleting the current key while iterating a Map is safe: no copy of every key per batch of removals.
      for (const node of records.keys()) if (!node.isConnected) release(node);
    },
    clear(category?: Category) {
      if (front) {
        // Mid two-step paint: register the (now cleared) full highlights rather than stale front ones.
        cancelFront();
        sync();
      }
      if (!category) {
        for (const hl of highlights.values()) hl.clear();
        records.clear();
        return;
      }
      highlights.get(category)?.clear();
      for (const [node, items] of [...records.keys()].map((n) => [n, records.get(n)!] as const)) {
        const kept = items.filter((i) => i.mention.category !== category);
        if (kept.length === items.length) continue;
        if (kept.length) records.set(node, kept);
        else records.delete(node);
      }
    },
    hitTest(x: number, y: number) {
      const caret = caretAt(doc, x, y);
      if (!caret || caret.node.nodeType !== 3) return null;
      const items = records.get(caret.node as Text);
      if (!items) return null;
      // A name inside a quotation wins (its card says more about the word under the pointer); else the quotation.
      let quote: HighlightHit | null = null;
      for (const item of items) {
        const { start, end, category } = item.mention;
        if (caret.offset < start || caret.offset > end || !visible.has(category)) continue;
        if (quote && category === 'quotes') continue;
        const range = liveRange(item.range);
        if (!rangeContainsPoint(range, x, y)) continue;
        const found = { mention: item.mention, range: () => range };
        if (category !== 'quotes') return found;
        quote = found;
      }
      return quote;
    },
    setVisibleCategories(next: ReadonlySet<Category>) {
      visible = new Set(next);
      cancelFront();
      sync();
    },
    deferPaint(defer: boolean) {
      // Ending a deferral that is not in effect changes nothing: a small rescan must not re-run the two-step
      // paint (layout reads, far highlights gone for up to REST_TIMEOUT_MS, a full repaint).
      if (!defer && !deferred) return;
      deferred = defer;
      cancelFront();
      if (!defer && records.size >= FRONT_MIN_NODES && registerFront()) scheduleRest();
      else sync();
    },
    entries() {
      const out: HighlightHit[] = [];
      for (const [, items] of records.ordered()) {
        for (const item of items) if (visible.has(item.mention.category)) out.push(hit(item));
      }
      return out;
    },
    forEachMention(visit: (mention: Mention) => void) {
      for (const items of records.values()) {
        for (const { mention } of items) if (visible.has(mention.category)) visit(mention);
      }
    },
    destroy() {
      for (const [category, hl] of highlights) {
        hl.clear();
        const name = highlightName(category);
        const mine = registry.get(name);
        if (mine && (mine === hl || mine === front?.get(category))) registry.delete(name);
      }
      cancelFront();
      highlights.clear();
      records.clear();
    },
  };
}
