/**
 * The default engine: the CSS Custom Highlight API. The page's DOM is never touched: mentions are ranges registered
 * in `CSS.highlights` under `dossier-<category>`, painted by `::highlight(dossier-...)` rules in the content script's
 * page-level CSS. Hover uses hit-testing (caret position under the pointer, then the mentions of that text node,
 * checked against their painted boxes).
 *
 * Every mention is kept as a record (its text node and the matcher's mention, offsets included), and nothing more:
 * no range per mention up front. Ranges are made only for what the registry holds, the band near the viewport
 * (`css-band.ts`), and on demand for a hover, a jump or the card. Counts, the popup's list, jumps and hover read the
 * records, so they see every mention on the page whatever the registry holds.
 */
import type { Mention } from '../../core/matcher';
import type { Category } from '../../data/schema';
import { CATEGORY_ORDER } from '../../shared/categories';
import { createHighlightBand } from './css-band';
import { NodeRecords, caretAt, rangeContainsPoint, type HighlightEngine, type HighlightHit, type NodeMentions } from './types';

/** Whether the CSS Custom Highlight API and caret hit-testing work in this world (the content script's). */
export function cssHighlightsSupported(doc: Document = document): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return false;
  try {
    return (
      typeof win.CSS !== 'undefined' &&
      typeof win.CSS.highlights?.set === 'function' &&
      typeof win.Highlight === 'function' &&
      typeof win.StaticRange === 'function' &&
      (typeof doc.caretPositionFromPoint === 'function' || typeof doc.caretRangeFromPoint === 'function')
    );
  } catch {
    return false;
  }
}

/** Creates the CSS Highlight engine for `doc`. */
export function createCssEngine(doc: Document = document): HighlightEngine {
  const records = new NodeRecords<readonly Mention[]>();
  let total = 0;
  let visible = new Set<Category>(CATEGORY_ORDER);
  const band = createHighlightBand(
    doc,
    {
      nodes: () => records.nodes(),
      get: (node) => records.get(node),
      get total() {
        return total;
      },
    },
    visible,
  );

  /** A live range over a mention of `node` (offsets clamped: the page may have shortened the text meanwhile). */
  const liveRange = (node: Text, m: Mention): Range => {
    const r = doc.createRange();
    r.setStart(node, Math.min(m.start, node.length));
    r.setEnd(node, Math.min(m.end, node.length));
    return r;
  };

  const setRecord = (node: Text, mentions: readonly Mention[]) => {
    total += mentions.length - (records.get(node)?.length ?? 0);
    // An existing record is replaced in place: re-highlighting a node never puts the records out of order.
    records.set(node, mentions);
    band.nodeChanged(node, mentions);
  };

  const release = (node: Text): boolean => {
    const mentions = records.get(node);
    if (!mentions) return false;
    total -= mentions.length;
    records.delete(node);
    band.nodeReleased(node);
    return true;
  };

  return {
    kind: 'css',
    layered: true,
    highlight(batch: readonly NodeMentions[]) {
      for (const { node, mentions } of batch) {
        if (mentions.length) setRecord(node, mentions);
        else release(node);
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
      band.clear();
      for (const node of records.keys()) {
        const mentions = records.get(node)!;
        const kept = category ? mentions.filter((m) => m.category !== category) : [];
        total -= mentions.length - kept.length;
        if (!kept.length) records.delete(node);
        else if (kept.length < mentions.length) records.set(node, kept);
      }
      // What is left is registered again (every mention on a page with few, else the band).
      band.refresh();
    },
    hitTest(x: number, y: number) {
      const caret = caretAt(doc, x, y);
      if (!caret || caret.node.nodeType !== 3) return null;
      const node = caret.node as Text;
      const mentions = records.get(node);
      if (!mentions) return null;
      // A name inside a quotation wins (its card says more about the word under the pointer); else the quotation.
      let quote: HighlightHit | null = null;
      for (const mention of mentions) {
        const { start, end, category } = mention;
        if (caret.offset < start || caret.offset > end || !visible.has(category)) continue;
        if (quote && category === 'quotes') continue;
        const range = liveRange(node, mention);
        if (!rangeContainsPoint(range, x, y)) continue;
        const found = { mention, range: () => range };
        if (category !== 'quotes') return found;
        quote = found;
      }
      return quote;
    },
    setVisibleCategories(next: ReadonlySet<Category>) {
      visible = new Set(next);
      band.setVisible(visible);
    },
    // Ending a deferral that is not in effect changes nothing (the controller ends only those it began).
    deferPaint: band.setDeferred,
    paintWalked: band.paintWalked,
    viewportMoved: band.refresh,
    entries() {
      const out: HighlightHit[] = [];
      for (const [node, mentions] of records.ordered()) {
        for (const mention of mentions) if (visible.has(mention.category)) out.push({ mention, range: () => liveRange(node, mention) });
      }
      return out;
    },
    forEachMention(visit: (mention: Mention) => void) {
      for (const mentions of records.values()) {
        for (const mention of mentions) if (visible.has(mention.category)) visit(mention);
      }
    },
    destroy() {
      band.destroy();
      records.clear();
      total = 0;
    },
  };
}
