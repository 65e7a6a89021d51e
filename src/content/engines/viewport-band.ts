/**
 * Finds, by binary search, which items of a list in document order lie within a vertical band of the
 * viewport. Both highlight engines use it to paint what the reader can see first.
 */

/**
 * Returns `[from, to)`: `from` is the first item whose box ends at or below `top`, `to` the first item
 * whose box starts below `bottom` (viewport coordinates). About 2 × log2(n) calls to `getBox`, so few
 * layout reads on long pages. Assumes the items flow top to bottom in list order; where they do not, some
 * items in the band fall outside the range (callers paint those later, nothing is lost). `to` may be
 * less than `from` when boxes overlap out of order.
 */
export function viewportBand<T>(
  list: readonly T[],
  getBox: (item: T) => DOMRect,
  top: number,
  bottom: number,
): [from: number, to: number] {
  const search = (past: (r: DOMRect) => boolean) => {
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

/** A `getBox` for text nodes: one reusable Range measures each node's contents. */
export function textBoxReader(doc: Document): (node: Text) => DOMRect {
  const probe = doc.createRange();
  return (node) => {
    probe.selectNodeContents(node);
    return probe.getBoundingClientRect();
  };
}
