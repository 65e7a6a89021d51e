/**
 * The fallback engine: wraps each mention in a `<dossier-mark>` element. A custom element,
 * because page rules for `mark` or `span` (`mark { display: none }`) cannot reach it; it carries
 * `data-dossier-id` and `data-dossier-category` (the page-side contract for tests and users' styles).
 *
 * The wrapping is mark.js's own primitive (split the text node, replace the middle by the element),
 * driven by the matcher's offsets, written here rather than called through mark.js. Issue 6 asked for
 * mark.js once per batch; measured (24 Nov 2026, Chromium 156 headless, generated news page, walker +
 * matcher + highlight() in the controller's 16-node batches, medians of 3, ms in highlight() / clear()):
 *
 *   page   hand-written   markRanges per batch,       markRanges per batch,       mark.js internal class,
 *                         contexts = batch's text     contexts = their parents    our node list (no walk)
 *                         nodes (offsets exact)       (brief's design)
 *   100 KB    6 / 2           27 / 15                     27 / 11                     18 / 2
 *   1 MB     61 / 28         731 / 2233                  528 / 1282                  146 / 21
 *   5 MB    264 / 109             –                           –                       823 / 110
 *
 * Public-API mark.js per batch is 9-12x slower to wrap and 45-80x slower to clear at 1 MB, so this
 * engine keeps its own wrapper (issue 6's rule: switch only within ~2x). The cause is mark.js's DOM
 * walk, not its wrapping: every context gets its own live NodeIterator (`document.createNodeIterator`
 * in DOMIterator), which the browser keeps registered until it is garbage-collected and updates on
 * every later node removal of the document, ours and the page's: one per text node (or per parent)
 * makes the page's later DOM changes quadratic, long after we wrapped. Larger contexts (common
 * ancestors) would re-walk the page per batch. The last column runs mark.js's unexported class
 * (`mark.js/src/lib/mark.js`) with its protected `getTextNodes` replaced: no iterator, but 2.4-3x and a
 * dependency on internals; not used. `unmark()` also calls `normalize()` on the page's nodes.
 *
 * Exact restore: wrapping splits the original text node (it keeps the text before the first mention)
 * and inserts marks and remainder text nodes after it. Each split is recorded; removing highlights
 * gives the original node its whole text back and removes exactly what we inserted. `normalize()` is
 * never called on the page's nodes (it would merge text nodes the page holds references to).
 */
import type { Mention } from '../../core/matcher';
import type { Category } from '../../data/schema';
import { CATEGORY_ORDER } from '../../shared/categories';
import { MARK_TAG } from '../excluded';
import { NodeRecords, rangeContainsPoint, type HighlightEngine, type HighlightHit, type NodeMentions } from './types';

interface MarkRecord {
  node: Text;
  /** The node's text before we split it. */
  original: string;
  /** What the node holds after our split (the text before the first mark). */
  prefix: string;
  /** Every mention of the node's text, visible or not. */
  mentions: readonly Mention[];
  /** Nodes we inserted after `node`, in order: marks and remainder text nodes. */
  pieces: Node[];
  marks: { el: Element; mention: Mention }[];
}

/** Creates the mark.js engine for `doc`. */
export function createMarksEngine(doc: Document = document): HighlightEngine {
  const records = new NodeRecords<MarkRecord>();
  /** Text nodes we created (remainders of splits) → the record they belong to. */
  const ownText = new WeakMap<Text, MarkRecord>();
  /** Our mark elements → their mention. */
  const ownMarks = new WeakMap<Element, Mention>();
  let visible = new Set<Category>(CATEGORY_ORDER);

  const wrap = (rec: MarkRecord) => {
    const { node } = rec;
    const shown = rec.mentions.filter((m) => visible.has(m.category));
    const parent = node.parentNode;
    // Only text whose parent is an element: a text node directly in a shadow root or document is left alone.
    if (shown.length === 0 || !parent || parent.nodeType !== 1) {
      rec.prefix = node.data;
      return;
    }
    const after = node.nextSibling;
    const ownerDoc = node.ownerDocument;
    // Right to left, so the offsets still to wrap stay valid and the page's node keeps the text before
    // the first mention. mark.js's own wrapper does the same split-and-replace per range.
    const marks: { el: Element; mention: Mention }[] = [];
    for (let i = shown.length - 1; i >= 0; i--) {
      const mention = shown[i]!;
      if (mention.end < node.length) node.splitText(mention.end);
      const inner = node.splitText(mention.start);
      const el = ownerDoc.createElement(MARK_TAG);
      el.setAttribute('data-dossier-id', mention.id);
      el.setAttribute('data-dossier-category', mention.category);
      parent.replaceChild(el, inner);
      el.appendChild(inner);
      marks.push({ el, mention });
      ownMarks.set(el, mention);
    }
    marks.reverse();
    rec.marks = marks;
    for (let n = node.nextSibling; n && n !== after; n = n.nextSibling) {
      rec.pieces.push(n);
      if (n.nodeType === 3) ownText.set(n as Text, rec);
    }
    rec.prefix = node.data;
  };

  /** Removes what we inserted; gives the node its text back when the page left it as we did. */
  const unwrap = (rec: MarkRecord) => {
    const intact = rec.node.data === rec.prefix;
    for (const piece of rec.pieces) {
      piece.parentNode?.removeChild(piece);
      if (piece.nodeType === 3) ownText.delete(piece as Text);
    }
    for (const { el } of rec.marks) ownMarks.delete(el);
    // The page rewrote the node (React's `node.data = ...`): its new text is whole, our pieces were stale.
    if (intact && rec.pieces.length > 0) rec.node.data = rec.original;
    rec.pieces = [];
    rec.marks = [];
    rec.prefix = rec.node.data;
  };

  const release = (node: Text): boolean => {
    const rec = records.get(node);
    if (!rec) return false;
    unwrap(rec);
    records.delete(node);
    return true;
  };

  /** Re-wraps only the nodes that have a mention of a category whose visibility changed. */
  const rewrap = (changed: ReadonlySet<Category>) => {
    for (const rec of records.values()) {
      if (!rec.mentions.some((m) => changed.has(m.category))) continue;
      unwrap(rec);
      wrap(rec);
    }
  };

  const hitOf = (el: Element, mention: Mention): HighlightHit => ({
    mention,
    range: () => {
      const r = doc.createRange();
      r.selectNodeContents(el);
      return r;
    },
  });

  return {
    kind: 'marks',
    highlight(batch: readonly NodeMentions[]) {
      for (const { node, mentions } of batch) {
        const old = records.get(node);
        // Offsets refer to the node's whole text: give it back before splitting again.
        if (old) unwrap(old);
        if (mentions.length === 0) {
          records.delete(node);
          continue;
        }
        const rec: MarkRecord = { node, original: node.data, prefix: node.data, mentions, pieces: [], marks: [] };
        wrap(rec);
        records.set(node, rec);
      }
    },
    textOf(node: Text) {
      if (ownText.has(node)) return null;
      const rec = records.get(node);
      if (rec && rec.node.data === rec.prefix) return rec.original;
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
      for (const [node, rec] of [...records.keys()].map((n) => [n, records.get(n)!] as const)) {
        if (!category) {
          unwrap(rec);
          continue;
        }
        if (!rec.mentions.some((m) => m.category === category)) continue;
        unwrap(rec);
        rec.mentions = rec.mentions.filter((m) => m.category !== category);
        if (rec.mentions.length) wrap(rec);
        else records.delete(node);
      }
      if (!category) records.clear();
    },
    hitTest(x: number, y: number) {
      const el = doc.elementFromPoint(x, y)?.closest(MARK_TAG);
      if (!el) return null;
      const mention = ownMarks.get(el);
      if (!mention) return null;
      const hit = hitOf(el, mention);
      return rangeContainsPoint(hit.range(), x, y) ? hit : null;
    },
    setVisibleCategories(next: ReadonlySet<Category>) {
      const changed = new Set(CATEGORY_ORDER.filter((c) => visible.has(c) !== next.has(c)));
      visible = new Set(next);
      if (changed.size) rewrap(changed);
    },
    entries() {
      const out: HighlightHit[] = [];
      for (const [, rec] of records.ordered()) for (const { el, mention } of rec.marks) out.push(hitOf(el, mention));
      return out;
    },
    destroy() {
      for (const rec of records.values()) unwrap(rec);
      records.clear();
    },
  };
}
