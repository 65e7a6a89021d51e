import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';
import { baselineText, highlighted, highlights } from './highlight-page';
import { openExtensionTab } from './lib/extension-pages';
import { openReady, patchSettings } from './lib/page-helpers';

/** What a reader should see highlighted on tests/fixtures/pages/highlight-article.html (main document). */
const ARTICLE = [
  'people:Putin',
  'people:Zelensky',
  'organisations:Washington',
  'people:Volodymyr Zelensky',
  // "speaks in Kyiv" is the city, not the government: no highlight (docs/matching.md, rule 12).
  'organisations:Kremlin',
  'people:Vladimir Putin',
  'regions:Donbas',
  'regions:Crimea',
  'people:Dmitry Peskov',
  'regions:Crimea',
  'people:Peskov',
].sort();
const FRAME = ['people:Emmanuel Macron', 'people:Friedrich Merz', 'organisations:NATO'].sort();
const ALL_ON = { people: true, organisations: true, regions: true, quotes: true };

describe.each<BrowserKind>(['chromium', 'firefox'])('highlighting in %s', (kind) => {
  let app: Launched;
  let site: Served;
  let settingsTab: Page; // an extension page, to change settings as the popup does
  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind));
    settingsTab = await openExtensionTab(app, site);
  });
  afterAll(() => closeAll(app, site));

  describe.each(['css', 'marks'] as const)('with the %s engine', (engine) => {
    beforeAll(() => patchSettings(settingsTab, { engine, paused: false, categories: ALL_ON }));

    /**
     * The page's text as a reader gets it without Dossier. Chromium: an incognito window, where the extension does
     * not run. Firefox runs extensions in every container, so there: Dossier paused, once the page says it is.
     */
    async function readerText(url: string): Promise<string> {
      if (kind === 'chromium') return baselineText(app, url);
      await patchSettings(settingsTab, { paused: true });
      const page = await app.newPage();
      await page.goto(url);
      await waitInPage(page, () => document.documentElement.getAttribute('data-dossier') === 'paused');
      const { marks, css } = await highlighted(page);
      expect([...marks, ...css]).toEqual([]);
      const text = await page.evaluate(() => document.body.innerText);
      await page.close();
      await patchSettings(settingsTab, { paused: false });
      return text;
    }

    it('highlights the mentions of a news article (headings, links, captions), not form fields, code or SVG, and leaves the text as it was', async () => {
      const url = site.url('/highlight-article.html');
      const before = await readerText(url);
      const page = await openReady(app, url);
      const { marks, css } = await highlighted(page);
      // The chosen engine paints, the other one does nothing.
      if (engine === 'css') expect(marks).toEqual([]);
      else expect(css).toEqual([]);
      expect(await highlights(page)).toEqual(ARTICLE);
      expect(await page.evaluate(() => document.body.innerText)).toBe(before);
      expect(await page.$eval('#comment', (t) => (t as HTMLTextAreaElement).value)).toBe('Putin and Zelensky in a textarea');
      await page.close();
    });

    it('typing in a textarea, an input and a contenteditable region still works and stays unhighlighted', async () => {
      const page = await openReady(app, site.url('/highlight-article.html'));
      // The caret goes to the end of each field, as a reader clicking after the text would put it.
      for (const id of ['#comment', '#name']) {
        await page.$eval(id, (f) => {
          const field = f as HTMLInputElement;
          field.focus();
          field.setSelectionRange(field.value.length, field.value.length);
        });
        await page.keyboard.type(id === '#comment' ? ' Putin' : ' Crimea');
      }
      await page.click('#editor p');
      await page.keyboard.press('End');
      await page.keyboard.type(' and Zelensky');
      // A name added after the typing is highlighted only once the content script has handled the changes before it:
      // then nothing it did to the typed text can be still to come. Removing it again is handled the same way.
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="sentinel">Marco Rubio</p>'));
      await expect.poll(() => highlights(page), { timeout: 5000 }).toEqual([...ARTICLE, 'people:Marco Rubio'].sort());
      await page.evaluate(() => document.getElementById('sentinel')!.remove());
      await expect.poll(() => highlights(page), { timeout: 5000 }).toEqual(ARTICLE);
      expect(await page.$eval('#comment', (t) => (t as HTMLTextAreaElement).value)).toBe('Putin and Zelensky in a textarea Putin');
      expect(await page.$eval('#name', (t) => (t as HTMLInputElement).value)).toBe('Zelensky in an input Crimea');
      expect(await page.$eval('#editor', (e) => e.innerHTML)).toBe('<p>Draft about Putin and Zelensky</p>');
      expect(await highlights(page)).toEqual(ARTICLE);
      await page.close();
    });

    it('highlights content added after load and re-highlights a text node the page rewrites, without duplicated text', async () => {
      const page = await openReady(app, site.url('/highlight-article.html'));
      await page.evaluate(() => (window as unknown as { addLater(): void }).addLater());
      await waitInPage(page, () => document.getElementById('added') !== null);
      const expectedAdded = [...ARTICLE, 'people:Marco Rubio', 'people:Sergei Lavrov'].sort();
      await expect.poll(() => highlights(page), { timeout: 5000 }).toEqual(expectedAdded);
      await page.evaluate(() => (window as unknown as { rewrite(): void }).rewrite());
      const expectedRewritten = expectedAdded.filter((h) => h !== 'people:Peskov').concat('people:Jared Kushner').sort();
      await expect.poll(() => highlights(page), { timeout: 5000 }).toEqual(expectedRewritten);
      expect(await page.$eval('#rewritten', (p) => p.textContent)).toBe('Status: Jared Kushner arrived.');
      expect(await page.$eval('#added', (p) => p.textContent)).toBe('Update: Marco Rubio met Sergei Lavrov.');
      await page.close();
    });

    it('highlights inside a same-origin iframe', async () => {
      const page = await openReady(app, site.url('/highlight-article.html'));
      const frame = page.frames().find((f) => f.url().endsWith('/highlight-frame.html'))!;
      expect(frame).toBeTruthy();
      await expect.poll(() => highlights(frame), { timeout: 5000 }).toEqual(FRAME);
      await page.close();
    });

    it('page CSS that hides <mark> or unsets everything does not hide the reader\'s text', async () => {
      const url = site.url('/highlight-hostile.html');
      const before = await readerText(url);
      const page = await openReady(app, url);
      expect(await highlights(page)).toEqual(
        ['organisations:Kremlin', 'people:Putin', 'people:Zelensky', 'regions:Donbas', 'regions:Crimea', 'people:Dmitry Peskov'].sort(),
      );
      expect(await page.evaluate(() => document.body.innerText)).toBe(before);
      await page.close();
    });

    it('works on a page with a strict Content-Security-Policy, with the page-level highlight styles applied', async () => {
      const page = await openReady(app, site.url('/highlight-csp.html'));
      expect(await highlights(page)).toEqual(
        ['people:Putin', 'people:Zelensky', 'regions:Donbas', 'organisations:Kremlin', 'regions:Crimea'].sort(),
      );
      const background = await page.evaluate((kind) => {
        if (kind === 'marks') return getComputedStyle(document.querySelector('[data-dossier-category="people"]')!).backgroundColor;
        return getComputedStyle(document.querySelector('h1')!, '::highlight(dossier-people)').backgroundColor;
      }, engine);
      expect(background).toBe('rgba(59, 130, 246, 0.16)');
      await page.close();
    });

    it('hovering a highlighted mention opens its card; moving away closes it', async () => {
      const page = await openReady(app, site.url('/highlight-article.html'));
      // The centre of "Kremlin" in the lead paragraph, found through the page's own text.
      const point = await page.evaluate(() => {
        const link = document.querySelector('a[href="/kremlin"]')!;
        const range = document.createRange();
        range.selectNodeContents(link);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.move(point.x, point.y);
      await waitInPage(page, () => document.querySelector('dossier-popover') !== null, 5000);
      await page.mouse.move(5, 5);
      await waitInPage(page, () => document.querySelector('dossier-popover') === null, 5000);
      await page.close();
    });

    it('turning a category off removes exactly its highlights, pausing removes all, in an open tab and at once', async () => {
      const url = site.url('/highlight-article.html');
      const before = await readerText(url);
      const page = await openReady(app, url);
      await patchSettings(settingsTab, { categories: { ...ALL_ON, regions: false } });
      await expect.poll(() => highlights(page), { timeout: 5000 }).toEqual(ARTICLE.filter((h) => !h.startsWith('regions:')));
      await patchSettings(settingsTab, { categories: ALL_ON });
      await expect.poll(() => highlights(page), { timeout: 5000 }).toEqual(ARTICLE);
      await patchSettings(settingsTab, { paused: true });
      await expect.poll(() => highlights(page), { timeout: 5000 }).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-dossier'))).toBe('paused');
      expect(await page.evaluate(() => document.body.innerText)).toBe(before);
      await patchSettings(settingsTab, { paused: false });
      await expect.poll(() => highlights(page), { timeout: 5000 }).toEqual(ARTICLE);
      await page.close();
    });
  });
});
