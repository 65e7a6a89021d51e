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
  const search = (past: (r: VerticalBox) => boolean) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (past(getBox(list[mid]!))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return [search((r) => r.bottom >= top), search((r) => r.top > bottom)];
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

/** An item holding more mentions than this at an edge of the band registers only those in the region. */
export const SPLIT_OVER = 64;

/**
 * The items within `region` (found by `viewportBand` over their boxes) and, for the two at its edges that hold more
 * than SPLIT_OVER mentions, the mentions within it (the same search over the mentions' boxes): one huge text node
 * cannot put all of its thousands of mentions into the band. Items between the first and the last are taken whole:
 * in a page that flows top to bottom they lie inside the region.
 */
export function planBand<T, M>(
  list: readonly T[],
  box: (item: T) => VerticalBox,
  mentionsOf: (item: T) => readonly M[],
  mentionBox: (item: T, mention: M) => VerticalBox,
  region: Region,
): BandSlot[] {
  const [from, to] = viewportBand(list, box, region.top, region.bottom);
  const slots: BandSlot[] = [];
  for (let i = from; i < to; i++) {
    const item = list[i]!;
    const mentions = mentionsOf(item);
    let [lo, hi] = [0, mentions.length];
    if ((i === from || i === to - 1) && mentions.length > SPLIT_OVER) {
      [lo, hi] = viewportBand(mentions, (m) => mentionBox(item, m), region.top, region.bottom);
    }
    if (hi > lo) slots.push({ index: i, lo, hi });
  }
  return slots;
}

/** Measures a text node, or the text from `start` to `end` in it (clamped to its length), with one reusable Range. */
export function textBoxReader(doc: Document): (node: Text, start?: number, end?: number) => DOMRect {
  const probe = doc.createRange();
  return (node, start, end) => {
    if (start === undefined) probe.selectNodeContents(node);
    else {
      probe.setStart(node, Math.min(start, node.length));
      probe.setEnd(node, Math.min(end ?? start, node.length));
    }
    return probe.getBoundingClientRect();
  };
}
