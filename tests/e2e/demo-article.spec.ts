import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';
import { highlighted } from './highlight-page';
import { openExtensionTab } from './lib/extension-pages';
import { DEMO_ARTICLE } from './lib/firefox-pages';
import { patchSettings, resetSettings, until, waitReady } from './lib/page-helpers';

// The demo article in Chromium 156 and Firefox ESR 153: which engine draws, what it highlights, and that the text a
// reader (or a screen reader, or copy) gets is the page's own, with either engine.
describe.each<BrowserKind>(['chromium', 'firefox'])('highlights on the demo article in %s', (kind) => {
  let app: Launched;
  let site: Served;
  let extensionPage: Page; // a Dossier page, for settings

  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind));
    extensionPage = await openExtensionTab(app, site);
  });
  afterEach(async () => {
    await resetSettings(extensionPage);
  });
  afterAll(() => closeAll(app, site));

  async function open(): Promise<Page> {
    const p = await app.newPage();
    await p.goto(site.url(DEMO_ARTICLE));
    await waitReady(p);
    return p;
  }

  /** The page's text as a reader gets it, with Dossier paused everywhere (nothing drawn, nothing inserted). */
  async function pausedText(): Promise<string> {
    await patchSettings(extensionPage, { paused: true });
    const p = await app.newPage();
    await p.goto(site.url(DEMO_ARTICLE));
    await waitInPage(p, () => document.documentElement.getAttribute('data-dossier') === 'paused');
    const { marks, css } = await highlighted(p);
    expect([...marks, ...css]).toEqual([]);
    const text = await p.evaluate(() => document.body.innerText);
    await p.close();
    await resetSettings(extensionPage);
    return text;
  }

  it('uses the CSS Custom Highlight API by default and highlights the Kremlin, Dmitry Peskov and Donbas', async () => {
    const p = await open();
    const { marks, css } = await highlighted(p);
    // Both browsers have CSS.highlights: the css engine runs and inserts no element into the page.
    expect(await p.evaluate(() => 'highlights' in CSS && typeof Highlight === 'function')).toBe(true);
    expect(marks).toEqual([]);
    expect(await p.evaluate(() => document.querySelectorAll('dossier-mark').length)).toBe(0);
    expect(css).toEqual(expect.arrayContaining(['organisations:Kremlin', 'people:Peskov', 'regions:Donbas', 'people:Putin', 'regions:Crimea']));
    // Every time the article names Peskov or Donbas, that name is highlighted (none missed, none doubled).
    const text = await p.evaluate(() => document.body.innerText);
    const inText = (w: string) => text.split(w).length - 1;
    expect(inText('Peskov')).toBe(5);
    expect(css.filter((h) => h.startsWith('people:') && h.endsWith('Peskov'))).toHaveLength(inText('Peskov'));
    expect(css.filter((h) => h === 'regions:Donbas')).toHaveLength(inText('Donbas'));
    await p.close();
  });

  it('leaves the page text exactly as it was, with the css engine and with the marks engine', async () => {
    const baseline = await pausedText();
    expect(baseline).toContain('Peskov');

    const css = await open();
    expect((await highlighted(css)).css.length).toBeGreaterThan(20);
    expect(await css.evaluate(() => document.body.innerText)).toBe(baseline);
    await css.close();

    await patchSettings(extensionPage, { engine: 'marks' });
    const marks = await open();
    await until('marks drawn', async () => (await highlighted(marks)).marks.length > 20);
    const drawn = (await highlighted(marks)).marks;
    expect(drawn).toEqual(expect.arrayContaining(['organisations:Kremlin', 'people:Peskov', 'regions:Donbas']));
    expect(await marks.evaluate(() => document.querySelectorAll('dossier-mark[data-dossier-category]').length)).toBe(drawn.length);
    expect(await marks.evaluate(() => document.body.innerText)).toBe(baseline);
    await marks.close();
  });
});
