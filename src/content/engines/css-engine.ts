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
import { NodeRecords, rangeContainsPoint, type HighlightEngine, type HighlightHit, type NodeMentions } from './types';

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

  const release = (node: Text): boolean => {
    const items = records.get(node);
    if (!items) return false;
    for (const item of items) highlights.get(item.mention.category)?.delete(item.range);
    records.delete(node);
    return true;
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

  const caretAt = (x: number, y: number): { node: Node; offset: number } | null => {
    if (typeof doc.caretPositionFromPoint === 'function') {
      const pos = doc.caretPositionFromPoint(x, y);
      return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
    }
    const r = typeof doc.caretRangeFromPoint === 'function' ? doc.caretRangeFromPoint(x, y) : null;
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  };

  return {
    kind: 'css',
    layered: true,
    highlight(batch: readonly NodeMentions[]) {
      for (const { node, mentions } of batch) {
        release(node);
        if (mentions.length === 0) continue;
        const items: Item[] = [];
        for (const mention of mentions) {
          const range = makeRange(node, mention);
          // One by one: spreading 40 000 ranges into the constructor overflows the argument stack (FACTS.md).
          highlightOf(mention.category).add(range);
          items.push({ range, mention });
        }
        records.set(node, items);
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
      for (const node of [...records.keys()]) if (!node.isConnected) release(node);
    },
    clear(category?: Category) {
      if (!category) {
        for (const hl of highlights.values()) hl.clear();
        records.clear();
        return;
      }
      highlights.get(category)?.clear();
      for (const [node, items] of records.ordered()) {
        const kept = items.filter((i) => i.mention.category !== category);
        if (kept.length === items.length) continue;
        if (kept.length) records.set(node, kept);
        else records.delete(node);
      }
    },
    hitTest(x: number, y: number) {
      const caret = caretAt(x, y);
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
      sync();
    },
    deferPaint(defer: boolean) {
      deferred = defer;
      sync();
    },
    entries() {
      const out: HighlightHit[] = [];
      for (const [, items] of records.ordered()) {
        for (const item of items) if (visible.has(item.mention.category)) out.push(hit(item));
      }
      return out;
    },
    destroy() {
      for (const [category, hl] of highlights) {
        hl.clear();
        const name = highlightName(category);
        if (registry.get(name) === hl) registry.delete(name);
      }
      highlights.clear();
      records.clear();
    },
  };
}
