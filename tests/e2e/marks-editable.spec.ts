import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launch, serve, type Launched, type Served } from './harness';
import { DEMO_ARTICLE, openSourceCard } from './lib/firefox-pages';
import { patchSettings, until, waitReady } from './lib/page-helpers';

// The marks engine on a page that becomes an editor after the scan, and on text nodes a script owns, in real
// Chromium and Firefox. The reader's typing must never land in a mark, be reverted by a later settings change, or
// leave a mark in the editor's innerHTML (which an editor would save).
const ALL_ON = { people: true, organisations: true, regions: true, quotes: true };
const DRAFT = 'Zelensky met Putin, and Kyiv said no.';

describe.each(['chromium', 'firefox'] as const)('marks engine: editable-later regions and owned text nodes (%s)', (kind) => {
  let app: Launched;
  let site: Served;
  let settingsPage: Page; // an extension page that writes settings as the popup does

  beforeAll(async () => {
    site = await serve();
    app = await launch(kind);
    if (kind === 'chromium') {
      settingsPage = await app.newPage();
      await settingsPage.goto(app.extensionUrl('/popup.html'));
    } else {
      // BiDi cannot open moz-extension:// pages: reach one through a card's source link, as a reader does.
      const page = await app.newPage();
      await page.goto(site.url(DEMO_ARTICLE));
      await waitReady(page);
      settingsPage = (await openSourceCard(app, page, 'Peskov')).tab;
      await page.close();
    }
    await patchSettings(settingsPage, { engine: 'marks', paused: false, categories: ALL_ON });
  });
  afterAll(async () => {
    await settingsPage?.evaluate(() => {
      const g = globalThis as unknown as { browser?: { storage: { local: { remove(k: string): Promise<void> } } }; chrome: { storage: { local: { remove(k: string): Promise<void> } } } };
      return (g.browser ?? g.chrome).storage.local.remove('settings');
    });
    await closeAll(app, site);
  });

  const marksIn = (page: Page, selector: string) => page.$eval(selector, (el) => el.querySelectorAll('dossier-mark').length);
  const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

  async function open(): Promise<Page> {
    const page = await app.newPage();
    await page.goto(site.url('/marks-editable.html'));
    await waitReady(page);
    await page.bringToFront(); // Firefox sends real input only to the selected tab
    await until('marks drawn', async () => (await marksIn(page, '#draft')) === 3 && (await marksIn(page, '#outside')) === 2);
    return page;
  }

  /** Clicks inside the word `word` of `selector`'s text (wherever our marks split it). */
  async function clickInWord(page: Page, selector: string, word: string): Promise<void> {
    const at = await page.$eval(
      selector,
      (el, w) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n as Text).data.indexOf(w as string);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i + 1);
          r.setEnd(n, i + 2);
          const box = r.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        return null;
      },
      word,
    );
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
  }

  /** The reader typed `typed` somewhere in the draft: the draft is the original text with `typed` inserted once. */
  async function expectTyped(page: Page, typed: string): Promise<void> {
    const now = await text(page, '#draft');
    expect(now).toContain(typed);
    expect(now.replace(typed, '')).toBe(DRAFT);
    expect(await page.$eval('#later', (el) => el.innerHTML)).not.toContain('dossier-mark');
  }

  it('contenteditable set after the scan: the page text is back before the reader types, and a settings change keeps what was typed', async () => {
    const page = await open();
    const draftNode = await page.$eval('#draft', (p) => ((window as unknown as { __draft: Node }).__draft = p.firstChild!) && true);
    expect(draftNode).toBe(true);
    await page.evaluate(() => (window as unknown as { editRegion(): void }).editRegion());
    await until('marks gone from the editable region', async () => (await marksIn(page, '#later')) === 0);
    // The page's own text node is back with its whole text: what an editor starting now would see and keep.
    expect(await page.$eval('#draft', (p) => p.childNodes.length === 1 && p.firstChild === (window as unknown as { __draft: Node }).__draft)).toBe(true);
    expect(await text(page, '#draft')).toBe(DRAFT);
    await clickInWord(page, '#draft', 'Putin');
    await page.keyboard.type('XY');
    await expectTyped(page, 'XY');
    // A settings change (regions off, then on): the reader's text stays, no mark comes back into the editor.
    await patchSettings(settingsPage, { categories: { ...ALL_ON, regions: false } });
    await until('regions hidden', async () => (await marksIn(page, '#outside')) === 1);
    await patchSettings(settingsPage, { categories: ALL_ON });
    await until('regions shown', async () => (await marksIn(page, '#outside')) === 2);
    await expectTyped(page, 'XY');
    await page.close();
  });

  it('designMode switched on after the scan: the first key typed with the caret inside a marked name goes into the page text there, never into a mark', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { editDocument(): void }).editDocument());
    // The caret inside "Putin", in our mark's text node, placed without the pointer (any pointer move over the page
    // also makes the controller notice designMode and remove everything: this is the keyboard's own path).
    expect(
      await page.evaluate(() => {
        const mark = [...document.querySelectorAll('#draft dossier-mark')].find((m) => m.textContent === 'Putin');
        if (!mark) return false;
        (window as unknown as { __draft: Node }).__draft = document.getElementById('draft')!.firstChild!; // the page's own node
        window.focus();
        document.getSelection()!.collapse(mark.firstChild!, 2);
        return true;
      }),
    ).toBe(true);
    await page.keyboard.type('XY');
    expect(await text(page, '#draft')).toBe('Zelensky met PuXYtin, and Kyiv said no.');
    // Typed into the page's own text node, whole again: not into our pieces, later taken apart.
    expect(await page.$eval('#draft', (p) => p.childNodes.length === 1 && p.firstChild === (window as unknown as { __draft: Node }).__draft)).toBe(true);
    await expectTyped(page, 'XY');
    expect(await page.evaluate(() => document.body.innerHTML)).not.toContain('dossier-mark');
    await patchSettings(settingsPage, { categories: { ...ALL_ON, people: false } });
    await new Promise((r) => setTimeout(r, 300)); // give a (wrong) re-highlight the chance to happen
    await expectTyped(page, 'XY');
    await patchSettings(settingsPage, { categories: ALL_ON });
    await page.close();
  });

  it('a text node the page keeps rewriting: marked again with its new text, and after pausing the page still updates what the reader sees', async () => {
    const page = await open();
    await until('status marked', async () => (await marksIn(page, '#owned')) === 1);
    await page.evaluate(() => (window as unknown as { render(t: string): void }).render('Lavrov and Peskov answered.'));
    await until('new text marked', async () => (await marksIn(page, '#owned')) === 2);
    expect(await text(page, '#owned')).toBe('Status: Lavrov and Peskov answered.');
    await patchSettings(settingsPage, { paused: true });
    await until('marks removed', async () => (await marksIn(page, 'body')) === 0);
    expect(await text(page, '#owned')).toBe('Status: Lavrov and Peskov answered.');
    await page.evaluate(() => (window as unknown as { render(t: string): void }).render('Zelensky answered.'));
    expect(await page.$eval('#owned', (p) => (p as HTMLElement).innerText)).toBe('Status: Zelensky answered.');
    await patchSettings(settingsPage, { paused: false });
    await page.close();
  });
});
