/**
 * The pages the popover tests (and `npm run screenshots`) open: one short news article, plain, in a dark page and
 * in a page that restyles every element it can reach; and a pointer that opens a card the way a reader does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { serve, waitInPage, type Served } from '../harness';
import { inCard, waitInCard } from './card';

// Sentences from the bundled Reuters article (000_…): an actor with a verbatim quote, and Donbas with its 90% figure.
const ARTICLE = `
<p>Kremlin spokesman Dmitry Peskov said Russian President Vladimir Putin and U.S. President Donald Trump, who spoke on
Sunday ahead of Trump’s meeting in Miami with Ukrainian President Volodymyr Zelenskiy, were expected to hold another call soon.</p>
<p>Russia currently controls around one-fifth of Ukraine, including Crimea, which it annexed in 2014, about 90% of Donbas,
roughly three-quarters of the Zaporizhzhia and Kherson regions, according to Russian estimates.</p>
<p>“We are talking about the withdrawal of the regime’s armed forces from the Donbas,” Peskov said.</p>`;

const page = (title: string, head: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>` +
  `<body><main><article><h1>${title}</h1>${ARTICLE}</article></main></body></html>`;

// A page that does everything a careless or hostile site does to elements it does not own.
const HOSTILE_CSS = `<style>
  html { font-size: 40px !important; }
  * { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; line-height: 3 !important;
      letter-spacing: 4px !important; text-transform: uppercase !important; box-sizing: content-box !important; }
  div, section, header, footer, p, h2, h3, ul, li, blockquote, figure, a, button, span {
      all: unset !important; display: inline !important; font-size: 9px !important; border: 5px dotted red !important; }
  body > :not(main) { display: none !important; opacity: 0 !important; visibility: hidden !important; }
  body { background: #fff !important; }
  main { position: relative; z-index: 2147483647; transform: translateZ(0); }
</style>`;

const KEY_STYLES = ['font-family', 'font-size', 'line-height', 'color', 'background-color', 'border-top-width', 'border-top-style',
  'padding-top', 'padding-left', 'width', 'display', 'letter-spacing', 'text-transform'] as const;

/** Computed styles of the card's key elements, read from inside the shadow root. */
export async function cardStyles(p: Page) {
  return inCard(p, (root, props: string[]) => {
    const out: Record<string, Record<string, string>> = {};
    for (const sel of ['.dp-card', '.dp-title', '.dp-subtitle', '.dp-section-title', '.dp-foot', '.dp-source', '.dp-button']) {
      const el = root.querySelector(sel);
      if (!el) continue;
      const cs = getComputedStyle(el);
      out[sel] = Object.fromEntries(props.map((k) => [k, cs.getPropertyValue(k)]));
    }
    return out;
  }, [...KEY_STYLES]);
}

/** Moves the pointer onto the first occurrence of `word` in the page text (retrying while the page is scanned). */
/** Moves the pointer onto the `nth` occurrence of `word` on the page, as a reader does. */
export async function hover(p: Page, word: string, nth = 0) {
  const box = await p.evaluate(
    (w: string, n: number) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let at = node.textContent!.indexOf(w);
        while (at >= 0) {
          if (seen++ === n) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + w.length);
            range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
          at = node.textContent!.indexOf(w, at + 1);
        }
      }
      return null;
    },
    word,
    nth,
  );
  if (!box) throw new Error(`"${word}" not on the page`);
  await p.mouse.move(box.x - 40, box.y + 60);
  await p.mouse.move(box.x, box.y, { steps: 4 });
}

/** Hovers `word` until the popover titled `name` is open; returns the dialog's text. */
export async function openCard(p: Page, word: string, name: string, nth = 0): Promise<string> {
  await waitInPage(p, () => document.documentElement.hasAttribute('data-dossier'));
  for (let attempt = 0; attempt < 10; attempt++) {
    await hover(p, word, nth);
    const text = await waitInCard(
      p,
      (root, title) => {
        const d = root.querySelector<HTMLElement>(`[role="dialog"]`);
        return d?.querySelector('.dp-title')?.textContent === title && d.innerText;
      },
      1500,
      name,
    ).catch(() => null);
    if (text) return text;
  }
  throw new Error(`no popover for ${name} after hovering "${word}"`);
}

// A page that paints its own background in both colour schemes, so its text contrast holds in either.
const THEMED_CSS = `<meta name="color-scheme" content="light dark"><style>
  body { background: #fff; color: #1b1d22; }
  @media (prefers-color-scheme: dark) { body { background: #121316; color: #e6e8ec; } }
</style>`;

/** Writes plain.html, hostile.html, dark.html and themed.html into `dir` (served by `serve(dir)`). */
export function writePopoverPages(dir: string): void {
  writeFileSync(join(dir, 'plain.html'), page('Plain page', '<meta name="color-scheme" content="light dark">'));
  writeFileSync(join(dir, 'hostile.html'), page('Hostile page', HOSTILE_CSS));
  writeFileSync(join(dir, 'dark.html'), page('Dark page', '<style>body{background:#111;color:#ddd}</style>'));
  writeFileSync(join(dir, 'themed.html'), page('Themed page', THEMED_CSS));
}

/** The popover pages written to a temporary folder and served (pass to `launchWithSite`); closing it removes the folder. */
export async function servePopoverPages(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-popover-'));
  writePopoverPages(dir);
  const site = await serve(dir);
  return {
    ...site,
    close: async () => {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the open card's box is the same on two animation frames in a row (Floating UI has placed it). */
export async function waitForStillCard(p: Page): Promise<void> {
  await waitInCard(
    p,
    (root) =>
      new Promise<boolean>((done) => {
        const card = root.querySelector('.dp-card');
        if (!card) return done(false);
        const box = JSON.stringify(card.getBoundingClientRect());
        requestAnimationFrame(() => requestAnimationFrame(() => done(JSON.stringify(card.getBoundingClientRect()) === box)));
      }),
    5000,
  );
}
