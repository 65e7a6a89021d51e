/**
 * What the css engine registers: ranges only for the mentions near what the reader sees (the band), never one per
 * mention of a long page. In Chromium every change to the highlight registry restyles and repaints about as much as
 * all the ranges registered, whichever highlight changed (docs/highlighting.md), so a registry of 90 000 ranges makes
 * every registration, every category toggle and every small rescan a frame of hundreds of ms. The band holds the
 * screen and 1–2 screens around it (a few hundred ranges on a news page), built in one go, and moves as the reader
 * scrolls (a passive listener and a resize observer, coalesced to one animation frame, which runs before that frame
 * is painted); it reaches further in the direction of the scroll. A page with few mentions has them all registered.
 *
 * The engine keeps every mention in its records; hover, jumps, counts and the popup read those, never the registry.
 */
import type { Mention } from '../../core/matcher';
import type { Category } from '../../data/schema';
import { Disposer, frameSlot } from '../lifetime';
import { bandRegion, directionOf, keepRegion, planBand, SPLIT_OVER, textBoxReader, viewportBand, type BandSlot, type Direction, type Region } from './viewport-band';

/** A page with at most this many mentions has every one registered (a registry this small paints in a few ms). */
export const PAINT_ALL_MAX = 2000;
/** A band that would hold more ranges than this shrinks to the screen and half a screen around it. */
const BAND_MAX = 4000;

/** The registry name of a category's highlight (the page-side contract: `CSS.highlights.get('dossier-people')`). */
function highlightName(category: Category): string {
  return `dossier-${category}`;
}

/** What the band reads of the engine's records. */
export interface BandRecords {
  /** Every text node with mentions, in document order. */
  nodes(): readonly Text[];
  /** A node's mentions. */
  get(node: Text): readonly Mention[] | undefined;
  /** How many mentions are recorded in all. */
  readonly total: number;
}

/** The registered part of one text node: mentions `[lo, hi)` of its record, and their ranges. */
interface Painted {
  mentions: readonly Mention[];
  lo: number;
  hi: number;
  ranges: AbstractRange[];
}

/** The registry's side of the css engine. */
export interface HighlightBand {
  /** While deferred nothing is registered (a whole-page scan records first); ending it registers the band at once. */
  setDeferred(defer: boolean): void;
  /**
   * While deferred: the records reach `walked`; if it lies below the screen, registers the band from the
   * records so far and keeps it (and moves it on scroll) until the deferral ends. Whether the band is registered.
   */
  paintWalked(walked: Text): boolean;
  /**
   * A node's record was set or replaced by `mentions`: registered now if it was (or every mention is), else planned
   * with the band before the next frame.
   */
  nodeChanged(node: Text, mentions: readonly Mention[]): void;
  /** A node's record is gone: its ranges leave the registry. */
  nodeReleased(node: Text): void;
  /** Registers the visible categories' highlights and unregisters the others. */
  setVisible(visible: ReadonlySet<Category>): void;
  /**
   * Registers now what the registry should hold here: after Dossier itself moved the viewport (a jump), so the band
   * is there before anything is shown, or after the records were cut.
   */
  refresh(): void;
  /** Unregisters every range (the records were cleared). */
  clear(): void;
  /** Removes our highlights from the registry, the listeners and the pending frame. */
  destroy(): void;
}

/** Creates the band of `doc`, reading `records`. */
export function createHighlightBand(doc: Document, records: BandRecords, initiallyVisible: ReadonlySet<Category>): HighlightBand {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = win.CSS.highlights;
  const highlights = new Map<Category, Highlight>();
  const painted = new Map<Text, Painted>();
  const life = new Disposer();
  const frame = frameSlot(life, win);
  const boxOf = textBoxReader(doc);
  let visible = new Set(initiallyVisible);
  let deferred = false;
  // During a deferral: the band near the screen was registered from the records the walk had made by then.
  let early = false;
  // Records changed since the band was planned: the next refresh plans again even if the screen is still covered.
  let stale = false;
  // Whether the registry holds the band rather than every mention.
  let banded = false;
  let direction: Direction = 0;
  let lastFirst: number | null = null;

  const paint = (node: Text, mentions: readonly Mention[], lo: number, hi: number) => {
    const ranges: AbstractRange[] = [];
    for (let i = lo; i < hi; i++) {
      const m = mentions[i]!;
      // Static: a live Range would be updated by the browser at every DOM mutation of the page.
      const range = new win.StaticRange({ startContainer: node, startOffset: m.start, endContainer: node, endOffset: m.end });
      let hl = highlights.get(m.category);
      if (!hl) {
        hl = new win.Highlight();
        // A name inside a quotation paints over the quotation's tint and underline.
        hl.priority = m.category === 'quotes' ? 0 : 1;
        highlights.set(m.category, hl);
      }
      // One by one: spreading thousands of ranges into the constructor can overflow the argument stack.
      hl.add(range);
      ranges.push(range);
    }
    painted.set(node, { mentions, lo, hi, ranges });
  };

  const unpaint = (node: Text) => {
    const p = painted.get(node);
    p?.ranges.forEach((range, k) => highlights.get(p.mentions[p.lo + k]!.category)?.delete(range));
    painted.delete(node);
  };

  /** Whether all of the node's current mentions are registered. */
  const whole = (node: Text) => {
    const p = painted.get(node);
    return p !== undefined && p.mentions === records.get(node) && p.lo === 0 && p.hi === p.mentions.length;
  };

  const sync = () => {
    for (const [category, hl] of highlights) {
      const name = highlightName(category);
      if (visible.has(category) && (!deferred || early)) {
        if (registry.get(name) !== hl) registry.set(name, hl);
      } else if (registry.get(name) === hl) registry.delete(name);
    }
  };

  /** The band for `region`: its slots and how many ranges they hold. */
  const plan = (list: readonly Text[], region: Region): [BandSlot[], number] => {
    const slots = planBand(list, boxOf, (node) => records.get(node)!, (node, m) => boxOf(node, m.start, m.end), region);
    return [slots, slots.reduce((n, s) => n + s.hi - s.lo, 0)];
  };

  /**
   * Brings the registry in line with the records: every mention on a page with few, else the band. `moved`: asked
   * because the viewport may have moved; unless the records changed, nothing happens while the screen and half a
   * screen around it are still registered (about 2 × log2(n) box reads, on a layout the scroll left clean).
   */
  const refresh = (moved: boolean) => {
    if ((deferred && !early) || life.disposed) return;
    const list = records.nodes();
    banded = records.total > PAINT_ALL_MAX;
    let slots: BandSlot[];
    if (!banded) slots = list.map((node, index) => ({ index, lo: 0, hi: records.get(node)!.length }));
    else {
      const h = win.innerHeight || doc.documentElement.clientHeight;
      const keep = keepRegion(h);
      const [first, end] = viewportBand(list, boxOf, keep.top, keep.bottom);
      if (moved) direction = directionOf(lastFirst, first) || direction;
      lastFirst = first;
      if (moved && !stale && (end <= first || (whole(list[first]!) && whole(list[end - 1]!)))) return;
      const [wide, n] = plan(list, bandRegion(h, direction));
      slots = n > BAND_MAX ? plan(list, keep)[0] : wide;
    }
    const wanted = new Map<Text, BandSlot>();
    for (const s of slots) wanted.set(list[s.index]!, s);
    for (const [node, p] of painted) {
      const s = wanted.get(node);
      if (!s || p.mentions !== records.get(node) || p.lo !== s.lo || p.hi !== s.hi) unpaint(node);
    }
    for (const [node, s] of wanted) if (!painted.has(node)) paint(node, records.get(node)!, s.lo, s.hi);
    stale = false;
    sync();
  };

  const schedule = () => frame.request(() => refresh(true));
  const onMove = () => {
    if ((!deferred || early) && (banded || stale)) schedule();
  };
  // Capture: scrolling any scroller of the page (scroll events do not bubble) moves text on screen.
  doc.addEventListener('scroll', onMove, { capture: true, passive: true, signal: life.signal });
  win.addEventListener('resize', onMove, { passive: true, signal: life.signal });
  // The page's height changes without a scroll (images loading above, content added): the text moves too.
  if (typeof win.ResizeObserver === 'function') {
    const observer = new win.ResizeObserver(onMove);
    observer.observe(doc.documentElement);
    life.defer(() => observer.disconnect());
  }

  return {
    setDeferred(defer) {
      // A deferral asked for again (the scan that began it was cancelled) starts over: the screen is painted anew.
      if (defer === deferred && !(defer && early)) return;
      deferred = defer;
      early = false;
      frame.cancel();
      stale = true;
      if (defer) sync();
      else refresh(false);
    },
    paintWalked(walked) {
      if (!deferred || early) return true;
      // Past the screen is enough: the band below it follows when the walk ends, or as the reader scrolls.
      if (boxOf(walked).top <= (win.innerHeight || doc.documentElement.clientHeight)) return false;
      early = true;
      refresh(false);
      return true;
    },
    nodeChanged(node, mentions) {
      if (deferred) return;
      const was = painted.has(node);
      unpaint(node);
      // A node of the band keeps its place in it, and on a page with few mentions every node is registered: now.
      // Anything else (a node that may be in the band, one with many mentions to cut) is planned before the next frame.
      if (!banded || (was && mentions.length <= SPLIT_OVER)) paint(node, mentions, 0, mentions.length);
      else stale = true;
      if (stale || banded !== records.total > PAINT_ALL_MAX) {
        stale = true;
        schedule();
      }
      sync();
    },
    nodeReleased: unpaint,
    setVisible(next) {
      visible = new Set(next);
      sync();
    },
    refresh() {
      refresh(true);
    },
    clear() {
      for (const hl of highlights.values()) hl.clear();
      painted.clear();
      stale = true;
      lastFirst = null;
      direction = 0;
    },
    destroy() {
      life.dispose();
      deferred = true;
      sync();
      for (const hl of highlights.values()) hl.clear();
      painted.clear();
    },
  };
}
