/**
 * Layout behaviour of the highlight engines in real Chromium and Firefox: the viewport band search against real boxes,
 * and the css engine's band against the real CSS Custom Highlight API (both browsers have it, and both run the css
 * engine): on a long page the registry holds what is near the viewport, the band follows a scroll in the frame that
 * paints it and a jump at once, a toggle registers only the band, and every mention stays in the engine's records.
 * The code runs in a window where Dossier itself does not (an incognito context), so only the code under test touches
 * the registry.
 */
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, executablePath, launch, type BrowserKind, type Launched } from './harness';
import { bundleForPage } from './lib/page-bundle';

const LINE = 20;
const PROBE = resolve(import.meta.dirname, 'probes/engine-probe.ts');

type Probe = typeof import('./probes/engine-probe');
declare const dossierProbe: Probe;

/** A page of `count` paragraphs, paragraph i on line i (LINE px high, no margins), with `text` in each. */
function linesPage(count: number, text: (i: number) => string): string {
  const style = `<style>html,body{margin:0;padding:0}p{margin:0;height:${LINE}px;line-height:${LINE}px;font:12px sans-serif;white-space:nowrap}</style>`;
  const body = Array.from({ length: count }, (_, i) => `<p data-line="${i}">${text(i)}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8">${style}</head><body>${body}</body></html>`;
}

function suite(kind: BrowserKind) {
  describe(`layout in ${kind}`, () => {
    let app: Launched | undefined;
    let firefox: Browser | undefined;
    let context: BrowserContext;
    let probe: string;
    beforeAll(async () => {
      probe = await bundleForPage(PROBE, 'dossierProbe');
      if (kind === 'chromium') {
        // Chromium: an incognito context of the browser with Dossier has no extension.
        app = await launch(kind);
        context = await app.browser.createBrowserContext();
      } else {
        // Firefox runs extensions in every context of a browser that has them: this one has none.
        firefox = await puppeteer.launch({ browser: 'firefox', executablePath: executablePath('firefox'), headless: true, defaultViewport: { width: 800, height: 600 } });
        context = firefox.defaultBrowserContext();
      }
    });
    afterAll(async () => {
      if (app) await context?.close();
      await closeAll(app);
      await firefox?.close();
    });

    async function open(html: string, height: number): Promise<Page> {
      const page = await context.newPage();
      await page.setViewport({ width: 800, height });
      await page.setContent(html);
      await page.addScriptTag({ content: probe });
      await page.bringToFront();
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

    describe('css engine: only the band near the viewport is registered', () => {
      const PARAGRAPHS = 3000;
      const HEIGHT = 768;
      // Lines whose box reaches into 1.5 screens above or below the screen at rest (band region in px, viewport coordinates).
      const restBand = (firstOnScreen: number) => {
        const top = -1.5 * HEIGHT;
        const bottom = HEIGHT + 1.5 * HEIGHT;
        const lines: number[] = [];
        for (let l = 0; l < PARAGRAPHS; l++) {
          const y = (l - firstOnScreen) * LINE;
          if (y + LINE >= top && y <= bottom) lines.push(l);
        }
        return lines;
      };
      let page: Page;
      beforeAll(async () => {
        page = await open(linesPage(PARAGRAPHS, () => 'Talks with Putin in Kyiv'), HEIGHT);
        await page.evaluate(() => {
          const w = globalThis as unknown as Record<string, unknown>;
          // The lines whose `dossier-people` ranges are registered, sorted.
          w.registered = () =>
            [...((CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('dossier-people') ?? [])]
              .map((r) => Number((r.startContainer.parentElement as HTMLElement).dataset.line))
              .sort((a, b) => a - b);
          w.start = () => {
            window.scrollTo(0, 0);
            const engine = dossierProbe.createCssEngine(document);
            w.engine = engine;
            engine.deferPaint!(true);
            const scanned = dossierProbe.scanInto(engine);
            const whileScanning = (CSS.highlights as unknown as Map<string, unknown>).has('dossier-people');
            engine.deferPaint!(false);
            return { scanned, whileScanning, entries: engine.entries().length };
          };
        });
      });
      afterAll(() => page.close());
      afterEach(async () => {
        await page.evaluate(() => (globalThis as unknown as { engine?: { destroy(): void } }).engine?.destroy());
      });
      type W = { registered(): number[]; start(): { scanned: number; whileScanning: boolean; entries: number }; engine: ReturnType<Probe['createCssEngine']> };
      const registered = () => page.evaluate(() => (globalThis as unknown as W).registered());

      it('registers the screen and 1.5 screens around it at once; the records hold every mention', async () => {
        const first = await page.evaluate(() => (globalThis as unknown as W).start());
        expect(first).toEqual({ scanned: PARAGRAPHS, whileScanning: false, entries: PARAGRAPHS });
        const lines = await registered();
        expect(lines).toEqual(restBand(0));
        expect(lines.length).toBeLessThan(PARAGRAPHS / 10);
      });

      it('after the reader scrolls far, the lines on screen are registered in the frame that paints them', async () => {
        await page.evaluate(() => (globalThis as unknown as W).start());
        // Two frames go by first: nothing the engine asked for at its start is still pending when the reader scrolls.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        // A listener on the window (bubbling) runs after the engine's on the document; a frame callback asked for
        // there runs after the engine's, in the same frame, before it is painted.
        const seen = await page.evaluate(
          (y, line) =>
            new Promise<{ onScreen: number[]; hasTop: boolean }>((done) => {
              const w = globalThis as unknown as W;
              addEventListener(
                'scroll',
                () =>
                  requestAnimationFrame(() => {
                    const lines = w.registered();
                    done({ onScreen: Array.from({ length: 20 }, (_, i) => line + i).filter((l) => !lines.includes(l)), hasTop: lines.includes(0) });
                  }),
                { once: true },
              );
              window.scrollTo(0, y);
            }),
          2000 * LINE,
          2000,
        );
        expect(seen).toEqual({ onScreen: [], hasTop: false });
        expect(await page.evaluate(() => (globalThis as unknown as W).engine.entries().length)).toBe(PARAGRAPHS);
      });

      it('reaches further ahead in the direction the reader scrolls', async () => {
        await page.evaluate(() => (globalThis as unknown as W).start());
        const scrollAndWait = (line: number) =>
          page.evaluate(
            (y) =>
              new Promise<void>((done) => {
                window.scrollTo(0, y);
                requestAnimationFrame(() => requestAnimationFrame(() => done()));
              }),
            line * LINE,
          );
        // Down in steps of two screens: each step leaves the half screen kept around the screen, the band moves.
        for (const line of [80, 160, 240, 320]) await scrollAndWait(line);
        const down = await registered();
        const screen = HEIGHT / LINE;
        // Two screens ahead (below), one behind (above).
        expect(down.at(-1)! - 320).toBeGreaterThanOrEqual(Math.floor(3 * screen) - 1);
        expect(320 - down[0]!).toBeLessThanOrEqual(Math.ceil(screen) + 1);
        for (const line of [240, 160]) await scrollAndWait(line);
        const up = await registered();
        expect(160 - up[0]!).toBeGreaterThanOrEqual(Math.floor(2 * screen) - 1);
        expect(up.at(-1)! - 160).toBeLessThanOrEqual(Math.ceil(2 * screen) + 1);
      });

      it('a jump registers its band before anything is painted (no frame in between)', async () => {
        await page.evaluate(() => (globalThis as unknown as W).start());
        const landed = await page.evaluate((y) => {
          const w = globalThis as unknown as W;
          window.scrollTo(0, y);
          w.engine.viewportMoved!();
          return w.registered();
        }, 2500 * LINE);
        expect(landed).toContain(2500);
        expect(landed).not.toContain(0);
      });

      it('a category toggle registers only the band; the page’s own highlights are left alone; destroy empties ours', async () => {
        await page.evaluate(() => (globalThis as unknown as W).start());
        const out = await page.evaluate(() => {
          const w = globalThis as unknown as W;
          const reg = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
          // The page's own highlight, under its own name.
          const own = new Highlight(new StaticRange({ startContainer: document.body, startOffset: 0, endContainer: document.body, endOffset: 1 }));
          reg.set('page-search', own as unknown as Set<AbstractRange>);
          const band = w.registered().length;
          w.engine.setVisibleCategories(new Set(['organisations', 'regions', 'quotes']));
          const hidden = reg.has('dossier-people');
          w.engine.setVisibleCategories(new Set(['people', 'organisations', 'regions', 'quotes']));
          const shown = reg.get('dossier-people')!.size;
          w.engine.destroy();
          const left = [...reg.keys()];
          reg.delete('page-search');
          return { band, hidden, shown, left, ownKept: left.includes('page-search') };
        });
        expect(out.hidden).toBe(false);
        expect(out.shown).toBe(out.band);
        expect(out.band).toBeLessThan(PARAGRAPHS / 10);
        expect(out.left).toEqual(['page-search']);
      });

      it('a page with few mentions has every one registered', async () => {
        const few = await open(linesPage(1500, () => 'Putin'), HEIGHT);
        const n = await few.evaluate(() => {
          const engine = dossierProbe.createCssEngine(document);
          engine.deferPaint!(true);
          dossierProbe.scanInto(engine);
          engine.deferPaint!(false);
          const size = (CSS.highlights as unknown as Map<string, Set<unknown>>).get('dossier-people')!.size;
          engine.destroy();
          return size;
        });
        await few.close();
        expect(n).toBe(1500);
      });
    });
  });
}

suite('chromium');
suite('firefox');
