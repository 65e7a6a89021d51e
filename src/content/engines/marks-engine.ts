/**
 * The fallback engine: wraps each mention in a `<dossier-mark>` element. A custom element,
 * because page rules for `mark` or `span` (`mark { display: none }`) cannot reach it; it carries
 * `data-dossier-id` and `data-dossier-category` (the page-side contract for tests and users' styles).
 *
 * The split-and-wrap is mark.js's (`marks-wrap.ts`: how it is called so that it leaves no node iterator
 * on the page). The records and the restore are ours.
 *
 * Exact restore: the page's text node keeps the text before the first mention, and the marks and remainder
 * text nodes are inserted after it as one fragment (two mutation records per text node). Each split is
 * recorded; removing highlights gives the original node its whole text back and removes exactly what we
 * inserted. `normalize()` (what mark.js's `unmark()` does) is never called on the page's nodes: it would
 * merge text nodes the page holds references to. If the reader has typed into our pieces (a region that
 * became editable), their text is kept: only our elements go, their contents stay where they are.
 *
 * Editable regions: a region the page makes editable after the scan (`contenteditable` set later,
 * `designMode`) gets its text back before the reader types there (`marks-editable.ts`), so nothing the
 * reader types lands in a mark, and an editor never saves one.
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
import { MARK_TAG, isExcludedContext } from '../excluded';
import { watchEditable } from './marks-editable';
import { paceChunks } from './marks-pacer';
import { createMarkWrapper, type WrapItem, type Wrapped } from './marks-wrap';
import { NodeRecords, caretAt, rangeContainsPoint, type HighlightEngine, type HighlightHit, type NodeMentions, type OwnWrite } from './types';
import { textBoxReader, viewportBand } from './viewport-band';

/** Up to this many marks, the end of a full scan writes them all at once (a short page's frame is cheap). */
const SYNC_MARKS = 3000;
/**
 * The most script time a paced chunk takes (ms), whatever its mark budget: the pacer sizes chunks by the cost of
 * the frame that renders them, so this keeps the chunk's own task plus that frame under 50 ms on a slow machine.
 */
const CHUNK_SCRIPT_MS = 12;
/** Text nodes a chunk wraps between two looks at the clock. */
const CHUNK_GROUP = 16;
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
  /** The text each piece had when we inserted it (a difference means the reader typed there). */
  written: string[];
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
  /** Up to this many marks, the end of a full scan writes them all at once (default SYNC_MARKS). */
  syncMarks?: number;
}

/** Creates the marks engine for `doc`; `options.write` guards the writes it makes on its own schedule. */
export function createMarksEngine(doc: Document = document, options: MarksEngineOptions = {}): HighlightEngine {
  const write: OwnWrite = options.write ?? ((fn) => fn());
  const syncMarks = options.syncMarks ?? SYNC_MARKS;
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

  const wrapper = createMarkWrapper(doc);
  /** Shadow roots that hold marks: the editable watch must see attribute changes inside them too. */
  const shadowRoots = new WeakSet<ShadowRoot>();

  /**
   * Wraps the records' visible mentions (mark.js is called for several nodes at once). `recheck`: the nodes were not
   * just vetted by the walker (a paced chunk, a category shown again), so a region may have become editable since.
   */
  const wrapAll = (recs: readonly MarkRecord[], recheck = false) => {
    const todo: MarkRecord[] = [];
    const items: WrapItem[] = [];
    for (const rec of recs) {
      rec.painted = true;
      const { node } = rec;
      const shown = shownOf(rec);
      const parent = node.parentNode;
      // Only text whose parent is an element: a text node directly in a shadow root or document is left alone.
      // The offsets are into the text the node had when matched: anything else is stale until rescanned.
      // A region that became editable since the scan is the reader's now: nothing of ours goes in.
      const skip =
        shown.length === 0 || !parent || parent.nodeType !== 1 || node.data !== rec.original || (recheck && (doc.designMode === 'on' || isExcludedContext(node)));
      if (skip) {
        rec.prefix = node.data;
        continue;
      }
      todo.push(rec);
      items.push({ text: node.data, mentions: shown });
    }
    if (todo.length === 0) return;
    const results = wrapper.wrap(items);
    todo.forEach((rec, i) => place(rec, results[i]!));
  };

  /** Puts one wrap's pieces in the page after the record's node, which keeps the text before the first mention. */
  const place = (rec: MarkRecord, { prefix, fragment, marks }: Wrapped) => {
    const { node } = rec;
    rec.marks = marks;
    for (const m of marks) ownMarks.set(m.el, m.mention);
    for (let n = fragment.firstChild; n; n = n.nextSibling) {
      rec.pieces.push(n);
      rec.written.push(n.textContent ?? '');
      if (n.nodeType === 3) ownText.set(n as Text, rec);
    }
    // The page's node keeps its identity (what the page holds on to) and the text before the first mention.
    node.data = prefix;
    node.parentNode!.insertBefore(fragment, node.nextSibling);
    rec.prefix = node.data;
    const root = node.getRootNode();
    if (root !== doc && root.nodeType === 11 && !shadowRoots.has(root as ShadowRoot)) {
      shadowRoots.add(root as ShadowRoot);
      editable.observe(root as ShadowRoot);
    }
  };

  /** Whether the reader may be typing where `rec` is: its text is theirs to change. */
  const inEditable = (rec: MarkRecord) => doc.designMode === 'on' || isExcludedContext(rec.node);

  /**
   * Removes what we inserted. When every piece is as we wrote it and still follows the page's node, the node
   * gets its whole text back (or, when the page rewrote the node itself, the stale pieces just go). When the
   * reader typed into a piece (or anything was put between them), only our elements go and their contents
   * stay where they are: the reader's text is never reverted. A selection inside our pieces is carried over.
   * Returns whether the node holds the text it was matched in again (false: the reader's or the page's edits).
   */
  const unwrap = (rec: MarkRecord): boolean => {
    const { node, pieces } = rec;
    if (pieces.length === 0) {
      rec.prefix = node.data;
      return node.data === rec.original;
    }
    let edited = false;
    let contiguous = node.nextSibling === pieces[0];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const plain = piece.nodeType === 3 || (piece.childNodes.length === 1 && piece.firstChild!.nodeType === 3);
      if (!plain || piece.textContent !== rec.written[i]) edited = true;
      if (i > 0 && pieces[i - 1]!.nextSibling !== piece) contiguous = false;
    }
    const nodeKept = node.data === rec.prefix;
    // In an editable region a changed node or a node between our pieces is the reader's typing, not a re-render.
    const keepEdits = edited || ((!nodeKept || !contiguous) && inEditable(rec));
    if (!keepEdits) {
      const caret = nodeKept ? selectionIn(rec) : null;
      for (const piece of pieces) piece.parentNode?.removeChild(piece);
      // The page rewrote the node (React's `node.data = ...`): its new text is whole, our pieces were stale.
      if (nodeKept) node.data = rec.original;
      if (caret) restoreSelection(node, caret);
    } else {
      // The reader's edits: every character stays where it is; only our elements go from around them.
      for (const { el } of rec.marks) {
        const parent = el.parentNode;
        if (!parent) continue;
        while (el.firstChild) parent.insertBefore(el.firstChild, el);
        parent.removeChild(el);
      }
    }
    for (const piece of pieces) if (piece.nodeType === 3) ownText.delete(piece as Text);
    for (const { el } of rec.marks) ownMarks.delete(el);
    rec.pieces = [];
    rec.written = [];
    rec.marks = [];
    rec.prefix = node.data;
    return node.data === rec.original;
  };

  /** Where the selection's ends sit in `rec`'s original text, when either is inside our pieces. */
  const selectionIn = (rec: MarkRecord): { anchor: number | null; focus: number | null } | null => {
    const sel = doc.getSelection?.();
    if (!sel || sel.rangeCount === 0) return null;
    const ours = (n: Node | null) => !!n && (ownText.has(n as Text) || ownMarks.has(n as Element) || (!!n.parentNode && ownMarks.has(n.parentNode as Element)));
    if (!ours(sel.anchorNode) && !ours(sel.focusNode)) return null;
    const offsetOf = (n: Node | null, offset: number): number | null => {
      if (!n) return null;
      if (n === rec.node) return offset;
      let at = rec.prefix.length;
      for (const piece of rec.pieces) {
        if (n === piece) return piece.nodeType === 3 ? at + offset : at + (offset > 0 ? piece.textContent!.length : 0);
        if (n.parentNode === piece) return at + offset;
        at += piece.textContent!.length;
      }
      return null;
    };
    const anchor = offsetOf(sel.anchorNode, sel.anchorOffset);
    const focus = offsetOf(sel.focusNode, sel.focusOffset);
    if ((anchor === null || sel.anchorNode === rec.node) && (focus === null || sel.focusNode === rec.node)) return null;
    return { anchor, focus };
  };

  const restoreSelection = (node: Text, caret: { anchor: number | null; focus: number | null }) => {
    const sel = doc.getSelection?.();
    if (!sel) return;
    const anchor = caret.anchor ?? caret.focus!;
    const focus = caret.focus ?? caret.anchor!;
    sel.setBaseAndExtent(node, Math.min(anchor, node.length), node, Math.min(focus, node.length));
  };

  /** Gives the page its text back inside `region`, which became editable: the reader may type there now. */
  const releaseWithin = (region: Node) => {
    const all = region.nodeType === 9;
    for (const node of [...records.keys()]) if (all || region.contains(node)) release(node);
  };
  const editable = watchEditable(doc, (region) => {
    write(() => releaseWithin(region));
  });

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
      const start = performance.now();
      let wrote = 0;
      let i = 0;
      while (i < queue.length && wrote < budget) {
        const group: MarkRecord[] = [];
        while (i < queue.length && group.length < CHUNK_GROUP) {
          const rec = queue[i++]!;
          if (waiting(rec)) group.push(rec);
        }
        wrapAll(group, true);
        for (const rec of group) wrote += rec.marks.length;
        if (performance.now() - start > CHUNK_SCRIPT_MS) break;
      }
      queue = queue.slice(i);
      return done(queue.length === 0 && wrote === 0 ? null : wrote);
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
    if (total <= syncMarks || !win) {
      wrapAll(list.map(([, rec]) => rec));
      queue = [];
      done(null);
      return;
    }
    const height = win.innerHeight || doc.documentElement.clientHeight;
    const read = textBoxReader(doc);
    const getBox = ([node]: readonly [Text, unknown]) => read(node);
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
    wrapAll(recs.slice(from, to));
    done(null);
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

  /** Ends a batch of writes: mark.js's leftovers go with it. */
  const done = <T>(result: T): T => {
    wrapper.release();
    return result;
  };

  /** Re-wraps only the painted nodes that have a mention of a category whose visibility changed. */
  const rewrap = (changed: ReadonlySet<Category>) => {
    const again: MarkRecord[] = [];
    for (const rec of records.values()) {
      if (!rec.painted || !rec.mentions.some((m) => changed.has(m.category))) continue;
      if (unwrap(rec)) again.push(rec);
      else records.delete(rec.node);
    }
    wrapAll(again, true);
    done(null);
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
      const fresh: MarkRecord[] = [];
      for (const { node, mentions } of batch) {
        const old = records.get(node);
        // Offsets refer to the node's whole text: give it back before splitting again.
        if (old) unwrap(old);
        if (mentions.length === 0) {
          records.delete(node);
          continue;
        }
        const rec: MarkRecord = { node, original: node.data, prefix: node.data, mentions, pieces: [], written: [], marks: [], painted: false };
        if (!deferred) fresh.push(rec);
        records.set(node, rec);
      }
      wrapAll(fresh);
      done(null);
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
      const again: MarkRecord[] = [];
      for (const [node, rec] of [...records.keys()].map((n) => [n, records.get(n)!] as const)) {
        if (!category) {
          unwrap(rec);
          continue;
        }
        if (!rec.mentions.some((m) => m.category === category)) continue;
        const whole = unwrap(rec);
        rec.mentions = rec.mentions.filter((m) => m.category !== category);
        if (!rec.mentions.length || !whole) records.delete(node);
        else if (rec.painted) again.push(rec);
      }
      wrapAll(again, true);
      done(null);
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
      editable.destroy();
      queue = [];
      for (const rec of records.values()) unwrap(rec);
      records.clear();
      wrapper.release();
    },
  };
}
