/**
 * The controller with the css engine on a long page (3 000 highlighted paragraphs, more mentions than are ever all
 * registered): the registry holds the band near the viewport, the page state counts every mention, the band follows
 * the reader's scroll and a jump, and a page's edit inside the band never leaves it unpainted. jsdom has no CSS
 * Highlight API nor layout: a Map-backed registry, a Set-backed Highlight and one 20 px line per paragraph stand in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MARKER_ATTRIBUTE, startController } from '../../src/content/controller';
import { updateSettings } from '../../src/shared/settings';
import { useControllerPage } from './controller-page';

const LINE = 20;
const PARAGRAPHS = 3000;
let registry: Map<string, Set<AbstractRange>>;
const saved: Record<string, unknown> = {};
let scrollY = 0;
const painted = () => registry.get('dossier-people')?.size ?? 0;
/** The paragraphs (lines) whose mentions are registered, sorted. */
const paintedLines = () =>
  [...(registry.get('dossier-people') ?? [])].map((r) => Number((r.startContainer.parentElement as HTMLElement).dataset.line)).sort((a, b) => a - b);

beforeEach(() => {
  registry = new Map();
  scrollY = 0;
  const w = window as unknown as Record<string, unknown>;
  for (const key of ['CSS', 'Highlight']) saved[key] = w[key];
  w.CSS = { highlights: registry };
  w.Highlight = class extends Set<AbstractRange> {
    priority = 0;
  };
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
  (document as unknown as { caretPositionFromPoint: () => null }).caretPositionFromPoint = () => null;
  (Range.prototype as unknown as { getBoundingClientRect(): DOMRect }).getBoundingClientRect = function (this: Range) {
    const p = (this.startContainer as Node).parentElement!.closest('p')!;
    const top = Number(p.dataset.line) * LINE - scrollY;
    return { top, bottom: top + LINE, left: 0, right: 100, width: 100, height: LINE, x: 0, y: top } as DOMRect;
  };
  (Range.prototype as unknown as { getClientRects(): DOMRect[] }).getClientRects = function (this: Range) {
    return [this.getBoundingClientRect()];
  };
});

afterEach(() => {
  const w = window as unknown as Record<string, unknown>;
  for (const key of ['CSS', 'Highlight']) w[key] = saved[key];
  delete (window as unknown as { scrollY?: unknown }).scrollY;
  delete (Range.prototype as unknown as { getBoundingClientRect?: unknown }).getBoundingClientRect;
  delete (Range.prototype as unknown as { getClientRects?: unknown }).getClientRects;
  delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
});

// Registered after the stubs' hooks, so the controller is destroyed before the stubs are taken away.
const page = useControllerPage(() =>
  Array.from({ length: PARAGRAPHS }, (_, i) => `<p data-line="${i}">Peskov said so.</p>`).join(''),
);

const HEIGHT = window.innerHeight;
/** The last line the band reaches at rest from the top of the page: 1.5 screens below the screen. */
const REST_LAST = Math.floor((HEIGHT + 1.5 * HEIGHT) / LINE);

async function ready() {
  page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true, registerPageApi: () => () => {} });
  await vi.waitFor(async () => {
    await vi.advanceTimersByTimeAsync(100);
    expect(document.documentElement.getAttribute(MARKER_ATTRIBUTE)).toBe('ready');
  });
}

/** The reader scrolls the page so that line `line` is at the top of the screen; the band moves before the next frame. */
async function scrollTo(line: number) {
  scrollY = line * LINE;
  document.dispatchEvent(new Event('scroll'));
  await vi.advanceTimersByTimeAsync(50);
}

describe('controller + css engine: the band near the viewport', () => {
  it('registers the screen and 1.5 screens around it; the page state counts every mention', async () => {
    await ready();
    expect(paintedLines()).toEqual(Array.from({ length: REST_LAST + 1 }, (_, i) => i));
    expect(painted()).toBeLessThan(PARAGRAPHS / 10);
    expect(page.controller!.getState().total).toBe(PARAGRAPHS);
  });

  it('moves with the reader: ahead in the direction of the scroll, the far part unregistered', async () => {
    await ready();
    await scrollTo(1000);
    const lines = paintedLines();
    // 1 screen behind, 2 ahead while scrolling down; line 1000 is on screen.
    expect(lines[0]).toBe(Math.ceil(1000 - HEIGHT / LINE - 1));
    expect(lines.at(-1)).toBe(Math.floor(1000 + (3 * HEIGHT) / LINE));
    expect(lines).not.toContain(0);
    // A small move inside the band changes nothing.
    await scrollTo(1005);
    expect(paintedLines()).toEqual(lines);
    expect(page.controller!.getState().total).toBe(PARAGRAPHS);
  });

  it('a page edit inside the band is registered again at once; one outside is counted and registered when the reader gets there', async () => {
    await ready();
    let least = Infinity;
    (document.querySelector('p[data-line="10"]')!.firstChild as Text).data = 'Peskov and Peskov.';
    (document.querySelector('p[data-line="2500"]')!.firstChild as Text).data = 'Peskov and Peskov.';
    for (let i = 0; i < 60; i++) {
      await vi.advanceTimersByTimeAsync(10);
      least = Math.min(least, painted());
    }
    expect(painted()).toBe(REST_LAST + 2);
    expect(least).toBeGreaterThanOrEqual(REST_LAST + 1);
    expect(page.controller!.getState().total).toBe(PARAGRAPHS + 2);
    expect(paintedLines()).not.toContain(2500);
    await scrollTo(2490);
    expect(paintedLines().filter((l) => l === 2500)).toHaveLength(2);
  });

  it('a jump to a far mention registers its band before the card is shown', async () => {
    await ready();
    // The jump scrolls with scrollIntoView and scrollBy; jsdom has neither, so they move the stand-in scroll position.
    const scrollIntoView = vi.fn(function (this: Element) {
      scrollY = Number((this as HTMLElement).dataset.line) * LINE;
    });
    (Element.prototype as unknown as { scrollIntoView: unknown }).scrollIntoView = scrollIntoView;
    window.scrollBy = ((opts: ScrollToOptions) => (scrollY += opts.top ?? 0)) as typeof window.scrollBy;
    // Far down: from the reader's position (line 2000 at the top), the next mention is line 2000's.
    scrollY = 2000 * LINE;
    const before = paintedLines();
    expect(page.controller!.jumpTo(null, 'next')).toBe(true);
    // No frame has run: the band moved inside the jump itself.
    const after = paintedLines();
    expect(before).not.toContain(2000);
    expect(after).toContain(2000);
    expect(after).not.toContain(0);
    delete (Element.prototype as unknown as { scrollIntoView?: unknown }).scrollIntoView;
  });

  it('turning a category off and on registers the band only; destroy leaves the registry empty', async () => {
    await ready();
    await scrollTo(1500);
    const band = painted();
    expect(band).toBeLessThan(PARAGRAPHS / 10);
    const sizes: number[] = [];
    const set = registry.set.bind(registry);
    registry.set = (name, hl) => (sizes.push(hl.size), set(name, hl));
    const categories = { people: true, organisations: true, regions: true, quotes: true };
    await updateSettings({ categories: { ...categories, people: false } });
    await vi.advanceTimersByTimeAsync(50);
    expect(registry.has('dossier-people')).toBe(false);
    await updateSettings({ categories });
    await vi.advanceTimersByTimeAsync(50);
    expect(painted()).toBe(band);
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBe(band);
    expect(page.controller!.getState().total).toBe(PARAGRAPHS);
    page.controller!.destroy();
    page.controller = null;
    expect([...registry.keys()].filter((k) => k.startsWith('dossier-'))).toEqual([]);
  });
});

/**
 * A slow walk: every read of a text costs 0.1 ms of the clock the scan reads, so a whole-page scan takes many slices.
 * `clock()`: the ms added so far.
 */
function slowWalk(): { clock(): number; restore(): void } {
  const now = performance.now.bind(performance);
  let added = 0;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => now() + added);
  const text = Object.getOwnPropertyDescriptor(CharacterData.prototype, 'data')!;
  const reads = vi.spyOn(CharacterData.prototype, 'data', 'get').mockImplementation(function (this: CharacterData) {
    added += 0.1;
    return text.get!.call(this) as string;
  });
  return {
    clock: () => added,
    restore() {
      reads.mockRestore();
      clock.mockRestore();
    },
  };
}

describe('controller + css engine: the screen first', () => {
  it('registers what the reader sees while the rest of the page is still being walked', async () => {
    const walk = slowWalk();
    try {
      // Names only: with quotations on, the page is still 'scanning' while they are matched after the names are painted.
      await updateSettings({ categories: { people: true, organisations: true, regions: true, quotes: false } });
      page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true, registerPageApi: () => () => {} });
      const screen = Math.floor(HEIGHT / LINE);
      let seenWhileScanning: number[] | null = null;
      for (let i = 0; i < 2000 && document.documentElement.getAttribute(MARKER_ATTRIBUTE) !== 'ready'; i++) {
        await vi.advanceTimersByTimeAsync(1);
        const lines = paintedLines();
        if (!seenWhileScanning && lines.length && document.documentElement.getAttribute(MARKER_ATTRIBUTE) === 'scanning') seenWhileScanning = lines;
      }
      expect(document.documentElement.getAttribute(MARKER_ATTRIBUTE)).toBe('ready');
      // Every line of the screen was registered before the walk ended, and the walk had not gone far past it.
      expect(seenWhileScanning).not.toBeNull();
      expect(seenWhileScanning!.slice(0, screen + 1)).toEqual(Array.from({ length: screen + 1 }, (_, i) => i));
      expect(seenWhileScanning!.length).toBeLessThan(PARAGRAPHS / 10);
      // Once ready, the band at rest, and every mention counted.
      expect(paintedLines()).toEqual(Array.from({ length: REST_LAST + 1 }, (_, i) => i));
      expect(page.controller!.getState().total).toBe(PARAGRAPHS);
    } finally {
      walk.restore();
    }
  });

  it('paints the screen first again when a setting rescans the page during a scan', async () => {
    const walk = slowWalk();
    try {
      const categories = { people: true, organisations: true, regions: true, quotes: false };
      await updateSettings({ categories });
      page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, findQuotes: page.findQuotes, topFrame: true, registerPageApi: () => () => {} });
      for (let i = 0; i < 2000 && paintedLines().length === 0; i++) await vi.advanceTimersByTimeAsync(1);
      expect(document.documentElement.getAttribute(MARKER_ATTRIBUTE)).toBe('scanning');
      // Mid-walk, with the screen painted: a setting that scans the page again (here: quotations on).
      await updateSettings({ categories: { ...categories, quotes: true } });
      await vi.waitFor(() => expect(paintedLines()).toEqual([]));
      const cleared = walk.clock();
      let repainted = NaN;
      for (let i = 0; i < 4000 && document.documentElement.getAttribute(MARKER_ATTRIBUTE) !== 'ready'; i++) {
        await vi.advanceTimersByTimeAsync(1);
        if (Number.isNaN(repainted) && paintedLines().length) repainted = walk.clock();
      }
      expect(document.documentElement.getAttribute(MARKER_ATTRIBUTE)).toBe('ready');
      // Painted again after a few hundred nodes, not after the whole page's 3 000 (about 300 ms of this clock).
      expect(repainted - cleared).toBeLessThan(100);
      expect(paintedLines()).toEqual(Array.from({ length: REST_LAST + 1 }, (_, i) => i));
    } finally {
      walk.restore();
    }
  });
});
