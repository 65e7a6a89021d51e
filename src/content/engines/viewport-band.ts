/**
 * Which items of a list in document order lie near the viewport: a binary search over their boxes, and the pure
 * decisions of the css engine's band (how far it reaches, when it must move, which mentions of a node it holds).
 * Only `textBoxReader` touches the DOM; everything else takes boxes as plain numbers (unit-tested in Node).
 */

/** A box's vertical extent in viewport coordinates (a DOMRect is one). */
export interface VerticalBox {
  top: number;
  bottom: number;
}

/** A vertical region in viewport coordinates (px). */
export interface Region {
  top: number;
  bottom: number;
}

/**
 * Returns `[from, to)`: `from` is the first item whose box ends at or below `top`, `to` the first item
 * whose box starts below `bottom` (viewport coordinates). About 2 × log2(n) calls to `getBox`, so few
 * layout reads on long pages. Assumes the items flow top to bottom in list order; where they do not, some
 * items in the band fall outside the range (callers paint those later, nothing is lost). `to` may be
 * less than `from` when boxes overlap out of order.
 */
export function viewportBand<T>(
  list: readonly T[],
  getBox: (item: T) => VerticalBox,
  top: number,
  bottom: number,
): [from: number, to: number] {
  return [searchBand(list.length, (i) => getBox(list[i]!).bottom >= top), searchBand(list.length, (i) => getBox(list[i]!).top > bottom)];
}

/** The first index in [0, n) for which `past` holds (it holds for every later index too), or n. */
function searchBand(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Which way the reader is scrolling through the list: towards its end (1), its start (-1), or neither (0). */
export type Direction = -1 | 0 | 1;

/** How far the band reaches beyond the screen, in screen heights, on the side the reader moves towards and the other. */
const AHEAD = 2;
const BEHIND = 1;
const AT_REST = 1.5;
/** The part around the screen that must stay covered (screen heights on each side): less, and the band moves. */
const KEEP = 0.5;

/**
 * The region to register around a screen of `height` px: 1.5 screens above and below at rest; while the reader
 * scrolls, 2 screens ahead and 1 behind, so the band is already there when the next part comes into view.
 */
export function bandRegion(height: number, direction: Direction): Region {
  const above = direction === 0 ? AT_REST : direction > 0 ? BEHIND : AHEAD;
  const below = direction === 0 ? AT_REST : direction > 0 ? AHEAD : BEHIND;
  return { top: -above * height, bottom: height + below * height };
}

/** The region that must stay registered: the screen and half a screen around it. */
export function keepRegion(height: number): Region {
  return { top: -KEEP * height, bottom: height + KEEP * height };
}

/** The direction from the first item near the screen before (`was`) to now (`now`); null before means at rest. */
export function directionOf(was: number | null, now: number): Direction {
  if (was === null || was === now) return 0;
  return now > was ? 1 : -1;
}

/** One item of the band and which of its mentions it registers: `[lo, hi)`. */
export interface BandSlot {
  index: number;
  lo: number;
  hi: number;
}

/** What `planBand` needs to know about the list. */
export interface BandSource {
  /** How many items (text nodes with mentions, in document order). */
  readonly length: number;
  /** The box of item `i` (its whole text). */
  box(i: number): VerticalBox;
  /** How many mentions item `i` holds. */
  count(i: number): number;
  /** The box of mention `m` of item `i`: only asked for the band's first and last items when they hold many. */
  mentionBox(i: number, m: number): VerticalBox;
}

/** An item holding more mentions than this at an edge of the band registers only those in the region. */
export const SPLIT_OVER = 64;

/**
 * The items (and, for the two at its edges that hold more than SPLIT_OVER mentions, the mentions) within `region`:
 * one huge text node cannot put all of its thousands of mentions into the band. Items between the first and the last
 * are taken whole: in a page that flows top to bottom they lie inside the region.
 */
export function planBand(source: BandSource, region: Region): BandSlot[] {
  const [from, to] = [
    searchBand(source.length, (i) => source.box(i).bottom >= region.top),
    searchBand(source.length, (i) => source.box(i).top > region.bottom),
  ];
  const slots: BandSlot[] = [];
  for (let i = from; i < to; i++) {
    const n = source.count(i);
    let lo = 0;
    let hi = n;
    if ((i === from || i === to - 1) && n > SPLIT_OVER) {
      lo = searchBand(n, (m) => source.mentionBox(i, m).bottom >= region.top);
      hi = Math.max(lo, searchBand(n, (m) => source.mentionBox(i, m).top > region.bottom));
    }
    if (hi > lo) slots.push({ index: i, lo, hi });
  }
  return slots;
}

/** A `getBox` for text nodes: one reusable Range measures each node's contents. */
export function textBoxReader(doc: Document): (node: Text) => DOMRect {
  const probe = doc.createRange();
  return (node) => {
    probe.selectNodeContents(node);
    return probe.getBoundingClientRect();
  };
}

/** Measures the text from `start` to `end` of a node with one reusable Range (offsets clamped to its length). */
export function textSpanReader(doc: Document): (node: Text, start: number, end: number) => DOMRect {
  const probe = doc.createRange();
  return (node, start, end) => {
    const n = node.length;
    probe.setStart(node, Math.min(start, n));
    probe.setEnd(node, Math.min(end, n));
    return probe.getBoundingClientRect();
  };
}
