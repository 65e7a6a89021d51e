/**
 * The css engine's band, its pure part (src/content/engines/viewport-band.ts): how far it reaches around the screen and
 * in which direction, when it must move, and which items and mentions it takes, over boxes given as plain numbers.
 */
import { describe, expect, it } from 'vitest';
import { bandRegion, directionOf, keepRegion, planBand, SPLIT_OVER, viewportBand, type Region } from '../../src/content/engines/viewport-band';

const H = 800;

/**
 * Items of `counts[i]` mentions each, item i one line of `line` px below the previous, the first at `top` (item
 * `tall.index` is `tall.height` px instead); a mention's box is its own slice of its item. `plan` runs planBand over
 * them, counting the box reads.
 */
function lines(counts: number[], line: number, top = 0, tall?: { index: number; height: number }) {
  const height = (i: number) => (tall?.index === i ? tall.height : line);
  const tops: number[] = [];
  for (let i = 0, y = top; i < counts.length; y += height(i), i++) tops.push(y);
  const items = counts.map((count, i) => ({ i, mentions: Array.from({ length: count }, (_, m) => m) }));
  const reads = { boxes: 0, mentions: 0 };
  const plan = (region: Region) =>
    planBand(
      items,
      ({ i }) => (reads.boxes++, { top: tops[i]!, bottom: tops[i]! + height(i) }),
      (item) => item.mentions,
      ({ i, mentions }, m) => {
        reads.mentions++;
        // Mentions spread evenly down the item.
        const each = height(i) / mentions.length;
        return { top: tops[i]! + m * each, bottom: tops[i]! + (m + 1) * each };
      },
      region,
    );
  return { plan, reads };
}

describe('the band around the screen', () => {
  it('reaches 1.5 screens above and below at rest; 2 ahead and 1 behind while scrolling', () => {
    expect(bandRegion(H, 0)).toEqual({ top: -1.5 * H, bottom: H + 1.5 * H });
    expect(bandRegion(H, 1)).toEqual({ top: -H, bottom: H + 2 * H });
    expect(bandRegion(H, -1)).toEqual({ top: -2 * H, bottom: H + H });
  });

  it('must move once less than half a screen around the screen is covered, which the band always leaves room for', () => {
    const keep = keepRegion(H);
    expect(keep).toEqual({ top: -H / 2, bottom: H + H / 2 });
    for (const d of [-1, 0, 1] as const) {
      const band = bandRegion(H, d);
      expect(band.top).toBeLessThan(keep.top);
      expect(band.bottom).toBeGreaterThan(keep.bottom);
    }
  });

  it('scrolling down is towards the end of the list, up towards its start; no earlier position is at rest', () => {
    expect(directionOf(null, 40)).toBe(0);
    expect(directionOf(40, 40)).toBe(0);
    expect(directionOf(40, 90)).toBe(1);
    expect(directionOf(90, 40)).toBe(-1);
  });
});

describe('planBand', () => {
  it('takes the items whose boxes reach into the region, whole, reading about 2 × log2(n) boxes', () => {
    // 10 000 lines of 20 px, scrolled so that line 5000 is at the top of the screen.
    const source = lines(Array.from({ length: 10_000 }, () => 3), 20, -5000 * 20);
    const slots = source.plan(bandRegion(H, 0));
    const first = 5000 - (1.5 * H) / 20 - 1; // its box ends exactly at the region's top
    const last = 5000 + (2.5 * H) / 20; // its box starts exactly at the region's bottom
    expect(slots.map((s) => s.index)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    expect(slots.every((s) => s.lo === 0 && s.hi === 3)).toBe(true);
    expect(source.reads.boxes).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(10_001)));
    expect(source.reads.mentions).toBe(0);
  });

  it('of one huge text node, takes only the mentions in the region (it would otherwise bring thousands)', () => {
    // Line 0, then one node 400 000 px tall with 20 000 mentions (20 px each), then a line; the screen is 100 000 px into it.
    const source = lines([2, 20_000, 2], 20, -100_000, { index: 1, height: 400_000 });
    const slots = source.plan(bandRegion(H, 1));
    expect(slots).toHaveLength(1);
    const [slot] = slots;
    expect(slot!.index).toBe(1);
    // Mention m spans 20 + 20m .. 40 + 20m below the page top; the region is 100 000 − 800 .. 100 000 + 2400 px.
    expect(slot!.lo).toBe(Math.ceil((100_000 - H - 40) / 20));
    expect(slot!.hi).toBe(Math.floor((100_000 + 3 * H - 20) / 20) + 1);
    expect(slot!.hi - slot!.lo).toBeLessThan(250);
    expect(source.reads.mentions).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(20_001)));
  });

  it('splits only the items at the edges that hold more than SPLIT_OVER mentions', () => {
    const many = SPLIT_OVER + 1;
    // Three items 1000 px tall of `many` mentions; the region starts inside the first and ends inside the last.
    const slots = lines([many, many, many], 1000, -500).plan({ top: 0, bottom: 2200 });
    expect(slots.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(slots[0]!.lo).toBeGreaterThan(0);
    expect(slots[1]).toEqual({ index: 1, lo: 0, hi: many });
    expect(slots[2]!.hi).toBeLessThan(many);
    // The same with few mentions each: taken whole.
    const few = lines([SPLIT_OVER, SPLIT_OVER, SPLIT_OVER], 1000, -500).plan({ top: 0, bottom: 2200 });
    expect(few.every((s) => s.lo === 0 && s.hi === SPLIT_OVER)).toBe(true);
  });

  it('is empty when nothing is near the screen, and for an empty list reads no box', () => {
    expect(lines([1, 1, 1], 20, 50_000).plan(bandRegion(H, 0))).toEqual([]);
    const empty = lines([], 20);
    expect(empty.plan(bandRegion(H, 0))).toEqual([]);
    expect(empty.reads.boxes).toBe(0);
    expect(viewportBand([], () => ({ top: 0, bottom: 0 }), 0, H)).toEqual([0, 0]);
  });
});
