import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';
import { highlighted } from './highlight-page';
import { inCard, waitInCard } from './lib/card';
import { openExtensionTab } from './lib/extension-pages';
import { patchSettings, resetSettings, waitReady } from './lib/page-helpers';

// tests/fixtures/pages/quotes.html: #altered (Putin, punctuation altered and "these" → "those"), #exact (Merz),
// #linked (Lavrov, with "Kiev" in a link: three text nodes), #decoys (must not be marked).
const ALTERED = 'Either we liberate those territories by force - or Ukrainian troops will leave these territories';
const EXACT = 'They are playing games, both with you and with us';

/** The pointer on the middle of `text`'s first occurrence inside `#blockId`. */
async function pointAt(p: Page, blockId: string, text: string): Promise<{ x: number; y: number }> {
  const box = await p.evaluate(
    (id: string, w: string) => {
      const walker = document.createTreeWalker(document.getElementById(id)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const r = range.getClientRects()[0]!;
        return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
      }
      return null;
    },
    blockId,
    text,
  );
  if (!box) throw new Error(`"${text}" not in #${blockId}`);
  return box;
}

/** Hovers `text` in `#blockId` until a popover opens; returns its label and text. */
async function hoverCard(p: Page, blockId: string, text: string): Promise<{ label: string; text: string }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const { x, y } = await pointAt(p, blockId, text);
    await p.mouse.move(x - 30, y + 80);
    await p.mouse.move(x, y, { steps: 4 });
    const card = await waitInCard(
      p,
      (root) => {
        const d = root.querySelector<HTMLElement>('[role="dialog"]');
        return d ? { label: d.getAttribute('aria-label') ?? '', text: d.innerText } : null;
      },
      1500,
    ).catch(() => null);
    if (card) return card;
  }
  throw new Error(`no popover after hovering "${text}"`);
}

describe.each<BrowserKind>(['chromium', 'firefox'])('known quotations in %s', (kind) => {
  let app: Launched;
  let site: Served;
  let settingsTab: Page; // an extension page, to change settings as the popup does

  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind));
    settingsTab = await openExtensionTab(app, site);
  });
  afterEach(() => resetSettings(settingsTab));
  afterAll(() => closeAll(app, site));

  async function open(): Promise<Page> {
    const p = await app.newPage();
    await p.goto(site.url('/quotes.html'));
    await waitReady(p);
    return p;
  }

  it('highlights the altered and the exact quotation as dossier-quotes, across a link, and not the decoys', async () => {
    const p = await open();
    const { css, marks } = await highlighted(p);
    expect(marks).toEqual([]);
    const quoted = css.filter((h) => h.startsWith('quotes:')).map((h) => h.slice('quotes:'.length));
    expect(quoted).toEqual(
      expect.arrayContaining([
        ALTERED,
        EXACT,
        'We remain open to negotiations. But the ball is not in our court. So far, ',
        'Kiev',
        ' has not demonstrated its ability to negotiate',
      ]),
    );
    expect(quoted).toHaveLength(5);
    // The name inside the Lavrov quotation keeps its own highlight, on its own layer.
    expect(css.filter((h) => h.endsWith(':Kiev'))).toHaveLength(2);
    // Nothing of the decoy paragraph is a quotation.
    const decoys = await p.$eval('#decoys', (el) => el.textContent ?? '');
    for (const q of quoted) expect(decoys.includes(q) && q.length > 5).toBe(false);
    // The quotation paints with its own style (the page CSS declares it).
    const priority = await p.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, { priority: number }> }).highlights;
      return [reg.get('dossier-quotes')!.priority, reg.get('dossier-people')!.priority];
    });
    expect(priority[0]).toBeLessThan(priority[1]!);
    await p.close();
  });

  it('hovering the altered quotation opens a card naming the speaker and the source', async () => {
    const p = await open();
    const card = await hoverCard(p, 'altered', 'liberate');
    expect(card.label).toBe('Dossier: Vladimir Putin, quoted (Quote)');
    expect(card.text).toMatch(/Either we liberate these territories by force, or Ukrainian troops will leave these territories/);
    expect(card.text).toMatch(/BBC/);
    await p.close();
  });

  it('the altered quotation’s card shows the source’s word the page dropped and the page’s word, both marked', async () => {
    const p = await open();
    await hoverCard(p, 'altered', 'liberate');
    const wording = await inCard(p, (root) => {
      const w = root.querySelector('.dp-wording');
      const line = w?.querySelector('.dp-wording-diff');
      const marked = (sel: string) =>
        [...(line?.querySelectorAll(sel) ?? [])].map((e) => ({
          text: e.textContent,
          decoration: getComputedStyle(e).textDecorationLine,
        }));
      return { label: w?.querySelector('.dp-wording-label')?.textContent ?? null, del: marked('del'), ins: marked('ins') };
    });
    expect(wording.label).toBe('Worded differently on this page');
    expect(wording.del).toEqual([{ text: '[source: these]', decoration: 'line-through' }]);
    expect(wording.ins).toEqual([{ text: '[page: those]', decoration: 'underline' }]);
    await p.close();
  });

  it('the exact quotation’s card says the wording is exact', async () => {
    const p = await open();
    const card = await hoverCard(p, 'exact', 'playing');
    expect(card.label).toMatch(/Friedrich Merz/);
    expect(card.text).toMatch(/Exact wording/);
    expect(card.text).not.toMatch(/Worded differently/);
    await p.close();
  });

  it('hovering a name inside a quotation opens the name’s card, the rest of the quotation the quote’s', async () => {
    const p = await open();
    const onName = await hoverCard(p, 'linked', 'Kiev');
    expect(onName.label).toMatch(/^Dossier: /);
    expect(onName.label).not.toMatch(/quoted/);
    await p.keyboard.press('Escape');
    await waitInPage(p, () => !document.querySelector('dossier-popover'));
    await p.mouse.move(5, 5);
    const onQuote = await hoverCard(p, 'linked', 'negotiations');
    expect(onQuote.label).toBe('Dossier: Sergei Lavrov, quoted (Quote)');
    await p.close();
  });

  it('the quotes switch turns them off and on in an open tab', async () => {
    const p = await open();
    await patchSettings(settingsTab, { categories: { people: true, organisations: true, regions: true, quotes: false } });
    await waitInPage(p, () => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('dossier-quotes'));
    await patchSettings(settingsTab, { categories: { people: true, organisations: true, regions: true, quotes: true } });
    await waitInPage(p, () => ((CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('dossier-quotes')?.size ?? 0) === 5);
    await p.close();
  });

  it('marks engine: quotations marked where they do not overlap names', async () => {
    await patchSettings(settingsTab, { engine: 'marks' });
    const p = await open();
    const marks = await p.$$eval('[data-dossier-category="quotes"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(marks).toContain(ALTERED);
    expect(marks).toContain(EXACT);
    expect(marks).not.toContain('Kiev');
    expect(await p.$eval('#linked a', (a) => a.querySelector('[data-dossier-category]')?.getAttribute('data-dossier-category'))).not.toBe('quotes');
    await p.close();
  });
});
