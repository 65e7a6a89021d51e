/**
 * `npm run bench:browser`: the cost of highlighting in real Chromium with the built extension, on generated
 * news pages of about 100 KB, 1 MB and 5 MB of text (paragraphs, headings, links), for each engine, side by
 * side with references:
 *   floor  — a bare TreeWalker over every text node running the matcher's combined pattern (count only), as the
 *            content script of a minimal extension in a third Chromium, started at `document_idle` like Dossier's, so
 *            both wait for the same first layout and paint of the page; every ratio is to it. The same walk run by
 *            the test once the page has rendered is printed beside it;
 *   naive  — mark.js `mark(allAliases)`, one pass per alias (100 KB and 1 MB only: 5 MB takes ~30 s), injected
 *            by the test in a context without the extension;
 * and a third, the marks engine's previous direct split-and-wrap (`scripts/lib/direct-wrap.ts`), built into a
 * second copy of the extension in place of the mark.js wrapper and run in a second Chromium, alternating with
 * the shipped build page load by page load. For the marks engine "all marks" is the time from `dossier:start`
 * to the last `<dossier-mark>` inserted (the paced chunks run for seconds after `ready` on a long page), read
 * by a MutationObserver in the page; the ratio of the mark.js engine to the direct wrap is printed for it.
 * Reads the extension's user-timing marks `dossier:start` / `dossier:highlighted`; long tasks come from a
 * PerformanceObserver('longtask') in the page, counted from `dossier:start` on (so they include the
 * rendering work the highlights cause). The known quotations' share: the ms the page's main thread spent on them
 * during the first scan (asking the background, keeping and applying its answers: the mark's `detail.quotes`) against
 * Dossier's busy time there, the ms the background's matcher took for the page (`detail.quotesBackground`, on
 * the background's thread, not the page's), and, in Node over the same blocks, how many of them the candidate
 * filter lets through to the fuzzy stage. Also: what each build makes every frame load up front (raw and gzip) and
 * what it injects on demand; the cost of one empty iframe with and without Dossier (a page of 20, script time and JS
 * heap over CDP); the longest `long-animation-frame` entry in each phase: highlighting, a scroll-through to the bottom
 * (with and without Dossier, and how many screens showed no registered highlight in the frame that painted them) and
 * a category toggle. "to screen" is the first frame with highlights registered (the css engine registers what the
 * reader sees once the walk is past it), with the ranges on screen then and once the page is ready, to show that the
 * first painted screen was whole; "to all found" means every mention on the page found (the page state's total, which
 * the popup shows, is final) and the highlights near the viewport registered and painted. Both have their ratio to
 * the floor.
 * Prints tables and writes nothing else. BENCH_ONLY=css|marks|frames runs a part; BENCH_SIZES=1MB,5MB some sizes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { build } from 'wxt';
import { aliasPatternSource } from '../src/core/alias-pattern';
import { buildMatchEntries } from '../src/core/entity-index';
import { ALL_CAPS_MIN_LETTERS } from '../src/core/matcher';
import { foldKey, letterCount } from '../src/core/normalize';
import { compileQuoteMatcher } from '../src/core/quote-matcher';
import { dataset } from '../src/data/dataset';
import { launch, serve, type Launched } from '../tests/e2e/harness';
import { setSettings } from '../tests/e2e/highlight-page';
import { patchSettings } from '../tests/e2e/lib/page-helpers';
import type { Settings } from '../src/shared/settings-schema';
// Deterministic PRNG shared with the other benchmarks: every run benchmarks the same pages.
import { seededRandom } from './lib/bench-utils';
import { newsPage, newsPageSentences } from './lib/news-page';

const ROOT = resolve(import.meta.dirname, '..');
const ALL_SIZES = [
  { label: '100 KB', bytes: 100_000, runs: 3, naive: true },
  { label: '1 MB', bytes: 1_000_000, runs: 3, naive: true },
  { label: '5 MB', bytes: 5_000_000, runs: 2, naive: false },
];
/** BENCH_SIZES=5MB (comma-separated labels without spaces) runs only those pages. */
/** BENCH_ONLY=marks runs only the floor and the two marks engines (the mark.js engine against the direct wrap). */
const ONLY_MARKS = process.env.BENCH_ONLY === 'marks';
/** BENCH_ONLY=css runs only the floor and the css engine (the sizes and the empty frame are always measured). */
const ONLY_CSS = process.env.BENCH_ONLY === 'css';
/** BENCH_ONLY=frames measures only the sizes and the empty frame. */
const ONLY_FRAMES = process.env.BENCH_ONLY === 'frames';
const SIZES = process.env.BENCH_SIZES ? ALL_SIZES.filter((s) => process.env.BENCH_SIZES!.split(',').includes(s.label.replace(' ', ''))) : ALL_SIZES;

const MARKS_MARKJS = 'Dossier, marks engine (mark.js)';
/** The floor every ratio is taken against: started where Dossier starts (`writeFloorExtension`). */
const FLOOR = 'floor (TreeWalker + combined pattern, count only), a content script at document_idle';
/** The same walk run by the test once `goto` has returned: the page already laid out and painted (no ratio is taken to it). */
const FLOOR_AFTER_RENDER = 'the floor run by the test after the page first rendered (reference)';
const MARKS_DIRECT = 'Dossier, marks engine, direct wrap (reference)';

/** The keys compileMatcher builds (aliases folded, plus all-caps forms), as one pattern source. */
function combinedPattern(): { source: string; aliases: string[] } {
  const keys = new Set<string>();
  const aliases = new Set<string>();
  for (const entry of buildMatchEntries(dataset)) {
    for (const { text } of entry.aliases) {
      aliases.add(text);
      const key = foldKey(text);
      keys.add(key);
      if (letterCount(key) >= ALL_CAPS_MIN_LETTERS) keys.add(foldKey(key.toUpperCase()));
    }
  }
  return { source: aliasPatternSource([...keys].sort((a, b) => b.length - a.length)), aliases: [...aliases] };
}

// Main-world probe installed before the page's own scripts: long tasks and the frame after highlighting.
const PROBE = `(() => {
  const w = window;
  w.__longtasks = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
  // Long animation frames, with the share of their script time that is the extension's (attributed by source URL).
  w.__loafs = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        const own = (e.scripts || []).filter((s) => String(s.sourceURL || '').startsWith('chrome-extension://')).reduce((n, s) => n + s.duration, 0);
        w.__loafs.push([e.startTime, e.duration, own]);
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  const onReady = () => requestAnimationFrame(() => setTimeout(() => { w.__painted = performance.now(); w.__screenAtReady = onScreen(); }, 0));
  // Registered highlight ranges on the screen now.
  const onScreen = () => {
    const probe = document.createRange();
    let n = 0;
    for (const [name, hl] of CSS.highlights) {
      if (!name.startsWith('dossier-')) continue;
      for (const r of hl) {
        probe.setStart(r.startContainer, r.startOffset);
        probe.setEnd(r.endContainer, r.endOffset);
        const b = probe.getBoundingClientRect();
        if (b.bottom > 0 && b.top < innerHeight) n++;
      }
    }
    return n;
  };
  // The first frame with a highlight registered: read in the task after it (the frame is painted then), with how
  // many ranges were on screen in it, to compare with the screen once the page is ready.
  const watchScreen = () => requestAnimationFrame(() => {
    for (const [name, hl] of CSS.highlights) {
      if (name.startsWith('dossier-') && hl.size > 0) {
        setTimeout(() => { w.__screenPainted = performance.now(); }, 0);
        w.__screenFirst = onScreen();
        return;
      }
    }
    watchScreen();
  });
  if (typeof CSS !== 'undefined' && CSS.highlights) watchScreen();
  // Scrolls to the bottom in at most maxSteps steps of at least a screen, one step per frame. After each step, in the
  // frame that paints it (a frame callback asked for from a bubbling scroll listener on the window runs after
  // Dossier's, which listens on the document), counts the registered ranges on screen: a step with none is a screen
  // the reader saw without highlights.
  w.__scrollThrough = (maxSteps) => new Promise((done) => {
    const h = innerHeight;
    const max = document.documentElement.scrollHeight - h;
    const step = Math.max(h, Math.ceil(max / maxSteps));
    const t0 = performance.now();
    let steps = 0;
    let bare = 0;
    const onScroll = () => requestAnimationFrame(() => {
      if (onScreen() === 0) bare++;
      steps++;
      if (scrollY >= max - 1) {
        removeEventListener('scroll', onScroll);
        setTimeout(() => done({ from: t0, to: performance.now(), steps, bare }), 100);
      } else setTimeout(() => scrollTo(0, Math.min(max, scrollY + step)), 0);
    });
    addEventListener('scroll', onScroll);
    scrollTo(0, Math.min(max, step));
  });
  // The last <dossier-mark> inserted (marks engine): its chunks keep writing after ready on a long page.
  w.__lastMark = NaN;
  w.__marks = 0;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.localName === 'dossier-mark') { w.__marks++; w.__lastMark = performance.now(); }
  }).observe(document, { childList: true, subtree: true });
  new MutationObserver(() => {
    if (document.documentElement.getAttribute('data-dossier') === 'ready' && w.__painted === undefined && !w.__waiting) { w.__waiting = true; onReady(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-dossier'] });
})();`;

// The references, run in the page's main world.
const REFERENCE = `async (kind, source, aliases) => {
  const t0 = performance.now();
  let found = 0;
  if (kind === 'floor') {
    const re = new RegExp(source, 'gu');
    // Compiled to machine code at once, as Dossier's matcher does (a first run on a long subject).
    re.exec(' '.repeat(1024));
    re.lastIndex = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.data;
      re.lastIndex = 0;
      while (re.exec(text) !== null) found++;
    }
  } else {
    await new Promise((done) => new window.Mark(document.body).mark(aliases, {
      separateWordSearch: false, caseSensitive: true, diacritics: false, accuracy: 'exactly',
      done: (n) => { found = n; done(); },
    }));
  }
  const script = performance.now() - t0;
  await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  const painted = performance.now() - t0;
  await new Promise((ok) => setTimeout(ok, 100)); // long-task entries are delivered asynchronously
  const longest = Math.max(0, ...window.__longtasks.filter(([s, d]) => s + d >= t0).map(([, d]) => d));
  return { script, painted, longest, found };
}`;

interface Result {
  /** Marks engine only: ms from `dossier:start` to the last mark inserted. */
  allMarks?: number;
  /** Marks engine only: CPU ms of the page's main thread from its start to all marks (CDP `ThreadTime`). */
  cpu?: number;
  /** Dossier only: the longest of its own work slices, and their total (ms). */
  slice?: number;
  busy?: number;
  /** Dossier only: ms the page spent building its names matcher, before the first slice. */
  namesBuilt?: number;
  /** Dossier only: ms in the quote matcher during the first scan. */
  quotes?: number;
  quotesBackground?: number;
  /** The most the background's matcher took for one load: the first, before it had seen the page's blocks. */
  quotesBackgroundFirst?: number;
  /** Dossier only: the longest animation frame with script of the extension in it (ms), and that script's ms. */
  loaf?: number;
  loafOwn?: number;
  /** Dossier only: the same after a category is switched off and on again (the highlights repainted). */
  toggleLoaf?: number;
  toggleLoafOwn?: number;
  /** The longest animation frame while the page is scrolled to the bottom in steps (ms), and the steps taken. */
  scrollLoaf?: number;
  /** The extension's script time in that frame. */
  scrollLoafOwn?: number;
  scrollSteps?: number;
  /** Dossier only: steps whose screen showed no registered highlight in the frame that painted it. */
  bareSteps?: number;
  /** Dossier only: every mention found, as the popup counts them, and the ranges registered at ready. */
  total?: number;
  /** Dossier only: ms to the first frame with highlights registered, and the ranges on screen then and at ready. */
  screen?: number;
  screenFirst?: number;
  screenAtReady?: number;
  script: number;
  painted: number;
  longest: number;
  found: number;
}

/**
 * The longest animation frame since `since`, and the ms of the extension's scripts attributed in it. The bench pages
 * run no script of their own, so every long frame after `dossier:start` is Dossier's doing (its script, or the style,
 * layout and paint its highlights cause), whether or not Chromium attributes the script (it may not attribute an
 * isolated world's).
 */
async function longestOwnFrame(page: Page, since: number): Promise<{ loaf: number; own: number }> {
  return page.evaluate((t: number) => {
    const w = window as unknown as { __loafs: [number, number, number][] };
    let loaf = 0;
    let own = 0;
    for (const [s, d, o] of w.__loafs) if (s + d >= t && d > loaf) [loaf, own] = [d, o];
    return { loaf, own };
  }, since);
}

/** The longest animation frame that overlaps [from, to] (ms), and the extension's script time in it. */
async function longestFrameIn(page: Page, from: number, to: number): Promise<{ loaf: number; own: number }> {
  return page.evaluate(
    (a: number, b: number) => {
      const w = window as unknown as { __loafs: [number, number, number][] };
      let loaf = 0;
      let own = 0;
      for (const [s, d, o] of w.__loafs) if (s + d >= a && s <= b && d > loaf) [loaf, own] = [d, o];
      return { loaf, own };
    },
    from,
    to,
  );
}

/** At most this many steps to scroll a page to its bottom (a step is at least a screen). */
const SCROLL_STEPS = 200;

interface ScrollThrough {
  from: number;
  to: number;
  steps: number;
  bare: number;
}

/** Scrolls the page to its bottom in steps (the probe's `__scrollThrough`) and reads the longest frame meanwhile. */
async function scrollThrough(page: Page): Promise<{ loaf: number; own: number; steps: number; bare: number }> {
  await page.bringToFront();
  const r = (await page.evaluate(`window.__scrollThrough(${SCROLL_STEPS})`)) as ScrollThrough;
  return { ...(await longestFrameIn(page, r.from, r.to)), steps: r.steps, bare: r.bare };
}

/** The page state's total (every mention found, as the popup counts them), asked of the tab from the service worker. */
async function pageTotal(app: Launched, url: string): Promise<number> {
  const target = await app.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const worker = (await target.worker())!;
  return worker.evaluate(async (u: string) => {
    type Api = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown, o: unknown): Promise<{ res?: { total: number } }> } };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    const reply = await api.tabs.sendMessage(tab!.id!, { id: 1, type: 'getPageState', data: undefined, timestamp: Date.now() }, { frameId: 0 });
    return reply?.res?.total ?? NaN;
  }, url);
}

/** Writes settings from the extension's service worker, stored the way the extension stores them. */
async function settingsFromWorker(app: Launched, patch: Partial<Settings>): Promise<void> {
  const target = await app.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  // patchSettings only calls `evaluate` on what it is given, which a worker has as a page does.
  await patchSettings((await target.worker()) as unknown as Page, patch);
}

async function runExtension(app: Launched, url: string, marks = false, toggle?: () => Promise<void>): Promise<Result> {
  const page = await app.newPage();
  await page.evaluateOnNewDocument(PROBE);
  // Main-thread CPU time: on a machine shared with other work it varies far less than wall time.
  const cdp = marks ? await page.createCDPSession() : null;
  await cdp?.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined, { timeout: 120_000, polling: 50 });
  let cpu = NaN;
  if (marks) {
    // The paced chunks are done when no mark has been inserted for 2 s (a chunk waits at most 200 ms for idle time).
    // Polled from here, one short call at a time: on a busy machine a 5 MB page can take minutes.
    for (const deadline = Date.now() + 900_000; ; await new Promise((ok) => setTimeout(ok, 500))) {
      const quiet = await page.evaluate(() => {
        const w = window as unknown as { __lastMark: number; __painted: number };
        const last = Number.isNaN(w.__lastMark) ? w.__painted : w.__lastMark;
        return performance.now() - last > 2000;
      });
      if (quiet) break;
      if (Date.now() > deadline) throw new Error(`marks still being written after 15 min on ${url}`);
    }
    const { metrics } = await cdp!.send('Performance.getMetrics');
    cpu = 1000 * (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN);
  }
  await new Promise((ok) => setTimeout(ok, 200)); // long-task entries are delivered asynchronously
  const r = await page.evaluate(() => {
    const w = window as unknown as { __painted: number; __longtasks: [number, number][]; __lastMark: number; __screenPainted?: number; __screenFirst?: number; __screenAtReady?: number };
    const start = performance.getEntriesByName('dossier:start')[0]?.startTime ?? NaN;
    const mark = performance.getEntriesByName('dossier:highlighted')[0] as PerformanceMark | undefined;
    const done = mark?.startTime ?? NaN;
    const detail = (mark?.detail ?? {}) as { longest?: number; busy?: number; quotes?: number; quotesBackground?: number; namesBuilt?: number };
    const longest = Math.max(0, ...w.__longtasks.filter(([s, d]) => s + d >= start).map(([, d]) => d));
    let found = document.querySelectorAll('[data-dossier-category]').length;
    const reg = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<unknown>> } }).CSS.highlights;
    if (reg) for (const [name, hl] of reg) if (name.startsWith('dossier-')) found += hl.size;
    const screen = (w.__screenPainted ?? w.__painted) - start;
    return { screen, screenFirst: w.__screenFirst ?? NaN, screenAtReady: w.__screenAtReady ?? NaN, script: done - start, painted: w.__painted - start, allMarks: w.__lastMark - start, longest, found, slice: detail.longest ?? NaN, busy: detail.busy ?? NaN, namesBuilt: detail.namesBuilt ?? NaN, quotes: detail.quotes ?? NaN, quotesBackground: detail.quotesBackground ?? NaN, start };
  });
  const first = await longestOwnFrame(page, r.start);
  let toggled = { loaf: NaN, own: NaN };
  let scrolled = { loaf: NaN, own: NaN, steps: NaN, bare: NaN };
  let total = NaN;
  if (toggle) {
    // Read now: the probe's frames end at the painted frame, the scroll-through below starts a new phase.
    total = await pageTotal(app, url);
    scrolled = await scrollThrough(page);
    const before = await page.evaluate(() => performance.now());
    await toggle();
    // Settled again: two frames after the settings applied and the page reports ready.
    await page.waitForFunction(() => document.documentElement.getAttribute('data-dossier') === 'ready', { timeout: 120_000, polling: 50 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
    toggled = await longestOwnFrame(page, before);
  }
  await page.close();
  return { ...r, cpu, loaf: first.loaf, loafOwn: first.own, toggleLoaf: toggled.loaf, toggleLoafOwn: toggled.own, scrollLoaf: scrolled.loaf, scrollLoafOwn: scrolled.own, scrollSteps: scrolled.steps, bareSteps: scrolled.bare, total };
}

async function runReference(app: Launched, url: string, kind: 'floor' | 'naive', pattern: { source: string; aliases: string[] }, markJs: string): Promise<Result> {
  const context = await app.browser.createBrowserContext();
  const page: Page = await context.newPage();
  await page.evaluateOnNewDocument(PROBE);
  await page.goto(url, { timeout: 120_000 });
  if (kind === 'naive') await page.addScriptTag({ content: markJs });
  // A string, not a function: tsx would inject its `__name` helper into a serialised function.
  const r = (await page.evaluate(`(${REFERENCE})(${JSON.stringify(kind)}, ${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.aliases)})`)) as Result;
  await context.close();
  return r;
}

/**
 * The floor as an extension's content script at `document_idle`, where Dossier's own content script starts: the same
 * walk and pattern as REFERENCE's floor, from the same point in the page's life. Run by the test after `goto`, the
 * floor starts once the page has been laid out and painted, so the first layout and paint of a long page, which any
 * content script started at `document_idle` waits for, would count against Dossier only.
 */
function writeFloorExtension(dir: string, source: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'Dossier bench floor',
    version: '1.0.0',
    // A service worker of its own: the launcher finds the extension by it.
    background: { service_worker: 'worker.js' },
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['floor.js'], run_at: 'document_idle' }],
  }));
  writeFileSync(join(dir, 'worker.js'), '');
  writeFileSync(join(dir, 'floor.js'), `(() => {
  performance.mark('floor:start');
  const t0 = performance.now();
  const re = new RegExp(${JSON.stringify(source)}, 'gu');
  // Compiled to machine code at once, as Dossier's matcher does (a first run on a long subject).
  re.exec(' '.repeat(1024));
  re.lastIndex = 0;
  let found = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.data;
    re.lastIndex = 0;
    while (re.exec(text) !== null) found++;
  }
  const script = performance.now() - t0;
  requestAnimationFrame(() => setTimeout(() => performance.mark('floor:painted', { detail: { script, found } }), 0));
})();`);
  return dir;
}

/** One load of `url` in the floor extension's browser: the floor's figures read from its marks, then a scroll-through. */
async function runFloorAtIdle(app: Launched, url: string): Promise<Result> {
  const page: Page = await app.newPage();
  await page.evaluateOnNewDocument(PROBE);
  await page.goto(url, { timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('floor:painted').length > 0, { polling: 20, timeout: 120_000 });
  await new Promise((r) => setTimeout(r, 100)); // long-task entries are delivered asynchronously
  const r = (await page.evaluate(`(() => {
    const start = performance.getEntriesByName('floor:start')[0].startTime;
    const end = performance.getEntriesByName('floor:painted')[0];
    const longest = Math.max(0, ...window.__longtasks.filter(([s, d]) => s + d >= start).map(([, d]) => d));
    return { script: end.detail.script, painted: end.startTime - start, longest, found: end.detail.found };
  })()`)) as Result;
  // The same scroll-through without Dossier: the frames the browser itself needs to paint the page as it scrolls.
  const scrolled = await scrollThrough(page);
  r.scrollLoaf = scrolled.loaf;
  r.scrollSteps = scrolled.steps;
  await page.close();
  return r;
}

/** The extension built with the direct split-and-wrap in place of the mark.js wrapper (Chromium), under `outDir`. */
async function buildDirectWrapExtension(outDir: string): Promise<string> {
  await build({
    root: ROOT,
    browser: 'chrome',
    outDir,
    // The build's own report goes to stderr: stdout is the benchmark's tables.
    logger: { debug() {}, log: console.error, info: console.error, warn: console.error, error: console.error, fatal: console.error, success: console.error, level: 3 },
    vite: () => ({ resolve: { alias: [{ find: /^\.\/marks-wrap$/, replacement: join(ROOT, 'scripts/lib/direct-wrap.ts') }] } }),
  });
  return join(outDir, 'chrome-mv3');
}

const FRAMES = 20;
const FRAME_RUNS = 5;
const EMPTY_FRAME = '<!doctype html><html><head><meta charset="utf-8"><title>ad</title></head><body></body></html>';
const framesPage = (n: number) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Frames</title></head><body><p>A page with ${n} empty frames, as an ad-heavy page has.</p>${'<iframe src="/empty.html" width="300" height="250"></iframe>'.repeat(n)}</body></html>`;

interface FrameCost {
  /** Main-thread script ms of the page and its same-site frames (CDP ScriptDuration). */
  script: number;
  /** JS heap in use after a garbage collection (bytes; isolated worlds share the page's heap). */
  heap: number;
}

/** One load of the frames page: the script time and heap once every frame has loaded and the page has gone quiet. */
async function frameCostOnce(page: Page, url: string): Promise<FrameCost> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  // Quiet: no script ran during the last 500 ms (Dossier's liveness check runs once a second and costs nothing).
  let last = -1;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((ok) => setTimeout(ok, 500))) {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const script = metrics.find((m) => m.name === 'ScriptDuration')!.value;
    if (script === last) break;
    last = script;
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  await cdp.detach();
  return { script: 1000 * value('ScriptDuration'), heap: value('JSHeapUsedSize') };
}

/** The frames page with the extension (the browser's default context) and without (a new context has no extensions), alternated. */
async function emptyFrameCost(app: Launched, url: string): Promise<{ with: FrameCost; without: FrameCost }> {
  const withRuns: FrameCost[] = [];
  const withoutRuns: FrameCost[] = [];
  for (let i = 0; i < FRAME_RUNS; i++) {
    const page = await app.newPage();
    withRuns.push(await frameCostOnce(page, url));
    await page.close();
    const context = await app.browser.createBrowserContext();
    const bare = await context.newPage();
    withoutRuns.push(await frameCostOnce(bare, url));
    await context.close();
  }
  const med = (rs: FrameCost[]): FrameCost => ({ script: median(rs.map((r) => r.script)), heap: median(rs.map((r) => r.heap)) });
  return { with: med(withRuns), without: med(withoutRuns) };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** What each build makes every frame load up front (its manifest content scripts and their CSS), and what it injects on demand. */
function bundleSizes() {
  return (['chrome-mv3', 'firefox-mv2'] as const).map((build) => {
    const dir = join(ROOT, '.output', build);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js?: string[]; css?: string[] }[] };
    const size = (file: string) => {
      const bytes = readFileSync(join(dir, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
    };
    const upFront = manifest.content_scripts.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]).map(size);
    return {
      build,
      upFront: { raw: upFront.reduce((n, s) => n + s.raw, 0), gzip: upFront.reduce((n, s) => n + s.gzip, 0) },
      onDemand: ['card.js', 'marks.js', 'reader-save.js'].map(size),
    };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function summarise(rs: Result[]): Result {
  const most = (key: 'scrollLoaf' | 'scrollLoafOwn' | 'scrollSteps' | 'bareSteps') => Math.max(...rs.map((r) => r[key] ?? NaN));
  return { scrollLoaf: most('scrollLoaf'), scrollLoafOwn: most('scrollLoafOwn'), scrollSteps: most('scrollSteps'), bareSteps: most('bareSteps'), total: median(rs.map((r) => r.total ?? NaN)), loaf: Math.max(...rs.map((r) => r.loaf ?? NaN)), loafOwn: Math.max(...rs.map((r) => r.loafOwn ?? NaN)), toggleLoaf: Math.max(...rs.map((r) => r.toggleLoaf ?? NaN)), toggleLoafOwn: Math.max(...rs.map((r) => r.toggleLoafOwn ?? NaN)), cpu: median(rs.map((r) => r.cpu ?? NaN)), screen: median(rs.map((r) => r.screen ?? r.painted)), screenFirst: Math.min(...rs.map((r) => r.screenFirst ?? NaN)), screenAtReady: Math.max(...rs.map((r) => r.screenAtReady ?? NaN)), allMarks: median(rs.map((r) => r.allMarks ?? NaN)), slice: Math.max(...rs.map((r) => r.slice ?? NaN)), busy: median(rs.map((r) => r.busy ?? NaN)), namesBuilt: median(rs.map((r) => r.namesBuilt ?? NaN)), quotes: median(rs.map((r) => r.quotes ?? NaN)), quotesBackground: median(rs.map((r) => r.quotesBackground ?? NaN)), quotesBackgroundFirst: Math.max(...rs.map((r) => r.quotesBackground ?? NaN)), script: median(rs.map((r) => r.script)), painted: median(rs.map((r) => r.painted)), longest: Math.max(...rs.map((r) => r.longest)), found: rs[0]!.found };
}

/** The candidate filter over a page's blocks (h2 and p texts, tags stripped), run in Node with the same matcher. */
function filterRow(label: string, html: string): string {
  const quotes = compileQuoteMatcher(dataset.quotes);
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const blocks = [...html.matchAll(/<(p|h2)>([\s\S]*?)<\/\1>/g)].map((m) => unescape(m[2]!.replace(/<[^>]+>/g, '')));
  let words = 0;
  let passed = 0;
  let windows = 0;
  let found = 0;
  const t0 = performance.now();
  for (const b of blocks) {
    const { matches, stats } = quotes.findWithStats(b);
    words += stats.words;
    windows += stats.candidateWindows;
    if (stats.candidateWindows > 0) passed++;
    found += matches.length;
  }
  const ms = performance.now() - t0;
  const pct = (n: number) => `${((100 * n) / blocks.length).toFixed(1)} %`;
  return `| ${label} | ${blocks.length} | ${words} | ${passed} (${pct(passed)}) | ${windows} | ${found} | ${ms.toFixed(0)} |`;
}

async function main() {
  const sentences = newsPageSentences(join(ROOT, 'assets/articles'));
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const random = seededRandom(42);
  const pages = new Map<string, string>();
  for (const size of SIZES) {
    const html = newsPage(sentences, size.bytes, random);
    pages.set(size.label, html);
    writeFileSync(join(dir, `${size.label.replace(' ', '')}.html`), html);
  }
  const pattern = combinedPattern();
  const markJs = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const site = await serve(dir);
  const directDir = ONLY_CSS || ONLY_FRAMES ? null : await buildDirectWrapExtension(join(dir, 'direct-wrap'));
  writeFileSync(join(dir, 'empty.html'), EMPTY_FRAME);
  writeFileSync(join(dir, 'frames.html'), framesPage(FRAMES));
  // The same page without its frames: what Dossier costs in the top frame, to take out of the per-frame figure.
  writeFileSync(join(dir, 'frames0.html'), framesPage(0));
  const app = await launch('chromium');
  const direct = directDir ? await launch('chromium', { extensionDir: directDir }) : null;
  const floorApp = await launch('chromium', { extensionDir: writeFloorExtension(join(dir, 'floor'), pattern.source) });
  const rows: { size: string; method: string; r: Result }[] = [];
  let frames: { with: FrameCost; without: FrameCost } | undefined;
  let topOnly: { with: FrameCost; without: FrameCost } | undefined;
  try {
    frames = await emptyFrameCost(app, site.url('/frames.html'));
    topOnly = await emptyFrameCost(app, site.url('/frames0.html'));
    if (direct) await setSettings(direct, { engine: 'marks', paused: false, categories: { people: true, organisations: true, regions: true, quotes: true } });
    for (const size of ONLY_FRAMES ? [] : SIZES) {
      const url = site.url(`/${size.label.replace(' ', '')}.html`);
      const floor = [];
      const afterRender = [];
      for (let i = 0; i < size.runs; i++) {
        floor.push(await runFloorAtIdle(floorApp, url));
        afterRender.push(await runReference(app, url, 'floor', pattern, markJs));
      }
      rows.push({ size: size.label, method: FLOOR, r: summarise(floor) });
      rows.push({ size: size.label, method: FLOOR_AFTER_RENDER, r: summarise(afterRender) });
      // "names only" is like for like with the floor (which counts names, not quotations); then all four categories.
      const variants = [
        { engine: 'css', quotes: false, label: 'Dossier, css engine, names only' },
        { engine: 'css', quotes: true, label: 'Dossier, css engine' },
      ] as const;
      for (const v of ONLY_MARKS ? [] : variants) {
        await setSettings(app, { engine: v.engine, paused: false, categories: { people: true, organisations: true, regions: true, quotes: v.quotes } });
        const rs = [];
        const categories = { people: true, organisations: true, regions: true, quotes: v.quotes };
        // Written from the service worker: a settings tab opened in front of the page would hide it (no frames).
        const toggle = async () => {
          await settingsFromWorker(app, { engine: v.engine, paused: false, categories: { ...categories, people: false } });
          await settingsFromWorker(app, { engine: v.engine, paused: false, categories });
        };
        for (let i = 0; i < size.runs; i++) rs.push(await runExtension(app, url, false, toggle));
        rows.push({ size: size.label, method: v.label, r: summarise(rs) });
      }
      if (ONLY_CSS) {
        process.stderr.write(`done ${size.label}\n`);
        continue;
      }
      // The marks engine with mark.js and with the direct wrap, alternating page loads.
      await setSettings(app, { engine: 'marks', paused: false, categories: { people: true, organisations: true, regions: true, quotes: true } });
      const withMarkJs = [];
      const withDirect = [];
      // More runs than the other rows: this ratio is the goal, and the paced chunks are sensitive to the machine.
      for (let i = 0; i < size.runs + (size.bytes <= 1_000_000 ? 2 : 0); i++) {
        withMarkJs.push(await runExtension(app, url, true));
        withDirect.push(await runExtension(direct!, url, true));
      }
      rows.push({ size: size.label, method: MARKS_MARKJS, r: summarise(withMarkJs) });
      rows.push({ size: size.label, method: MARKS_DIRECT, r: summarise(withDirect) });
      if (size.naive && !ONLY_MARKS && !ONLY_CSS) {
        const naive = [await runReference(app, url, 'naive', pattern, markJs)];
        rows.push({ size: size.label, method: 'naive mark.js mark(allAliases)', r: summarise(naive) });
      }
      process.stderr.write(`done ${size.label}\n`);
    }
  } finally {
    await app.close();
    await direct?.close();
    await floorApp.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
  console.log('| build | loaded up front by every frame (manifest content scripts and CSS): raw / gzip | on demand: raw / gzip |');
  console.log('|---|---:|---|');
  for (const s of bundleSizes()) console.log(`| ${s.build} | ${kb(s.upFront.raw)} / ${kb(s.upFront.gzip)} | ${s.onDemand.map((o) => `${o.file} ${kb(o.raw)} / ${kb(o.gzip)}`).join('; ')} |`);
  console.log('');
  if (frames) {
    const per = (a: number, b: number, d = 2) => ((a - b) / FRAMES).toFixed(d);
    console.log(`| one empty iframe (page of ${FRAMES}, median of ${FRAME_RUNS}) | script ms | JS heap KB |`);
    console.log('|---|---:|---:|');
    console.log(`| with Dossier − without, per iframe, the top frame's share included | ${per(frames.with.script, frames.without.script)} | ${per(frames.with.heap / 1024, frames.without.heap / 1024, 0)} |`);
    if (topOnly) {
      // The top frame's own cost (the same page without frames, with and without Dossier) taken out.
      const extra = (f: (c: FrameCost) => number) => f(frames!.with) - f(frames!.without) - (f(topOnly!.with) - f(topOnly!.without));
      console.log(`| with Dossier − without, per iframe, the top frame's share taken out (the page without its frames) | ${(extra((c) => c.script) / FRAMES).toFixed(2)} | ${(extra((c) => c.heap / 1024) / FRAMES).toFixed(0)} |`);
      console.log(`| the page without its frames: with / without Dossier | ${topOnly.with.script.toFixed(1)} / ${topOnly.without.script.toFixed(1)} | ${(topOnly.with.heap / 1024).toFixed(0)} / ${(topOnly.without.heap / 1024).toFixed(0)} |`);
    }
    console.log(`| page with Dossier | ${frames.with.script.toFixed(1)} | ${(frames.with.heap / 1024).toFixed(0)} |`);
    console.log(`| page without | ${frames.without.script.toFixed(1)} | ${(frames.without.heap / 1024).toFixed(0)} |`);
    console.log('');
  }
  console.log('Longest animation frame (ms) in each phase: highlighting = from dossier:start to 200 ms after the painted frame;');
  console.log(`scroll-through = the page scrolled to its bottom in at most ${SCROLL_STEPS} steps of at least a screen, one per frame`);
  console.log('(the floor row: the same pages scrolled without Dossier); toggle = people switched off and on again.');
  console.log('"bare screens": scroll steps whose screen showed no registered highlight in the frame that painted it.');
  console.log('');
  console.log('| page | method | highlighting | of it attributed to Dossier\'s script | scroll-through (steps) | of it attributed to Dossier\'s script | bare screens | category toggle |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const floorRow = row.method.startsWith('floor');
    if (!floorRow && !row.method.startsWith('Dossier, css')) continue;
    const r = row.r;
    console.log(`| ${row.size} | ${row.method.replace('Dossier, ', '')} | ${floorRow ? '–' : f(r.loaf!)} | ${floorRow ? '–' : f(r.loafOwn!)} | ${f(r.scrollLoaf!)} (${f(r.scrollSteps!)}) | ${floorRow ? '–' : f(r.scrollLoafOwn!)} | ${floorRow ? '–' : f(r.bareSteps!)} | ${floorRow ? '–' : f(r.toggleLoaf!)} |`);
  }
  console.log('');
  console.log('Known quotations: the page\'s main thread (asking the background, keeping and applying its answers) and its share');
  console.log('of Dossier\'s busy time there; the background\'s matcher for the same page, on the background\'s thread: the most of');
  console.log('one load (the first: the page\'s blocks not seen yet) and the median (later loads find them in its cache).');
  console.log('');
  console.log('| page | engine | quotations in the page ms | share of own busy time | matched in the background ms: most / median |');
  console.log('|---|---|---:|---:|---:|');
  for (const row of rows) {
    if (!row.method.startsWith('Dossier') || row.r.quotes === undefined) continue;
    console.log(`| ${row.size} | ${row.method.replace('Dossier, ', '')} | ${f(row.r.quotes)} | ${((100 * row.r.quotes) / row.r.busy!).toFixed(0)} % | ${f(row.r.quotesBackgroundFirst!)} / ${f(row.r.quotesBackground!)} |`);
  }
  console.log('');
  console.log('| page | blocks | words | blocks with a candidate window | windows aligned | quotations found | Node ms (same blocks) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const size of SIZES) console.log(filterRow(size.label, pages.get(size.label)!));
  console.log('');
  console.log('| page | marks engine | to ready ms | to all marks ms | all marks: × direct wrap | main-thread CPU to all marks ms | CPU: × direct wrap | own slices: busy ms / longest ms | longest task ms | marks |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of ONLY_CSS || ONLY_FRAMES ? [] : SIZES) {
    const a = rows.find((r) => r.size === size.label && r.method === MARKS_MARKJS)!.r;
    const b = rows.find((r) => r.size === size.label && r.method === MARKS_DIRECT)!.r;
    for (const [label, r] of [['mark.js (shipped)', a], ['direct wrap (reference)', b]] as const) {
      console.log(`| ${size.label} | ${label} | ${f(r.script)} | ${f(r.allMarks!)} | ${(r.allMarks! / b.allMarks!).toFixed(2)}× | ${f(r.cpu!)} | ${(r.cpu! / b.cpu!).toFixed(2)}× | ${f(r.busy!)} / ${f(r.slice!)} | ${f(r.longest)} | ${r.found} |`);
    }
  }
  console.log('');
  console.log('to screen = from dossier:start (the floor: from its own start) to the first frame with highlights registered, the screen\'s');
  console.log('highlights among them (the css engine registers what the reader sees once the walk is past it, the rest when every');
  console.log('mention is found); "on screen" = registered ranges on the screen in that frame / once the page is ready (equal: the');
  console.log('first painted screen was already complete). to all found = to the frame after every mention on the page is found (the');
  console.log('popup\'s count is final) and the band near the viewport registered. "mentions found" is the page state\'s total (the floor:');
  console.log('its own count); "registered" = ranges in CSS.highlights at that frame. × floor: the ratio to the floor\'s own time.');
  console.log('"names matcher built" = the page\'s main thread building its names matcher from the background\'s plan, before');
  console.log('the first slice and so not in "own slices" (the regular expressions\' machine code is compiled in the first slice).');
  console.log('');
  console.log('| page | method | to screen ms | × floor | on screen: first / ready | to all found ms | × floor | to highlighted ms | own slices: busy ms / longest ms | names matcher built ms | longest task ms | mentions found | registered |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const floor = rows.find((r) => r.size === row.size && r.method === FLOOR)!.r;
    const floorRow = row.method === FLOOR || row.method === FLOOR_AFTER_RENDER;
    const found = floorRow || !Number.isFinite(row.r.total) ? row.r.found : row.r.total!;
    const screen = floorRow ? row.r.painted : row.r.screen!;
    console.log(`| ${row.size} | ${row.method} | ${f(screen)} | ${(screen / floor.painted).toFixed(2)}× | ${floorRow ? '–' : `${f(row.r.screenFirst!)} / ${f(row.r.screenAtReady!)}`} | ${f(row.r.painted)} | ${(row.r.painted / floor.painted).toFixed(2)}× | ${f(row.r.script)} | ${row.r.busy === undefined ? '–' : `${f(row.r.busy)} / ${f(row.r.slice!)}`} | ${row.r.namesBuilt === undefined ? '–' : f(row.r.namesBuilt)} | ${f(row.r.longest)} | ${f(found)} | ${floorRow ? '–' : row.r.found} |`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
