/**
 * `npm run bench:hostile`: what a page working against Dossier costs it, in real Chromium with the built extension,
 * side by side with the same page in a browser context without the extension (an incognito context of the same
 * browser: extensions are off there). The page is tests/fixtures/pages/hostile-freeze.html, one attack at a time:
 * a mutation storm, pushState every frame, one huge text node, a deep DOM with mutations. For each: the longest
 * main-thread task and the longest animation frame from the page's navigation on (PerformanceObserver), the frames
 * the page's own loop got during the attack, and, with Dossier, its own slices (count / longest). Prints a table;
 * figures vary from run to run on a shared machine, ratios side by side hold better.
 * HOSTILE=spans,huge runs only those attacks.
 */
import type { Page } from 'puppeteer-core';
import { launch, serve, FIXTURES_DIR } from '../tests/e2e/harness';
import { tabIdOf, waitReady } from '../tests/e2e/lib/page-helpers';
import { COUNTERS, dossierWorld, type Counters } from '../tests/e2e/lib/isolated-world';

const ATTACKS = [
  { name: 'spans', query: 'attack=spans&n=2000&rewrite=50&ms=3000', what: '2 000 spans appended and 50 rewritten per frame, 3 s' },
  { name: 'pushstate', query: 'attack=pushstate&paras=3000&ms=3000', what: 'pushState every frame on a 3 000-paragraph page, 3 s' },
  { name: 'huge', query: 'attack=huge&mb=5&every=1000', what: 'one 5 MB text node, a mention per KB' },
  { name: 'huge20', query: 'attack=huge&mb=20&every=1000', what: 'one 20 MB text node, a mention per KB' },
  { name: 'deep', query: 'attack=deep&depth=10000&n=999&ms=2000', what: '10 000 levels, 999 nodes per frame, 2 s' },
].filter((a) => !process.env.HOSTILE || process.env.HOSTILE.split(',').includes(a.name));

interface Figures {
  /** With Dossier: the slowest answer to a page-state request sent every 250 ms during the attack, as an open popup did. */
  slowestState?: number;
  longestTask: number;
  longestFrame: number;
  frames: number;
  slices?: number;
  longestSlice?: number;
}

const OBSERVE = () => {
  const w = window as unknown as { __long: { task: number; frame: number } };
  w.__long = { task: 0, frame: 0 };
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.task = Math.max(w.__long.task, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.frame = Math.max(w.__long.frame, e.duration);
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // An entry type this browser does not have: that column stays 0.
  }
};

/** The tab's page state asked from an extension page; its round trip in ms. */
async function askState(ext: Page, tabId: number): Promise<number> {
  return ext.evaluate(async (id: number) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown, o: unknown): Promise<unknown> } } }).chrome;
    const t0 = performance.now();
    await chrome.tabs.sendMessage(id, { id: 1, type: 'getPageState', data: undefined, timestamp: Date.now() }, { frameId: 0 });
    return performance.now() - t0;
  }, tabId);
}

async function run(page: Page, url: string, withDossier: boolean, extensionId: string, ext: Page | null): Promise<Figures> {
  await page.evaluateOnNewDocument(OBSERVE);
  await page.goto(url, { timeout: 180_000 });
  if (withDossier) await waitReady(page, 180_000);
  const tabId = ext ? await tabIdOf(ext, page.url()) : 0;
  const hasLoop = await page.evaluate(() => {
    const w = window as unknown as { __attack: { attack: string }; __startAttack(): void };
    if (w.__attack.attack === 'huge') return false;
    w.__startAttack();
    return true;
  });
  let slowestState: number | undefined;
  if (hasLoop && ext) {
    slowestState = 0;
    while (!(await page.evaluate(() => (window as unknown as { __attack: { done: boolean } }).__attack.done))) {
      slowestState = Math.max(slowestState, await askState(ext, tabId));
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  if (hasLoop) await page.waitForFunction(() => (window as unknown as { __attack: { done: boolean } }).__attack.done, { timeout: 180_000, polling: 100 });
  // Dossier catches up after the attack: its work counts too.
  if (withDossier) await waitReady(page, 180_000);
  // Two frames, so the long-task and long-frame entries of the last work are delivered.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const f: Figures = await page.evaluate(() => {
    const w = window as unknown as { __long: { task: number; frame: number }; __attack: { frames: number } };
    return { longestTask: w.__long.task, longestFrame: w.__long.frame, frames: w.__attack.frames };
  });
  if (!withDossier) return f;
  f.slowestState = slowestState;
  const world = await dossierWorld(page, extensionId);
  try {
    const c = await world.value<Counters>(COUNTERS);
    return { ...f, slices: c.slices, longestSlice: c.longest };
  } catch {
    // A build without the bench hook (an older Dossier measured for comparison).
    return f;
  } finally {
    await world.close();
  }
}

async function main() {
  const site = await serve(FIXTURES_DIR);
  const app = await launch('chromium');
  const plain = await app.browser.createBrowserContext();
  const rows: string[] = [];
  const ext = await app.newPage();
  await ext.goto(app.extensionUrl('/popup.html'));
  try {
    for (const attack of ATTACKS) {
      const url = site.url(`/hostile-freeze.html?${attack.query}`);
      const p0 = await plain.newPage();
      const without = await run(p0, url, false, app.extensionId, null);
      await p0.close();
      const p1 = await app.newPage();
      const withD = await run(p1, url, true, app.extensionId, ext);
      await p1.close();
      const ms = (n: number) => n.toFixed(0);
      rows.push(
        `| ${attack.what} | ${ms(without.longestTask)} / ${ms(without.longestFrame)} / ${without.frames} | ` +
          `${ms(withD.longestTask)} / ${ms(withD.longestFrame)} / ${withD.frames} | ` +
          `${(withD.longestTask / Math.max(1, without.longestTask)).toFixed(1)}× | ${withD.slowestState === undefined ? '–' : ms(withD.slowestState)} | ` +
          `${withD.slices ?? '–'} / ${withD.longestSlice?.toFixed(1) ?? '–'} |`,
      );
      process.stderr.write(`done ${attack.name}\n`);
    }
  } finally {
    await app.close();
    await site.close();
  }
  console.log('| attack | without Dossier: longest task ms / longest frame ms / page frames | with Dossier: the same | longest task, with ÷ without | slowest state request ms | Dossier slices: count / longest ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
