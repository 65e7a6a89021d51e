/**
 * `npm run demo`: serves the demo news site (the five bundled articles) on 127.0.0.1 and opens Chromium with the
 * built extension loaded on it. With a display and without `--headless`, a window opens and stays until Ctrl+C.
 * Headless (no display, or `--headless`): visits every article, prints what Dossier found on each page, and writes
 * screenshots of a highlighted page, an open popover and the popup to a folder it names. Then the reader's own
 * dossier: it selects a sentence of the Reuters article, saves it to Dmitry Peskov through the real save flow (the
 * context-menu click as Chromium delivers it to the background, then the dialog, by keyboard), opens a second page
 * that quotes the sentence reworded, and screenshots the card that recognises it ("You saved this on …").
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { loadDemoArticles } from './lib/demo-site';
import { launch, serve, waitInPage, type Launched, type Served } from '../tests/e2e/harness';
import { waitInCard } from '../tests/e2e/lib/card';
import { hoverCard } from '../tests/e2e/lib/firefox-pages';
import { clickAddToDossier, selectText, waitForDialog } from '../tests/e2e/lib/reader-dossier';

/** The sentence the demo saves (verbatim in assets/articles/000_78f937a108842e39.txt) and where. */
const SAVED = { article: '/articles/000_78f937a108842e39.html', sentence: 'Peskov also said no call between Putin and Zelenskiy was being discussed.' };
/** A second page that quotes it reworded ("that", "at present" added): tests/fixtures/pages. */
const QUOTING_PAGE = '/reader-dossier-reworded.html';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const outArg = args.find((a) => a.startsWith('--out='));
const outDir = resolve(outArg ? outArg.slice('--out='.length) : '.demo-output');

/** What the page shows highlighted, read from the page-side contract (CSS highlights or marks). */
interface Found {
  engine: 'css' | 'marks' | 'none';
  byCategory: Record<string, number>;
  entities: { text: string; category: string; count: number }[];
}

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(...)`; functions sent to the page
 * through `page.evaluate` then need that helper there too.
 */
async function newPage(app: Launched): Promise<Page> {
  const page = await app.newPage();
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f');
  return page;
}

async function readHighlights(page: Page): Promise<Found> {
  return page.evaluate(() => {
    const byCategory: Record<string, number> = {};
    const entities = new Map<string, { text: string; category: string; count: number }>();
    const add = (category: string, text: string) => {
      byCategory[category] = (byCategory[category] ?? 0) + 1;
      const key = `${category}:${text}`;
      const e = entities.get(key) ?? { text, category, count: 0 };
      e.count++;
      entities.set(key, e);
    };
    let engine: 'css' | 'marks' | 'none' = 'none';
    const marks = document.querySelectorAll<HTMLElement>('[data-dossier-category]');
    if (marks.length) {
      engine = 'marks';
      marks.forEach((m) => add(m.dataset.dossierCategory ?? '?', m.textContent ?? ''));
    } else if ('highlights' in CSS) {
      for (const [name, hl] of CSS.highlights as unknown as Map<string, Set<Range>>) {
        if (!name.startsWith('dossier-')) continue;
        engine = 'css';
        for (const r of hl) {
          // The css engine registers StaticRanges (cheaper); read their text through a live Range.
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          add(name.slice('dossier-'.length), live.toString());
        }
      }
    }
    return { engine, byCategory, entities: [...entities.values()].sort((a, b) => b.count - a.count) };
  });
}

async function settle(page: Page): Promise<Found> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const found = await readHighlights(page);
    const sig = JSON.stringify(found.byCategory);
    if (found.engine !== 'none' && sig === last) return found;
    last = sig;
    await new Promise((r) => setTimeout(r, 150));
  }
  return readHighlights(page);
}

async function popupFor(app: Launched, page: Page): Promise<Page> {
  const popup = await newPage(app);
  await popup.setViewport({ width: 400, height: 600 });
  await popup.goto(app.extensionUrl('/popup.html'));
  const url = page.url();
  const tabId = await popup.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  await popup.goto(app.extensionUrl(`/popup.html?tabId=${tabId}`));
  await new Promise((r) => setTimeout(r, 800));
  return popup;
}

async function hoverFirstMention(page: Page): Promise<boolean> {
  const point = await page.evaluate(() => {
    const el = document.querySelector('[data-dossier-category]');
    let rect: DOMRect | undefined = el?.getBoundingClientRect();
    if (!rect && 'highlights' in CSS) {
      const hl = (CSS.highlights as unknown as Map<string, Set<Range>>).get('dossier-people');
      const first = hl ? [...hl][0] : undefined;
      if (first) {
        first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const live = document.createRange();
        live.setStart(first.startContainer, first.startOffset);
        live.setEnd(first.endContainer, first.endOffset);
        rect = live.getClientRects()[0];
      }
    }
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  });
  if (!point) return false;
  await page.mouse.move(point.x, point.y);
  await new Promise((r) => setTimeout(r, 900));
  return true;
}

/**
 * Saves SAVED.sentence to Dmitry Peskov as the reader would, then opens QUOTING_PAGE and hovers the quotation:
 * the card says "You saved this on <site>, <date>" and marks the page's words that differ. Returns what it printed.
 */
async function showSavedQuote(app: Launched, site: Served): Promise<string> {
  const page = await newPage(app);
  await page.setViewport({ width: 1000, height: 700 });
  await page.goto(site.url(SAVED.article), { waitUntil: 'load' });
  await settle(page);
  await page.bringToFront();
  await selectText(page, SAVED.sentence);
  await clickAddToDossier(app, site.url(SAVED.article), SAVED.sentence);
  await waitForDialog(page);
  await page.keyboard.type('Peskov');
  await page.keyboard.press('Enter'); // the first match, Dmitry Peskov; the kind is Quote
  await page.keyboard.press('Tab'); // the note
  await page.keyboard.type('Reuters, Monday');
  await page.keyboard.press('Tab'); // Save
  await page.keyboard.press('Enter');
  // The dialog closes itself once the background has stored the item.
  await waitInPage(page, () => document.querySelector('dossier-save-dialog') === null, 15_000);
  await page.close();

  const quoting = await newPage(app);
  await quoting.setViewport({ width: 1000, height: 620 });
  await quoting.goto(site.url(QUOTING_PAGE), { waitUntil: 'load' });
  await quoting.bringToFront();
  const card = await hoverCard(quoting, 'discussed', { label: 'Dossier: Your saved quotation' });
  // The saved part (site, date, the saved wording) is drawn from storage into a closed root: wait until it has a height.
  await waitInCard(quoting, (root) => ((root.querySelector<HTMLElement>('.dp-saved-quote')?.offsetHeight ?? 0) > 0 ? true : null));
  await quoting.screenshot({ path: resolve(outDir, 'saved-quote.png') });
  await quoting.close();
  return card.label.replace(/^Dossier: /, '');
}

async function main() {
  const site = await serve();
  const app = await launch('chromium', { headless });
  const articles = loadDemoArticles();
  console.log(`Demo news site: ${site.url('/')}`);
  if (!headless) {
    const page = await app.newPage();
    await page.goto(site.url('/'));
    console.log('Chromium is open with Dossier loaded. Hover a highlighted name; the toolbar button opens the popup. Ctrl+C to stop.');
    await new Promise<void>((resolveStop) => {
      process.on('SIGINT', () => resolveStop());
      app.browser.on('disconnected', () => resolveStop());
    });
    await app.close();
    await site.close();
    return;
  }
  mkdirSync(outDir, { recursive: true });
  let total = 0;
  try {
    for (const [i, article] of articles.entries()) {
      const page = await newPage(app);
      await page.goto(site.url(article.path), { waitUntil: 'load' });
      const found = await settle(page);
      const count = Object.values(found.byCategory).reduce((a, b) => a + b, 0);
      total += count;
      console.log(`\n${article.file} — "${article.title}"`);
      console.log(`  ${count} mentions (${found.engine} engine): ${Object.entries(found.byCategory).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
      const top = found.entities.slice(0, 12).map((e) => `${e.text}×${e.count}`);
      if (top.length) console.log(`  ${top.join(', ')}`);
      if (i === 0) {
        await page.screenshot({ path: resolve(outDir, 'page-highlighted.png') });
        if (await hoverFirstMention(page)) await page.screenshot({ path: resolve(outDir, 'popover.png') });
        const popup = await popupFor(app, page);
        await popup.screenshot({ path: resolve(outDir, 'popup.png') });
        await popup.close();
      }
      await page.close();
    }
    const title = await showSavedQuote(app, site);
    console.log(`\nYour dossier: saved “${SAVED.sentence}” from ${SAVED.article} to Dmitry Peskov; ${QUOTING_PAGE} quotes it reworded, and its card, “${title}”, says where and when you saved it and marks the page’s added word.`);
  } finally {
    await app.close();
    await site.close();
  }
  console.log(`\n${total} mentions on ${articles.length} pages. Screenshots in ${outDir}: page-highlighted.png, popover.png, popup.png, saved-quote.png`);
  if (total === 0) {
    console.error('demo: the extension highlighted nothing');
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
