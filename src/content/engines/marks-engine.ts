/**
 * The fallback engine: wraps each mention in a `<dossier-mark>` element. A custom element,
 * because page rules for `mark` or `span` (`mark { display: none }`) cannot reach it; it carries
 * `data-dossier-id` and `data-dossier-category` (the page-side contract for tests and users' styles).
 *
 * The wrapping does what mark.js's own primitive does (split the text node, put the middle in the element),
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
 * Exact restore: wrapping truncates the original text node to the text before the first mention and
 * inserts marks and remainder text nodes after it (built detached, inserted as one fragment: two
 * mutation records per text node instead of about five per mark). Each split is recorded; removing
 * highlights gives the original node its whole text back and removes exactly what we inserted.
 * `normalize()` is never called on the page's nodes (it would merge text nodes the page holds references to).
 *
 * Long pages: during a full scan (`deferPaint(true)`) mentions are only recorded. At the end, up to
 * SYNC_MARKS marks are written at once; beyond that, the text nodes on screen are wrapped at once, then
 * the band around the viewport, the rest below, the rest above, in paced chunks (marks-pacer.ts). Until
 * then `entries()` and `hitTest()` answer from the records (ranges over the unsplit text), so the jump
 * command and hover see every mention; only `dossier-mark` elements are missing for a while.
 */
import type { Mention } from '../../core/matcher';
import type { Category } from '../../data/schema';
import { CATEGORY_ORDER } from '../../shared/categories';
import { MARK_TAG } from '../excluded';
import { paceChunks } from './marks-pacer';
import { NodeRecords, caretAt, rangeContainsPoint, type HighlightEngine, type HighlightHit, type NodeMentions, type OwnWrite } from './types';
import { textBoxReader, viewportBand } from './viewport-band';

/** Up to this many marks, the end of a full scan writes them all at once (a short page's frame is cheap). */
const SYNC_MARKS = 3000;
/** How far above and below the viewport the second step reaches (px): a quick scroll still finds marks. */
const BAND_MARGIN_PX = 1000;

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
  /** False while the record waits for a paced chunk: nothing of ours is in the page for it yet. */
  painted: boolean;
}

/** Options of the marks engine. */
export interface MarksEngineOptions {
  /**
   * The controller's own-write guard; every paced chunk runs inside it, as the controller's own writes do, so
   * a chunk's mutation records are dropped rather than read as page edits. Default: runs `fn` as is (no observer).
   */
  write?: OwnWrite;
}

/** Creates the marks engine for `doc`; `options.write` guards the writes it makes on its own schedule. */
export function createMarksEngine(doc: Document = document, options: MarksEngineOptions = {}): HighlightEngine {
  const write: OwnWrite = options.write ?? ((fn) => fn());
  const win = doc.defaultView;
  const records = new NodeRecords<MarkRecord>();
  /** Text nodes we created (remainders of splits) → the record they belong to. */
  const ownText = new WeakMap<Text, MarkRecord>();
  /** Our mark elements → their mention. */
  const ownMarks = new WeakMap<Element, Mention>();
  let visible = new Set<Category>(CATEGORY_ORDER);
  let deferred = false;
  /** Records waiting to be painted, in the order the chunks take them. */
  let queue: MarkRecord[] = [];
  let cancelPacing: (() => void) | null = null;

  const shownOf = (rec: MarkRecord) => rec.mentions.filter((m) => visible.has(m.category));

  const wrap = (rec: MarkRecord) => {
    rec.painted = true;
    const { node } = rec;
    const shown = shownOf(rec);
    const parent = node.parentNode;
    // Only text whose parent is an element: a text node directly in a shadow root or document is left alone.
    if (shown.length === 0 || !parent || parent.nodeType !== 1) {
      rec.prefix = node.data;
      return;
    }
    const text = node.data;
    const ownerDoc = node.ownerDocument;
    // Built detached (no layout, no mutation records), then inserted at once after the page's node.
    const fragment = ownerDoc.createDocumentFragment();
    const marks: { el: Element; mention: Mention }[] = [];
    let at = shown[0]!.start;
    for (const mention of shown) {
      if (mention.start > at) fragment.appendChild(ownerDoc.createTextNode(text.slice(at, mention.start)));
      const el = ownerDoc.createElement(MARK_TAG);
      el.setAttribute('data-dossier-id', mention.id);
      el.setAttribute('data-dossier-category', mention.category);
      el.appendChild(ownerDoc.createTextNode(text.slice(mention.start, mention.end)));
      fragment.appendChild(el);
      marks.push({ el, mention });
      ownMarks.set(el, mention);
      at = mention.end;
    }
    if (at < text.length) fragment.appendChild(ownerDoc.createTextNode(text.slice(at)));
    rec.marks = marks;
    for (let n = fragment.firstChild; n; n = n.nextSibling) {
      rec.pieces.push(n);
      if (n.nodeType === 3) ownText.set(n as Text, rec);
    }
    // The page's node keeps the text before the first mention (its identity is what the page holds on to).
    node.data = text.slice(0, shown[0]!.start);
    parent.insertBefore(fragment, node.nextSibling);
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

  /** Whether `rec` still waits for a chunk: current, unpainted, in the page. */
  const waiting = (rec: MarkRecord) => !rec.painted && records.get(rec.node) === rec && rec.node.isConnected;

  const stopPacing = () => {
    cancelPacing?.();
    cancelPacing = null;
  };

  /**
   * One paced chunk: wraps waiting records in queue order until `budget` marks are written. It runs in the
   * controller's guard, which first handles the page's pending records (a node the page changed meanwhile
   * is released and no longer waiting) and then drops the chunk's own.
   */
  const writeChunk = (budget: number): number | null =>
    write(() => {
      let wrote = 0;
      let i = 0;
      while (i < queue.length && wrote < budget) {
        const rec = queue[i++]!;
        if (!waiting(rec)) continue;
        wrap(rec);
        wrote += rec.marks.length;
      }
      queue = queue.slice(i);
      return queue.length === 0 && wrote === 0 ? null : wrote;
    });

  /**
   * After a full scan: everything at once on a short page; otherwise the text nodes on screen now, then
   * paced chunks (the band around the viewport first). Box reads happen before any write (no forced layout).
   */
  const paint = () => {
    stopPacing();
    const list = records.ordered().filter(([, rec]) => !rec.painted);
    let total = 0;
    for (const [, rec] of list) total += rec.mentions.length;
    if (total <= SYNC_MARKS || !win) {
      for (const [, rec] of list) wrap(rec);
      queue = [];
      return;
    }
    const height = win.innerHeight || doc.documentElement.clientHeight;
    const read = textBoxReader(doc);
    const getBox = ([node]: [Text, unknown]) => read(node);
    // What is on screen now, then the band around it (document order assumed to flow top to bottom;
    // where it does not, some near nodes wait for a later chunk).
    const [from, screenTo] = viewportBand(list, getBox, 0, height);
    const to = Math.max(from, screenTo);
    const [nearFrom, nearTo] = viewportBand(list, getBox, -BAND_MARGIN_PX, height + BAND_MARGIN_PX);
    const bandFrom = Math.min(from, nearFrom);
    const bandTo = Math.max(to, nearTo);
    const recs = list.map(([, rec]) => rec);
    const order = [
      ...recs.slice(to, bandTo),
      ...recs.slice(bandFrom, from).reverse(),
      ...recs.slice(bandTo),
      ...recs.slice(0, bandFrom).reverse(),
    ];
    // What the reader sees now is wrapped at once (inside the controller's own write).
    for (const rec of recs.slice(from, to)) wrap(rec);
    queue = order;
    if (queue.length) cancelPacing = paceChunks(win, writeChunk);
  };

  const release = (node: Text): boolean => {
    const rec = records.get(node);
    if (!rec) return false;
    unwrap(rec);
    records.delete(node);
    return true;
  };

  /** Re-wraps only the painted nodes that have a mention of a category whose visibility changed. */
  const rewrap = (changed: ReadonlySet<Category>) => {
    for (const rec of records.values()) {
      if (!rec.painted || !rec.mentions.some((m) => changed.has(m.category))) continue;
      unwrap(rec);
      wrap(rec);
    }
  };

  const markHit = (el: Element, mention: Mention): HighlightHit => ({
    mention,
    range: () => {
      const r = doc.createRange();
      r.selectNodeContents(el);
      return r;
    },
  });

  /** A hit over a waiting record's unsplit text (offsets are still those of the node's whole text). */
  const textHit = (node: Text, mention: Mention): HighlightHit => ({
    mention,
    range: () => {
      const r = doc.createRange();
      r.setStart(node, Math.min(mention.start, node.length));
      r.setEnd(node, Math.min(mention.end, node.length));
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
        const rec: MarkRecord = { node, original: node.data, prefix: node.data, mentions, pieces: [], marks: [], painted: false };
        if (!deferred) wrap(rec);
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
        if (!rec.mentions.length) records.delete(node);
        else if (rec.painted) wrap(rec);
      }
      if (!category) {
        stopPacing();
        queue = [];
        records.clear();
      }
    },
    hitTest(x: number, y: number) {
      const el = doc.elementFromPoint(x, y)?.closest(MARK_TAG);
      const mention = el ? ownMarks.get(el) : undefined;
      if (el && mention) {
        const hit = markHit(el, mention);
        return rangeContainsPoint(hit.range(), x, y) ? hit : null;
      }
      // Not painted yet (a long page's paced chunks): the caret's text node and its recorded mentions.
      const caret = caretAt(doc, x, y);
      if (!caret || caret.node.nodeType !== 3) return null;
      const rec = records.get(caret.node as Text);
      if (!rec || rec.painted) return null;
      for (const m of rec.mentions) {
        if (caret.offset < m.start || caret.offset > m.end || !visible.has(m.category)) continue;
        const hit = textHit(rec.node, m);
        if (rangeContainsPoint(hit.range(), x, y)) return hit;
      }
      return null;
    },
    setVisibleCategories(next: ReadonlySet<Category>) {
      const changed = new Set(CATEGORY_ORDER.filter((c) => visible.has(c) !== next.has(c)));
      visible = new Set(next);
      if (changed.size) rewrap(changed);
    },
    deferPaint(defer: boolean) {
      const was = deferred;
      deferred = defer;
      // Ending a deferral that is not in effect does nothing (a small rescan must not restart the chunks).
      if (!defer && was) paint();
    },
    entries() {
      const out: HighlightHit[] = [];
      for (const [node, rec] of records.ordered()) {
        if (rec.painted) for (const { el, mention } of rec.marks) out.push(markHit(el, mention));
        else for (const m of shownOf(rec)) out.push(textHit(node, m));
      }
      return out;
    },
    destroy() {
      stopPacing();
      queue = [];
      for (const rec of records.values()) unwrap(rec);
      records.clear();
    },
  };
}
