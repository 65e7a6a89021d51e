/**
 * The interface both highlight engines implement, so the controller never knows which one paints.
 */
import type { Mention } from '../../core/matcher';
import type { Category } from '../../data/schema';

/** Which engine paints the highlights. */
export type EngineKind = 'css' | 'marks';

/** One text node and the mentions the matcher found in its text (offsets into that text). */
export interface NodeMentions {
  node: Text;
  mentions: readonly Mention[];
}

/**
 * The controller's own-write guard: runs `fn` so that the DOM mutations it causes never reach the controller's
 * observer as page edits (page records pending before it are handled first). An engine that writes later, on
 * its own schedule (the marks engine's paced chunks), runs those writes through it.
 */
export type OwnWrite = <T>(fn: () => T) => T;

/** A highlighted mention: the mention and a live range over its text (made on demand: ranges are not free). */
export interface HighlightHit {
  mention: Mention;
  range(): Range;
}

/** A highlight engine. Every method is synchronous and cheap per call; the controller does the chunking. */
export interface HighlightEngine {
  readonly kind: EngineKind;
  /**
   * Whether one node's mentions may overlap, each category painted on its own layer (css: a quotation and
   * the names inside it). Optional: an engine without it gets non-overlapping mentions only (the controller
   * cuts a quotation around the names in it).
   */
  readonly layered?: boolean;
  /**
   * Highlights each node's mentions (all categories; hidden ones are kept and shown when their category
   * is turned on), replacing whatever highlights that node had.
   */
  highlight(batch: readonly NodeMentions[]): void;
  /**
   * The text to match for `node`: its own text, its original text when the engine split it, or null
   * when the node is one the engine created (skip it).
   */
  textOf(node: Text): string | null;
  /** Whether the engine holds highlights for `node`. */
  has(node: Text): boolean;
  /**
   * Drops the highlights of `node` because the page changed or removed it; nothing of ours is left
   * around it. Returns true when the node had highlights.
   */
  release(node: Text): boolean;
  /** Drops highlights whose text node left the page. */
  prune(): void;
  /** Removes every highlight, or those of one category. */
  clear(category?: Category): void;
  /** The visible mention under viewport point (x, y), checked against its painted rectangles. */
  hitTest(x: number, y: number): HighlightHit | null;
  /** Shows only these categories (the others stay recorded and reappear when turned back on). */
  setVisibleCategories(visible: ReadonlySet<Category>): void;
  /**
   * While deferred, highlights are recorded but not painted (css: not registered), so a full scan does
   * not make the browser repaint a long page after every slice; ending the deferral paints them at once.
   * Ending a deferral that is not in effect does nothing, and the controller ends only the deferrals it began
   * (full scans). Optional: an engine without it paints as it goes.
   */
  deferPaint?(defer: boolean): void;
  /**
   * During a deferral, the walk has recorded every text node up to `walked`: once that lies below what the reader
   * sees, an engine that paints only near the viewport (css) paints there now, from the records so far, and keeps
   * it painted until the deferral ends; the rest of the page is painted then. Returns whether it painted (or
   * there is nothing to wait for). Optional: an engine without it shows the whole page when the deferral ends.
   */
  paintWalked?(walked: Text): boolean;
  /**
   * Dossier itself moved the viewport (a jump): an engine that paints only near the viewport (css) paints there now,
   * before the card is shown over it. Optional: an engine that paints everything needs nothing.
   */
  viewportMoved?(): void;
  /** Visible highlighted mentions, in document order. */
  entries(): HighlightHit[];
  /**
   * Calls `visit` with each visible highlighted mention, in no particular order (a node's mentions in text order,
   * nodes as cheaply as the engine can: never sorted for this), without making a hit per mention: counting 90 000
   * mentions should neither allocate 90 000 objects nor compare 90 000 document positions. Optional: the
   * controller falls back to `entries()`.
   */
  forEachMention?(visit: (mention: Mention) => void): void;
  /** Removes everything the engine added to the page and stops it. */
  destroy(): void;
}

/** The text position under `(x, y)`: the standard caretPositionFromPoint (Firefox, recent Chromium), else WebKit's caretRangeFromPoint. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const r = typeof doc.caretRangeFromPoint === 'function' ? doc.caretRangeFromPoint(x, y) : null;
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Whether `(x, y)` is inside one of the range's painted boxes (a caret position may be the nearest one only). */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/** How many ancestors of a new node `follows` looks at for the previous one before comparing positions. */
const FOLLOW_LEVELS = 4;

/**
 * Whether `node` comes after `last` in document order. The usual case (the next text of a paragraph, the next line
 * a page appended to a container) is answered from the nodes' neighbours; `compareDocumentPosition` only otherwise:
 * browsers find two siblings' order by walking their parent's children from the first, which in a container of
 * 30 000 lines costs 30 000 steps per new line. A `last` that left the page has no position: assume the worst.
 */
function follows(node: Node, last: Node): boolean {
  if (node === last) return true;
  if (!last.isConnected) return false;
  let x: Node | null = node;
  for (let level = 0; x && level < FOLLOW_LEVELS; level++, x = x.parentNode) {
    let prev: Node | null = x.previousSibling;
    // The white space between two blocks is a text node of its own, never a record: look past one or two.
    for (let k = 0; prev && k < 2 && prev.nodeType === 3 && prev !== last; k++) prev = prev.previousSibling;
    if (prev && (prev === last || prev.contains(last))) return true;
  }
  // DOCUMENT_POSITION_FOLLOWING = 4.
  return (last.compareDocumentPosition(node) & 4) !== 0;
}

/**
 * Per-text-node records kept in document order. Records are appended as the scan finds them (already in
 * document order); a node added out of order (content inserted above) marks the map unsorted, and it is
 * sorted once, lazily, when the order is next needed. Replacing a node's record keeps its place.
 */
export class NodeRecords<R> {
  private map = new Map<Text, R>();
  private sorted = true;
  // The nodes in document order, appended to as records are (the css engine searches them at every band move);
  // null once a deletion or an insertion out of order leaves it to be made again.
  private order: Text[] | null = [];
  // The node appended last, kept as a position to compare with even after its record is deleted.
  private last: Text | null = null;

  get size(): number {
    return this.map.size;
  }
  get(node: Text): R | undefined {
    return this.map.get(node);
  }
  has(node: Text): boolean {
    return this.map.has(node);
  }
  set(node: Text, record: R): void {
    if (this.map.has(node)) {
      this.map.set(node, record);
      return;
    }
    if (this.sorted && this.last && !follows(node, this.last)) this.sorted = false;
    this.map.set(node, record);
    this.last = node;
    if (this.sorted) this.order?.push(node);
    else this.order = null;
  }
  delete(node: Text): boolean {
    if (!this.map.delete(node)) return false;
    this.order = null;
    return true;
  }
  clear(): void {
    this.order = [];
    this.map.clear();
    this.last = null;
    this.sorted = true;
  }
  /** Whether `ordered()` would have to sort. */
  get inOrder(): boolean {
    return this.sorted;
  }
  /** Records in insertion order (cheap; not necessarily document order). */
  values(): IterableIterator<R> {
    return this.map.values();
  }
  keys(): IterableIterator<Text> {
    return this.map.keys();
  }
  /** Entries in document order. */
  ordered(): [Text, R][] {
    let list = [...this.map];
    if (!this.sorted && list.length) {
      // One walk over the document's text nodes puts them in order: a sort comparing document positions made
      // n log n ancestor walks (about a second on a 5 MB page whose quotations were recorded after its names).
      // Nodes the walk does not reach (in shadow roots, or gone) follow in the order they were recorded.
      const doc = list[0]![0].ownerDocument;
      const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
      const walked: [Text, R][] = [];
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const record = this.map.get(n);
        if (record !== undefined) walked.push([n, record]);
      }
      if (walked.length < list.length) {
        const seen = new Set(walked.map(([n]) => n));
        for (const entry of list) if (!seen.has(entry[0])) walked.push(entry);
      }
      list = walked;
      this.map = new Map(list);
      this.sorted = true;
      this.last = list.length ? list[list.length - 1]![0] : null;
    }
    return list;
  }
  /** The nodes in document order (the same array until one is added out of order or deleted: never modify it). */
  nodes(): readonly Text[] {
    if (!this.order) {
      if (!this.sorted) this.ordered();
      this.order = [...this.map.keys()];
    }
    return this.order;
  }
}
