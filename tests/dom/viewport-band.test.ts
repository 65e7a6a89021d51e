/**
 * The viewport band both highlight engines paint first: which text nodes of a long page lie within a band
 * around the screen, found with few layout reads (jsdom has no layout: paragraph i stands on line i, 20 px high).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textBoxReader, viewportBand } from '../../src/content/engines/viewport-band';

const LINE = 20;
const PARAGRAPHS = 1000;

describe('viewportBand', () => {
  let nodes: Text[];
  let reads: number;
  let scrollY: number;

  beforeEach(() => {
    reads = 0;
    scrollY = 0;
    (Range.prototype as unknown as { getBoundingClientRect(): DOMRect }).getBoundingClientRect = function (this: Range) {
      reads++;
      const p = (this.startContainer as Node).parentElement!;
      const top = Number(p.dataset.line) * LINE - scrollY;
      return { top, bottom: top + LINE, left: 0, right: 100, width: 100, height: LINE, x: 0, y: top } as DOMRect;
    };
    document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) => `<p data-line="${i}">Line ${i}</p>`).join('');
    nodes = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
  });

  afterEach(() => {
    delete (Range.prototype as unknown as { getBoundingClientRect?: unknown }).getBoundingClientRect;
    document.body.innerHTML = '';
  });

  it('finds the lines on screen after a scroll, reading about 2 × log2(n) boxes', () => {
    scrollY = 400 * LINE + 10; // half of line 400 above a 600 px screen: lines 400..430 show, at least in part
    const [from, to] = viewportBand(nodes, textBoxReader(document), 0, 600);
    expect(nodes.slice(from, to).map((n) => n.data)).toEqual(Array.from({ length: 31 }, (_, i) => `Line ${400 + i}`));
    expect(reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(PARAGRAPHS + 1)));
  });

  it('widens to a margin above and below, and clips at the ends of the page', () => {
    const read = textBoxReader(document);
    // Screen at the very top, 210 px margin: nothing above line 0, lines 0..40 (line 40 starts at 800 px).
    expect(viewportBand(nodes, read, -210, 810)).toEqual([0, 41]);
    // A line that only touches the band's edge counts (its box ends at the top, or starts at the bottom).
    expect(viewportBand(nodes, read, 20, 60)).toEqual([0, 4]);
    // Scrolled past the end: nothing is in the band.
    scrollY = PARAGRAPHS * LINE + 1000;
    expect(viewportBand(nodes, read, 0, 600)).toEqual([PARAGRAPHS, PARAGRAPHS]);
  });

  it('returns an empty band for an empty list without reading a box', () => {
    expect(viewportBand([], textBoxReader(document), 0, 600)).toEqual([0, 0]);
    expect(reads).toBe(0);
  });
});
