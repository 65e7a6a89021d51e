import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, waitInPage, type Launched, type Served } from './harness';
import { inCard, waitInCard } from './lib/card';
import { tabPlacement } from './lib/page-helpers';

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
async function cardStyles(p: Page) {
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
async function hover(p: Page, word: string, nth = 0) {
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

/** Hovers `word` until the popover for `name` is open; returns the dialog's text. */
async function openCard(p: Page, word: string, name: string, nth = 0): Promise<string> {
  await waitInPage(p, () => document.documentElement.hasAttribute('data-dossier'));
  for (let attempt = 0; attempt < 10; attempt++) {
    await hover(p, word, nth);
    const text = await waitInCard(
      p,
      (root, label) => {
        const d = root.querySelector<HTMLElement>(`[role="dialog"]`);
        return d?.getAttribute('aria-label') === label && d.innerText;
      },
      1500,
      `Dossier: ${name}`,
    ).catch(() => null);
    if (text) return text;
  }
  throw new Error(`no popover for ${name} after hovering "${word}"`);
}

describe('popover in chromium', () => {
  let app: Launched;
  let site: Served;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-popover-'));
    writeFileSync(join(dir, 'plain.html'), page('Plain page', '<meta name="color-scheme" content="light dark">'));
    writeFileSync(join(dir, 'hostile.html'), page('Hostile page', HOSTILE_CSS));
    writeFileSync(join(dir, 'dark.html'), page('Dark page', '<style>body{background:#111;color:#ddd}</style>'));
    site = await serve(dir);
    app = await launch('chromium');
  });

  afterAll(async () => {
    await app?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('hovering an actor shows role, a position, a verbatim quote with its outlet; Escape closes and unmounts', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    const text = await openCard(p, 'Peskov', 'Dmitry Peskov');
    expect(text).toMatch(/spokesman/i);
    expect(text).toMatch(/Positions|Asked of them|Speaks for/);
    // A quotation in curly quotes followed by its outlet.
    expect(text).toMatch(/“We are talking about the withdrawal of the regime’s armed forces from the Donbas”/);
    expect(text).toMatch(/Reuters/);
    // The footer: one short line, the curation date and what the texts cover (no invented year).
    const footer = await inCard(p, (root) => root.querySelector('.dp-foot')!.textContent);
    expect(footer).toMatch(/^Data curated \d{4}\.\d{2}\.\d{2} · five undated reports; one date given: November 23, no year$/);
    expect(await p.evaluate(() => document.querySelectorAll('dossier-popover').length)).toBe(1);

    await p.keyboard.press('Escape');
    await waitInPage(p, () => !document.querySelector('dossier-popover'));
    await p.close();
  });

  it('stays open while the pointer moves into the card and reads it, closes after leaving both', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    const card = await inCard(p, (root) => {
      const r = root.querySelector('.dp-card')!.getBoundingClientRect();
      return { x: r.left + 40, y: r.top + 60, bottom: r.bottom };
    });
    await p.mouse.move(card.x, card.y, { steps: 8 });
    await p.mouse.move(card.x + 30, card.y + 40, { steps: 5 });
    await new Promise((r) => setTimeout(r, 900));
    expect(await p.evaluate(() => !!document.querySelector('dossier-popover'))).toBe(true);
    await p.mouse.move(5, 880, { steps: 5 });
    await waitInPage(p, () => !document.querySelector('dossier-popover'), 3000);
    await p.close();
  });

  it('hovering Donbas shows its positions and that sources differ on the share Russia controls (90% vs 85%)', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    const text = await openCard(p, 'Donbas', 'Donbas');
    expect(text).toMatch(/Sources differ/i);
    expect(text).toMatch(/90%/);
    expect(text).toMatch(/85%/);
    expect(text).toMatch(/Positions concerning it/i);
    expect(text).toMatch(/withdraw/i);
    await p.close();
  });

  it('clicking a source link opens the source card in a new tab next to the page, at the quoted excerpt', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    const link = await inCard(p, (root) => {
      const a = root.querySelector<HTMLAnchorElement>('.dp-quote a')!;
      a.scrollIntoView({ block: 'nearest' }); // the card scrolls inside when it is taller than the room
      const r = a.getBoundingClientRect();
      return { href: a.href, target: a.target, text: a.textContent, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    // The href stays (copy link, middle click); a plain click goes through the background (a page cannot open it).
    expect(link.target).toBe('_blank');
    expect(link.href).toMatch(new RegExp(`^chrome-extension://${app.extensionId}/sources\\.html\\?id=[a-z0-9-]+#x-`));
    const created = app.browser.waitForTarget((t) => t.type() === 'page' && t.url().includes('/sources.html'), { timeout: 10_000 });
    await p.mouse.move(link.x, link.y, { steps: 3 });
    await p.mouse.click(link.x, link.y);
    const target = await created;
    expect(target.url()).toBe(link.href);
    const card = (await target.page())!;
    const found = await waitInPage(card, () => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return el && { text: el.textContent, outlet: el.closest('article')?.querySelector('.sc-outlet')?.textContent, count: document.querySelectorAll('article').length };
    });
    expect(found!.text).toContain('We are talking about the withdrawal of the regime’s armed forces from the Donbas');
    expect(found!.outlet).toBe(link.text);
    expect(found!.count).toBe(1);
    // Not blocked (ERR_BLOCKED_BY_CLIENT would show Chromium's error page), and opened right after the page's tab.
    const tabs = await tabPlacement(card, p.url());
    expect(tabs.self).toBe(tabs.opener + 1);
    expect(tabs.openerTabId).toBe(tabs.openerId);
    await card.close();
    await p.close();
  });

  it('looks the same on a hostile-CSS page as on a plain page', async () => {
    const plain = await app.newPage();
    await plain.goto(site.url('/plain.html'));
    await openCard(plain, 'Peskov', 'Dmitry Peskov');
    const expected = await cardStyles(plain);
    await plain.close();

    const hostile = await app.newPage();
    await hostile.goto(site.url('/hostile.html'));
    await openCard(hostile, 'Peskov', 'Dmitry Peskov');
    const actual = await cardStyles(hostile);
    // The card is on top: the element at its centre is the popover host, despite the page's z-index games.
    const onTop = await inCard(hostile, (root) => {
      const card = root.querySelector('.dp-card')!;
      const r = card.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + 20)?.tagName.toLowerCase();
    });
    await hostile.close();

    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['.dp-card', '.dp-title', '.dp-source']));
    expect(expected['.dp-card']!['font-size']).toBe('14px');
    expect(actual).toEqual(expected);
    expect(onTop).toBe('dossier-popover');
  });

  it('fits and scrolls inside a 200 % zoomed window (640×450 CSS px)', async () => {
    const p = await app.newPage();
    await p.setViewport({ width: 640, height: 450 });
    await p.goto(site.url('/plain.html'));
    await openCard(p, 'Donbas', 'Donbas');
    await new Promise((r) => setTimeout(r, 100)); // one autoUpdate round
    const box = await inCard(p, (root) => {
      const card = root.querySelector<HTMLElement>('.dp-card')!;
      const r = card.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, scrolls: card.scrollHeight > card.clientHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(450);
    expect(box.right).toBeLessThanOrEqual(640);
    expect(box.scrolls).toBe(true);
    await p.close();
  });

  it('uses the dark theme on a dark page, with a visible border', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/dark.html'));
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    const look = await inCard(p, (root) => {
      const cs = getComputedStyle(root.querySelector('.dp-card')!);
      return { theme: root.querySelector<HTMLElement>('.dp-layer')!.dataset.theme, bg: cs.backgroundColor, border: cs.borderTopColor };
    });
    expect(look.theme).toBe('dark');
    expect(look.bg).toBe('rgb(31, 35, 40)');
    expect(look.border).toBe('rgb(110, 119, 129)');
    await p.close();
  });

  it('saves screenshots of both themes', async () => {
    const out = resolve(import.meta.dirname, '../../docs/screenshots');
    mkdirSync(out, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const p = await app.newPage();
      await p.setViewport({ width: 900, height: 700 });
      await p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await p.goto(site.url('/plain.html'));
      await openCard(p, 'Donbas', 'Donbas');
      const theme = await inCard(p, (root) => root.querySelector<HTMLElement>('.dp-layer')!.dataset.theme ?? null);
      expect(theme).toBe(scheme);
      await new Promise((r) => setTimeout(r, 150));
      await p.screenshot({ path: join(out, `popover-${scheme}.png`) as `${string}.png` });
      await p.close();
    }
  });
});
