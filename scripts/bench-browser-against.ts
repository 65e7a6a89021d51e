/**
 * Highlighting in real Chromium against the extension of an earlier commit, side by side: what `npm run bench:browser`
 * cannot say, since its references (a bare walk, mark.js) do not change with the code.
 *
 *   npm run bench:browser:against -- <git ref>
 *
 * The earlier commit is checked out in a temporary worktree and built there (with this checkout's node_modules); each
 * build runs in its own Chromium, and the same generated news pages are loaded in both, alternated load by load, with
 * the settings written by each commit's own test helper (css engine; names only, then with known quotations, or one of
 * them with BENCH_QUOTES=off|on). BENCH_SIZES=100KB,1MB picks pages; BENCH_LOADS the loads per build and page (9).
 *
 * Per load:
 *  - Dossier's time on the page's main thread: a CPU profile of the load (100 µs samples), counting the samples with
 *    any of the extension's scripts on the stack, until the frame after the page reports ready. It counts whatever
 *    Dossier runs there, however a commit splits its work (building its matcher before its first slice or not), and
 *    the browser calls it makes (the walk, ranges, highlights); not garbage collection, and not the background's work;
 *  - Dossier's own slices and the names matcher's build, as the extension reports them (`detail.busy`,
 *    `detail.namesBuilt`; "–" where a commit does not report it);
 *  - every mention found, from the navigation's start (`dossier:highlighted`), and the frame painted after it;
 *  - the page's main thread in all, processor time (CDP `TaskDuration` in thread ticks): the page's own parsing, layout
 *    and paint with Dossier's work in them.
 * Prints the medians and the ratios now / then. Writes nothing else; the worktree is removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { launch, serve, type Launched } from '../tests/e2e/harness';
import { median, seededRandom } from './lib/bench-utils';
import { newsPage, newsPageSentences } from './lib/news-page';

const ROOT = resolve(import.meta.dirname, '..');
const ALL_SIZES = [
  { label: '100 KB', bytes: 100_000 },
  { label: '1 MB', bytes: 1_000_000 },
  { label: '5 MB', bytes: 5_000_000 },
];
const SIZES = process.env.BENCH_SIZES ? ALL_SIZES.filter((s) => process.env.BENCH_SIZES!.split(',').includes(s.label.replace(' ', ''))) : ALL_SIZES;
const LOADS = Number(process.env.BENCH_LOADS ?? 9);
const QUOTES = process.env.BENCH_QUOTES === 'on' ? [true] : process.env.BENCH_QUOTES === 'off' ? [false] : [false, true];
/** The CPU profile's sampling interval, µs. */
const SAMPLE_US = 100;

/** Marks the frame painted after the page reports ready (`data-dossier="ready"`, set by every commit since the first). */
const PROBE = `(() => {
  const w = window;
  new MutationObserver(() => {
    if (document.documentElement.getAttribute('data-dossier') !== 'ready' || w.__painted !== undefined) return;
    w.__painted = -1;
    requestAnimationFrame(() => setTimeout(() => { w.__painted = performance.now(); }, 0));
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-dossier'] });
})();`;

interface Load {
  /** Dossier's main-thread ms by the profile. */
  own: number;
  /** `detail.busy`, `detail.namesBuilt` (NaN where not reported). */
  slices: number;
  built: number;
  /** From the navigation's start: every mention found; the frame after it. */
  found: number;
  painted: number;
  /** The page's main thread, processor ms. */
  task: number;
}

type SetSettings = (app: Launched, settings: object) => Promise<void>;

/** The settings writer of the source tree at `root` (its end-to-end tests' own, so it writes that commit's format). */
async function settingsWriterAt(root: string): Promise<SetSettings> {
  const path = join(root, 'tests/e2e/highlight-page.ts');
  if (!existsSync(path)) throw new Error(`${path} is missing: this commit has no settings helper to drive it with`);
  const module = (await import(pathToFileURL(path).href)) as { setSettings?: SetSettings };
  if (typeof module.setSettings !== 'function') throw new Error(`${path} exports no setSettings`);
  return module.setSettings;
}

/** The ms of the profile's samples with a frame of the extension (`chrome-extension://`) on the stack. */
function extensionMs(profile: { nodes: { id: number; callFrame: { url: string }; children?: number[] }[]; samples?: number[]; timeDeltas?: number[] }): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const own = new Map<number, boolean>();
  const url = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url]));
  const isOwn = (id: number): boolean => {
    const known = own.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const result = url.get(id)!.startsWith('chrome-extension://') || (up !== undefined && isOwn(up));
    own.set(id, result);
    return result;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  // A sample's delta is the time since the sample before it: the time spent up to it, in the stack it shows.
  for (let i = 1; i < samples.length; i++) if (isOwn(samples[i]!)) us += deltas[i] ?? 0;
  return us / 1000;
}

async function loadOnce(app: Launched, url: string): Promise<Load> {
  const page: Page = await app.newPage();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
    await page.evaluateOnNewDocument(PROBE);
    await cdp.send('Profiler.start');
    await page.goto(url, { timeout: 180_000 });
    await page.waitForFunction(() => ((window as unknown as { __painted?: number }).__painted ?? -1) > 0, { timeout: 180_000, polling: 50 });
    const { profile } = await cdp.send('Profiler.stop');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const r = await page.evaluate(() => {
      const mark = performance.getEntriesByName('dossier:highlighted')[0] as PerformanceMark | undefined;
      const detail = (mark?.detail ?? {}) as { busy?: number; namesBuilt?: number };
      return { found: mark?.startTime ?? NaN, painted: (window as unknown as { __painted: number }).__painted, slices: detail.busy ?? NaN, built: detail.namesBuilt ?? NaN };
    });
    return { ...r, own: extensionMs(profile), task: 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) };
  } finally {
    await page.close();
  }
}

const FIGURES: { key: keyof Load; label: string }[] = [
  { key: 'own', label: "Dossier on the page's main thread (profiled) ms" },
  { key: 'slices', label: "Dossier's own slices ms" },
  { key: 'built', label: 'names matcher built ms' },
  { key: 'found', label: 'every mention found, from the navigation ms' },
  { key: 'painted', label: 'painted after it, from the navigation ms' },
  { key: 'task', label: "the page's main thread in all, processor ms" },
];

async function main(): Promise<void> {
  const ref = process.argv[2];
  if (!ref) {
    console.error('usage: npm run bench:browser:against -- <git ref>');
    process.exit(2);
  }
  const now = join(ROOT, '.output/chrome-mv3');
  if (!existsSync(join(now, 'manifest.json'))) throw new Error('no Chromium build in .output/chrome-mv3: run `npm run build` first');
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new Error(`bench:browser:against: no commit "${ref}" in this repository`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-against-'));
  const tree = join(dir, commit);
  const opened: { close(): Promise<void> }[] = [];
  try {
    execFileSync('git', ['worktree', 'add', '--detach', '--quiet', tree, commit], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    process.stderr.write(`building ${commit}…\n`);
    // The build's own report goes to stderr: stdout is the benchmark's tables.
    execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: tree, stdio: ['ignore', process.stderr, process.stderr] });
    const then = join(tree, '.output/chrome-mv3');
    const sentences = newsPageSentences(join(ROOT, 'assets/articles'));
    const random = seededRandom(42);
    // Generated in order from one seed, as `bench:browser` does, so the pages are its pages.
    for (const size of ALL_SIZES) {
      const html = newsPage(sentences, size.bytes, random);
      if (SIZES.includes(size)) writeFileSync(join(dir, `${size.label.replace(' ', '')}.html`), html);
    }
    const site = await serve(dir);
    opened.push(site);
    const apps = { then: await launch('chromium', { extensionDir: then }), now: await launch('chromium', { extensionDir: now }) };
    opened.push(apps.then, apps.now);
    const writers = { then: await settingsWriterAt(tree), now: await settingsWriterAt(ROOT) };
    console.log(`Dossier now against ${commit} in Chromium, the same pages, css engine, ${LOADS} loads of each build alternated, medians.\n`);
    for (const quotes of QUOTES) {
      const settings = { engine: 'css', paused: false, categories: { people: true, organisations: true, regions: true, quotes } };
      await writers.then(apps.then, settings);
      await writers.now(apps.now, settings);
      console.log(`### ${quotes ? 'With known quotations (the default)' : 'Names only'}\n`);
      console.log(`| page | figure | ${commit} | now | now / ${commit} |`);
      console.log('|---|---|---:|---:|---:|');
      for (const size of SIZES) {
        const url = site.url(`/${size.label.replace(' ', '')}.html`);
        const loads = { then: [] as Load[], now: [] as Load[] };
        // One load of each first, not counted: the browsers' own first-load work (caches, the service worker's start).
        await loadOnce(apps.then, url);
        await loadOnce(apps.now, url);
        for (let i = 0; i < LOADS; i++) {
          loads.then.push(await loadOnce(apps.then, url));
          loads.now.push(await loadOnce(apps.now, url));
        }
        for (const { key, label } of FIGURES) {
          const a = median(loads.then.map((l) => l[key]));
          const b = median(loads.now.map((l) => l[key]));
          const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
          console.log(`| ${size.label} | ${label} | ${f(a)} | ${f(b)} | ${Number.isFinite(a) && Number.isFinite(b) ? `${(b / a).toFixed(2)}×` : '–'} |`);
        }
        process.stderr.write(`done ${size.label}${quotes ? ', with quotations' : ', names only'}\n`);
      }
      console.log('');
    }
  } finally {
    for (const o of opened.reverse()) await o.close().catch(() => {});
    if (existsSync(tree)) execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
