import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launch, serve, waitInPage, type Launched, type Served } from './harness';
import { highlights } from './highlight-page';
import { clickInCard, waitInCard } from './lib/card';
import { clearSettings, openPopupFor, openReady, until, waitReady } from './lib/page-helpers';

// "Not this" from the card: on this site (survives a reload, undone from the popup) or everywhere (another
// origin too). A Reuters-style article that names Peskov several times.
const ARTICLE = '/articles/000_78f937a108842e39.html';
const NAME = 'Peskov';
const CONTEXT = 'Peskov said Ukraine';

/** How many highlights (either engine) cover exactly `text`. */
async function countOf(p: Page, text: string): Promise<number> {
  return (await highlights(p)).filter((h) => h.slice(h.indexOf(':') + 1) === text).length;
}

function openArticle(app: Launched, origin: Served): Promise<Page> {
  return openReady(app, origin.url(ARTICLE));
}

/**
 * Hovers `word` where it starts `context` until its card is open; returns the page text the card says it is about.
 * (The article's first Peskov is "Dmitry Peskov", a mention of its own.)
 */
async function openCard(p: Page, context: string, word: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const box = await p.evaluate((c: string, w: string) => {
      const walker = document.createTreeWalker(document.querySelector('article, main, body')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(c);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        node.parentElement!.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    }, context, word);
    if (!box) throw new Error(`"${word}" not on the page`);
    await p.mouse.move(box.x - 30, box.y + 80);
    await p.mouse.move(box.x, box.y, { steps: 4 });
    const matched = await waitInCard(
      p,
      (root) => {
        if (!root.querySelector('.dp-notthis')) return null;
        return /“([^”]+)”/.exec(root.querySelector('.dp-why')?.textContent ?? '')?.[1] ?? null;
      },
      1500,
    ).catch(() => null);
    if (matched) return matched;
  }
  throw new Error(`no card after hovering "${word}"`);
}

/** Card → "Not this…" → the scope's button. */
async function notThis(p: Page, scope: 'site' | 'everywhere'): Promise<void> {
  await clickInCard(p, '.dp-notthis');
  await waitInCard(p, (root) => !!root.querySelector('.dp-notthis-choices'));
  await clickInCard(p, `.dp-notthis-choices [data-scope="${scope}"]`);
  await waitInPage(p, () => !document.querySelector('dossier-popover'));
}

describe('"Not this" in chromium', () => {
  let app: Launched;
  let site: Served;
  let other: Served;
  beforeAll(async () => {
    site = await serve();
    other = await serve(undefined, { host: 'localhost' });
    app = await launch('chromium');
  });
  afterEach(() => clearSettings(app));
  afterAll(() => closeAll(app, site, other));

  it('on this site: the highlight goes, stays gone after a reload, other sites keep it, and Undo in the popup brings it back', async () => {
    const p = await openArticle(app, site);
    const before = await countOf(p, NAME);
    expect(before).toBeGreaterThan(0);
    const others = (await highlights(p)).length - before;
    expect(await openCard(p, CONTEXT, NAME)).toBe(NAME);
    await notThis(p, 'site');
    // Gone, and everything else still highlighted once the page is scanned again without it.
    await until(`"${NAME}" no longer highlighted, the ${others} others highlighted`, async () => (await countOf(p, NAME)) === 0 && (await highlights(p)).length === others);

    await p.reload();
    await waitReady(p);
    expect(await countOf(p, NAME)).toBe(0);
    expect((await highlights(p)).length).toBe(others);

    const elsewhere = await openArticle(app, other);
    expect(await countOf(elsewhere, NAME)).toBe(before);
    await elsewhere.close();

    // The popup for this tab lists the choice; Undo brings the highlight back in the open tab, no reload.
    const popup = await openPopupFor(app, p.url());
    const row = await popup.waitForSelector('.not-this li', { timeout: 10_000 });
    expect(await row!.evaluate((li) => li.textContent)).toMatch(/Peskov.*on 127\.0\.0\.1/);
    await popup.click('.not-this li .undo');
    await until(`"${NAME}" highlighted again`, async () => (await countOf(p, NAME)) === before);
    await popup.close();
    await p.close();
  });

  it('everywhere: the alias is no longer highlighted on another origin either', async () => {
    const p = await openArticle(app, site);
    expect(await openCard(p, CONTEXT, NAME)).toBe(NAME);
    await notThis(p, 'everywhere');
    await until(`"${NAME}" no longer highlighted`, async () => (await countOf(p, NAME)) === 0);
    const elsewhere = await openArticle(app, other);
    expect(await countOf(elsewhere, NAME)).toBe(0);
    // Only that alias: the page's other names still are.
    expect((await highlights(elsewhere)).length).toBeGreaterThan(10);
    await elsewhere.close();
    await p.close();
  });
});
