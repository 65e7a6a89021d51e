/**
 * Layout behaviour of the highlight engines in real Chromium: the viewport band search against real boxes, and the
 * css engine's two-step paint against the real CSS Custom Highlight API. The code runs in a window where Dossier
 * itself does not (an incognito context), so only the code under test touches the registry.
 */
import type { BrowserContext, Page } from 'puppeteer-core';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launch, type Launched } from './harness';
import { bundleForPage } from './lib/page-bundle';

const LINE = 20;
const PROBE = resolve(import.meta.dirname, 'probes/engine-probe.ts');

type Probe = typeof import('./probes/engine-probe');
declare const dossierProbe: Probe;

/** A page of `count` paragraphs, paragraph i on line i (LINE px high, no margins), with `text` in each. */
function linesPage(count: number, text: (i: number) => string): string {
  const style = `<style>html,body{margin:0;padding:0}p{margin:0;height:${LINE}px;line-height:${LINE}px;font:12px sans-serif;white-space:nowrap}</style>`;
  const body = Array.from({ length: count }, (_, i) => `<p>${text(i)}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8">${style}</head><body>${body}</body></html>`;
}

describe('layout in chromium', () => {
  let app: Launched;
  let context: BrowserContext;
  let probe: string;
  beforeAll(async () => {
    [app, probe] = await Promise.all([launch('chromium'), bundleForPage(PROBE, 'dossierProbe')]);
    context = await app.browser.createBrowserContext();
  });
  afterAll(async () => {
    await context?.close();
    await closeAll(app);
  });

  async function open(html: string, height: number): Promise<Page> {
    const page = await context.newPage();
    await page.setViewport({ width: 800, height });
    await page.setContent(html);
    await page.addScriptTag({ content: probe });
    return page;
  }

  describe('viewportBand', () => {
    const PARAGRAPHS = 1000;
    let page: Page;
    beforeAll(async () => {
      page = await open(linesPage(PARAGRAPHS, (i) => `Line ${i}`), 600);
    });
    afterAll(() => page.close());

    it('finds the lines on screen after a scroll, reading about 2 × log2(n) boxes', async () => {
      // Half of line 400 scrolled above a 600 px screen: lines 400..430 show, at least in part.
      const { lines, reads } = await page.evaluate((y) => {
        window.scrollTo(0, y);
        const nodes = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
        const box = dossierProbe.textBoxReader(document);
        let reads = 0;
        const [from, to] = dossierProbe.viewportBand(nodes, (n) => (reads++, box(n)), 0, 600);
        return { lines: nodes.slice(from, to).map((n) => n.data), reads };
      }, 400 * LINE + 10);
      expect(lines).toEqual(Array.from({ length: 31 }, (_, i) => `Line ${400 + i}`));
      expect(reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(PARAGRAPHS + 1)));
    });

    it('widens to a margin above and below, and clips at the ends of the page', async () => {
      const bands = await page.evaluate((end) => {
        const nodes = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
        const read = dossierProbe.textBoxReader(document);
        window.scrollTo(0, 0);
        const top = dossierProbe.viewportBand(nodes, read, -210, 810);
        // A band from exactly where line 0's text ends to exactly where line 3's begins.
        const edges = dossierProbe.viewportBand(nodes, read, read(nodes[0]!).bottom, read(nodes[3]!).top);
        // Scrolled to the end, the band is placed below the last line: nothing is in it.
        window.scrollTo(0, end);
        const past = dossierProbe.viewportBand(nodes, read, 1000, 1600);
        return { top, edges, past };
      }, PARAGRAPHS * LINE);
      // Screen at the very top, 210 px margin: nothing above line 0, lines 0..40 (line 40 starts at 800 px).
      expect(bands.top).toEqual([0, 41]);
      // A line that only touches the band's edge counts (its box ends at the top, or starts at the bottom).
      expect(bands.edges).toEqual([0, 4]);
      expect(bands.past).toEqual([PARAGRAPHS, PARAGRAPHS]);
    });

    it('returns an empty band for an empty list without reading a box', async () => {
      const result = await page.evaluate(() => {
        let reads = 0;
        const box = dossierProbe.textBoxReader(document);
        const band = dossierProbe.viewportBand([] as Text[], (n) => (reads++, box(n)), 0, 600);
        return { band, reads };
      });
      expect(result).toEqual({ band: [0, 0], reads: 0 });
    });
  });

  describe('css engine: highlights near the viewport first, the rest when idle', () => {
    const PARAGRAPHS = 3000;
    const HEIGHT = 768;
    let page: Page;
    beforeAll(async () => {
      page = await open(linesPage(PARAGRAPHS, () => 'Talks with Putin in Kyiv'), HEIGHT);
      await page.evaluate(() => {
        (globalThis as unknown as { size(): number }).size = () =>
          (CSS.highlights as unknown as Map<string, Set<unknown>>).get('dossier-people')?.size ?? -1;
      });
    });
    afterAll(() => page.close());
    const size = () => page.evaluate(() => (globalThis as unknown as { size(): number }).size());

    it('paints the viewport (± 1000 px) at once and every mention shortly after', async () => {
      const first = await page.evaluate(() => {
        const w = globalThis as unknown as { engine: ReturnType<Probe['createCssEngine']>; size(): number };
        w.engine = dossierProbe.createCssEngine(document);
        w.engine.deferPaint!(true);
        const scanned = dossierProbe.scanInto(w.engine);
        const whileScanning = w.size(); // nothing painted while the scan runs
        w.engine.deferPaint!(false);
        return { scanned, whileScanning, painted: w.size() };
      });
      expect(first.scanned).toBe(PARAGRAPHS);
      expect(first.whileScanning).toBe(-1);
      // The lines that start from 0 to the window's height + 1000 px.
      expect(first.painted).toBe(Math.floor((HEIGHT + 1000) / LINE) + 1);
      expect(first.painted).toBeLessThan(PARAGRAPHS / 10);
      await page.waitForFunction((n) => (globalThis as unknown as { size(): number }).size() === n, { timeout: 5000 }, PARAGRAPHS);
      const left = await page.evaluate(() => {
        (globalThis as unknown as { engine: { destroy(): void } }).engine.destroy();
        return [...(CSS.highlights as unknown as Map<string, unknown>).keys()].filter((k) => k.startsWith('dossier-')).length;
      });
      expect(left).toBe(0);
    });

    it('a change in between (hiding a category, removing the highlights) does not leave the partial set registered', async () => {
      const sizes = await page.evaluate(() => {
        const size = (globalThis as unknown as { size(): number }).size;
        const engine = dossierProbe.createCssEngine(document);
        const out: number[] = [];
        engine.deferPaint!(true);
        dossierProbe.scanInto(engine);
        engine.deferPaint!(false);
        out.push(size());
        engine.setVisibleCategories(new Set(['people', 'organisations', 'regions', 'quotes']));
        out.push(size());
        engine.deferPaint!(true);
        engine.deferPaint!(false);
        out.push(size());
        engine.clear();
        out.push(size());
        dossierProbe.scanInto(engine);
        out.push(size());
        engine.destroy();
        out.push([...(CSS.highlights as unknown as Map<string, unknown>).keys()].filter((k) => k.startsWith('dossier-')).length);
        return out;
      });
      expect(sizes[0]).toBeLessThan(PARAGRAPHS);
      expect(sizes[1]).toBe(PARAGRAPHS);
      expect(sizes[2]).toBeLessThan(PARAGRAPHS);
      expect(sizes[3]).toBe(0);
      expect(sizes[4]).toBe(PARAGRAPHS);
      expect(sizes[5]).toBe(0);
    });

    it('a small rescan after the paint settled keeps every highlight painted (no second two-step paint)', async () => {
      await page.evaluate(() => {
        const w = globalThis as unknown as { engine: ReturnType<Probe['createCssEngine']> };
        w.engine = dossierProbe.createCssEngine(document);
        w.engine.deferPaint!(true);
        dossierProbe.scanInto(w.engine);
        w.engine.deferPaint!(false);
      });
      await page.waitForFunction((n) => (globalThis as unknown as { size(): number }).size() === n, { timeout: 5000 }, PARAGRAPHS);
      // The page edits one paragraph far below the viewport; the controller rescans it and ends no deferral it did not begin.
      const after = await page.evaluate(() => {
        const w = globalThis as unknown as { engine: ReturnType<Probe['createCssEngine']>; size(): number };
        const far = document.querySelectorAll('p')[2500]!;
        (far.firstChild as Text).data = 'Putin met Zelensky';
        dossierProbe.scanInto(w.engine, far);
        w.engine.deferPaint!(false);
        const n = w.size();
        w.engine.destroy();
        return n;
      });
      expect(after).toBe(PARAGRAPHS + 1);
      expect(await size()).toBe(-1);
    });
  });
});
