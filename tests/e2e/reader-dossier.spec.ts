import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launch, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { waitInCard } from './lib/card';
import { openPopupFor, openReady, until } from './lib/page-helpers';
import { hoverCard } from './lib/firefox-pages';
import { accessibleNames, clickAddToDossier, listedPassages, savedOnPage, selectText, storedDossier, waitForDialog } from './lib/reader-dossier';

// The Reuters report of the demo site; the sentence is verbatim from assets/articles/000_78f937a108842e39.txt.
const ARTICLE = '/articles/000_78f937a108842e39.html';
const SENTENCE = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';
const FIXTURES = join(import.meta.dirname, '../fixtures/reader-dossier');
/** The passage of tests/fixtures/reader-dossier/export-v1.json. */
const IMPORTED = 'Putin confirmed that a US delegation led by special envoy Steve Witkoff is expected to arrive in Moscow early next week.';

/** Chooses `file` in the page's "Import JSON…" file input and waits for the notice it produces; returns every notice shown. */
async function importFile(dossierPage: Page, file: string, dir = FIXTURES): Promise<{ kind: string; text: string }[]> {
  const before = await dossierPage.$eval('.rd-notice', (el) => el.textContent).catch(() => null);
  const input = (await dossierPage.$('.rd-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(join(dir, file));
  await dossierPage.waitForFunction(
    (b: string | null) => {
      const t = document.querySelector('.rd-notice')?.textContent ?? null;
      return t !== null && t !== b;
    },
    { timeout: 10_000, polling: 100 },
    before,
  );
  return dossierPage.$$eval('.rd-notice', (els) => els.map((e) => ({ kind: e.classList.contains('rd-error') ? 'error' : 'ok', text: e.textContent ?? '' })));
}

describe('reader dossier in Chromium', () => {
  let app: Launched;
  let site: Served;
  let dossierPage: Page;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite('chromium'));
    dossierPage = await app.newPage();
    await dossierPage.goto(app.extensionUrl('/dossier.html'));
  });
  afterAll(() => closeAll(app, site));

  it('select a sentence → "Add to Dossier…" → dialog → Putin → Save: the item is on the "Your dossier" page', async () => {
    const page = await openReady(app, site.url(ARTICLE));
    await page.bringToFront();
    await selectText(page, SENTENCE);
    await clickAddToDossier(app, site.url(ARTICLE), SENTENCE);
    await waitForDialog(page);
    // The dialog has focus on its actor search: the reader types, picks the first match, and saves.
    await page.keyboard.type('Putin');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // from the kind (Quote) to the note
    await page.keyboard.type('no call planned');
    await page.keyboard.press('Tab'); // to Save
    await page.keyboard.press('Enter');
    await until('the item is stored', async () => ((await storedDossier(dossierPage))?.items.length ?? 0) === 1);
    const stored = (await storedDossier(dossierPage))!;
    expect(stored.items[0]).toMatchObject({ kind: 'quote', actor: { type: 'bundled', id: 'vladimir-putin' }, target: { source: site.url(ARTICLE), site: '127.0.0.1' } });
    expect(stored.items[0]!.target.selector[0].exact).toBe(SENTENCE);

    await dossierPage.bringToFront();
    await until('the page lists it', async () => (await listedPassages(dossierPage)).includes(SENTENCE));
    const meta = await dossierPage.$eval('.rd-item', (el) => (el as HTMLElement).innerText);
    expect(meta).toContain('Vladimir Putin');
    expect(meta).toContain('no call planned');
    // The dialog closes itself after saving.
    await waitInPage(page, () => document.querySelector('dossier-save-dialog') === null);
    await page.close();
  });

  it('the actor\'s card shows it "From your reading", in a closed root the page cannot read', async () => {
    const page = await openReady(app, site.url(ARTICLE));
    await page.bringToFront();
    const card = await hoverCard(page, 'Vladimir Putin', { label: 'Dossier: Vladimir Putin (Person)' });
    expect(card.text).not.toContain(SENTENCE); // not in the card's open root
    const host = await waitInCard(page, (root) => {
      const h = root.querySelector<HTMLElement>('.dp-reading');
      return h && h.offsetHeight > 0 ? { closed: h.shadowRoot === null, text: h.textContent } : null;
    });
    expect(host).toEqual({ closed: true, text: '' });
    // What the reader sees (the accessibility tree is built from what is rendered, closed roots included).
    const names = await accessibleNames(page);
    expect(names).toContain('From your reading');
    expect(names).toContain(`“${SENTENCE}”`); // the page itself has the sentence, but not between these marks
    expect(names).toContainEqual(expect.stringMatching(/^You saved this on 127\.0\.0\.1, \d{4}-\d{2}-\d{2} · $/));
    await page.close();
  });

  it('a new actor created in the dialog is saved with the passage', async () => {
    const url = site.url(ARTICLE);
    const page = await openReady(app, url);
    await page.bringToFront();
    const sentence = 'Russia, for its part, has sought to frame territorial concessions as a prerequisite for ending the war.';
    await selectText(page, sentence);
    await clickAddToDossier(app, url, sentence);
    await waitForDialog(page);
    await page.keyboard.type('Kremlin negotiators'); // no listed actor has that name
    await page.keyboard.press('Tab'); // "New actor…"
    await page.keyboard.press('Enter'); // the name field, filled in from the search
    await page.keyboard.press('Tab'); // category
    await page.keyboard.type('I'); // "Institution or state"
    await page.keyboard.press('Tab'); // other names
    await page.keyboard.type('Russian negotiators');
    await page.keyboard.press('Tab'); // "Choose a listed actor instead"
    await page.keyboard.press('Tab'); // kind: Quote
    await page.keyboard.press('ArrowRight'); // Reported statement
    await page.keyboard.press('Tab'); // note
    await page.keyboard.press('Tab'); // Save
    await page.keyboard.press('Enter');
    await until('the new actor and its item are stored', async () => ((await storedDossier(dossierPage))?.actors.length ?? 0) === 1);
    const stored = (await storedDossier(dossierPage))!;
    expect(stored.actors[0]).toMatchObject({ name: 'Kremlin negotiators', category: 'organisations', aliases: ['Russian negotiators'] });
    const item = stored.items.find((i) => i.target.selector[0].exact === sentence)!;
    expect(item).toMatchObject({ kind: 'reported', actor: { type: 'reader', id: stored.actors[0]!.id } });
    await page.close();
  });

  it('back on the page, the saved passage is found where it was saved and marked', async () => {
    const page = await openReady(app, site.url(ARTICLE));
    await waitInPage(page, () => document.querySelector('dossier-saved-passages') !== null);
    const stored = (await storedDossier(dossierPage))!;
    // Both passages saved from this article so far (the sentence for Putin, the one for the new actor) are found where they were saved.
    expect(await savedOnPage(dossierPage, site.url(ARTICLE))).toEqual(stored.items.map((i) => ({ id: i.id, found: true, how: 'position' })));
    expect(stored.items.map((i) => i.target.selector[0].exact)).toContain(SENTENCE);
    // The marks are in a closed shadow root: the page sees a host, not what was saved.
    expect(await page.evaluate(() => document.querySelector('dossier-saved-passages')!.shadowRoot)).toBeNull();
    await page.close();
  });

  it('a page that changed: a reworded passage is found by a fuzzy match, a vanished one is reported not found', async () => {
    const url = site.url('/reader-dossier-reworded.html');
    const article = readFileSync(join(import.meta.dirname, '../../assets/articles/000_78f937a108842e39.txt'), 'utf8');
    const selector = (exact: string) => {
      const start = article.indexOf(exact);
      return [
        { type: 'TextQuoteSelector', exact, prefix: article.slice(start - 32, start), suffix: article.slice(start + exact.length, start + exact.length + 32) },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ];
    };
    const item = (id: string, exact: string) => ({
      id,
      actor: { type: 'bundled', id: 'dmitry-peskov' },
      kind: 'reported',
      target: { source: url, title: 'Kremlin says', site: '127.0.0.1', selector: selector(exact) },
      savedAt: '2026-11-30T12:00:00.000Z',
      updatedAt: '2026-11-30T12:00:00.000Z',
    });
    const gone = 'Russia claims Donbas, Zaporizhzhia and Kherson as its own territory, though most countries recognise them as part of Ukraine.';
    const file = { format: 'dossier-reader-dossier', version: 1, exportedAt: '2026-11-30T12:05:00.000Z', actors: [], items: [item('item-reworded01', SENTENCE), item('item-vanished01', gone)] };
    const dir = mkdtempSync(join(tmpdir(), 'dossier-import-'));
    try {
      writeFileSync(join(dir, 'changed.json'), JSON.stringify(file));
      await dossierPage.bringToFront();
      expect(await importFile(dossierPage, 'changed.json', dir)).toEqual([{ kind: 'ok', text: 'Imported 2 new items and 0 new actors; 0 already here.' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const page = await openReady(app, url);
    await waitInPage(page, () => document.querySelector('dossier-saved-passages') !== null);
    expect(await savedOnPage(dossierPage, url)).toEqual([
      { id: 'item-reworded01', found: true, how: 'fuzzy' },
      { id: 'item-vanished01', found: false },
    ]);
    // The popup lists both, the vanished one as not found on the page.
    const popup = await openPopupFor(app, url);
    await waitInPage(popup, () => document.querySelectorAll('.saved-here li[data-found="true"], .saved-here li[data-found="false"]').length === 2);
    const rows = await popup.$$eval('.saved-here li', (els) => els.map((e) => ({ found: e.getAttribute('data-found'), text: e.textContent ?? '' })));
    expect(rows).toEqual([
      { found: 'true', text: expect.stringContaining('Peskov also said no call between Putin and Zelenskiy') },
      { found: 'false', text: expect.stringMatching(/Russia claims Donbas.*Dmitry Peskov, saved 2026-11-30 · not found on the page now/) },
    ]);
    expect(rows[0]!.text).toContain('the page words it differently now');
    await popup.close();
    await page.close();
  });

  it('a quotation saved on one page is recognised on others, exact and reworded, and only the reader sees what was saved', async () => {
    const names = accessibleNames;
    const closedPart = (page: Page) =>
      waitInCard(page, (root) => {
        const h = root.querySelector<HTMLElement>('.dp-saved-quote');
        return h && h.offsetHeight > 0 ? { closed: h.shadowRoot === null, text: h.textContent } : null;
      });
    const savedLine = expect.stringMatching(/^You saved this on 127\.0\.0\.1, \d{4}-\d{2}-\d{2} · $/);

    const exactPage = await openReady(app, site.url('/reader-dossier-quoted.html'));
    await exactPage.bringToFront();
    const exact = await hoverCard(exactPage, 'discussed', { label: 'Dossier: Your saved quotation (Quote)' });
    expect(exact.text).toContain('From your dossier');
    expect(exact.text).not.toContain('127.0.0.1'); // the site and date are not in the open root
    expect(await closedPart(exactPage)).toEqual({ closed: true, text: '' });
    const exactNames = await names(exactPage);
    expect(exactNames).toContainEqual(savedLine);
    expect(exactNames).toContain(`“${SENTENCE}”`);
    expect(exactNames).toContain('Exact wording');
    // The page's own script finds no trace of the item: not in the card, not in the DOM, not in the page's storage.
    const seen = await exactPage.evaluate(() => {
      const host = document.querySelector('dossier-popover, [data-dossier-popover]');
      return { body: document.documentElement.outerHTML.includes('You saved this'), storage: JSON.stringify({ ...localStorage }), open: host?.shadowRoot?.innerHTML.includes('127.0.0.1') ?? false };
    });
    expect(seen).toEqual({ body: false, storage: '{}', open: false });
    await exactPage.close();

    const reworded = await openReady(app, site.url('/reader-dossier-reworded.html'));
    await reworded.bringToFront();
    const card = await hoverCard(reworded, 'discussed', { label: 'Dossier: Your saved quotation (Quote)' });
    expect(card.text).not.toContain('127.0.0.1');
    expect(await closedPart(reworded)).toEqual({ closed: true, text: '' });
    const rewordedNames = await names(reworded);
    expect(rewordedNames).toContainEqual(savedLine);
    expect(rewordedNames).toContain('Worded differently on this page than where you saved it');
    // The page's added word is marked as the page's; the words it shares with what was saved are plain.
    expect(rewordedNames).toContain('[page:');
    expect(rewordedNames).toContain('that');
    expect(rewordedNames).toContain('no call between Putin and Zelenskiy was being discussed');
    await reworded.close();
  });

  it('an actor the reader created is highlighted on another page, and its card lists what was saved for it', async () => {
    const page = await openReady(app, site.url('/reader-dossier-quoted.html'));
    await page.bringToFront();
    const card = await hoverCard(page, 'negotiators', { label: 'Dossier: Kremlin negotiators (Institution or state)' });
    expect(card.text).toContain('In your dossier');
    expect(card.text).toContain('“Kremlin negotiators” is a name of Kremlin negotiators in your dossier.');
    const host = await waitInCard(page, (root) => {
      const h = root.querySelector<HTMLElement>('.dp-reading');
      return h && h.offsetHeight > 0 ? { closed: h.shadowRoot === null, text: h.textContent } : null;
    });
    expect(host).toEqual({ closed: true, text: '' });
    const names = await accessibleNames(page);
    expect(names).toContain('From your reading');
    expect(names).toContain('“Russia, for its part, has sought to frame territorial concessions as a prerequisite for ending the war.”');
    // The page learns nothing of the dossier: its own storage is empty and no text of the item is in its DOM.
    expect(await page.evaluate(() => ({ storage: localStorage.length, text: document.documentElement.outerHTML.includes('territorial concessions') }))).toEqual({ storage: 0, text: false });
    await page.close();
  });

  it('export JSON and Markdown, then import into a fresh profile: the same dossier', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-export-'));
    let fresh: Launched | undefined;
    try {
      await dossierPage.bringToFront();
      const cdp = await dossierPage.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
      const downloaded = async (pattern: RegExp) => {
        await until(`a download matching ${pattern}`, async () => readdirSync(dir).some((f) => pattern.test(f)));
        const name = readdirSync(dir).find((f) => pattern.test(f))!;
        return { name, text: readFileSync(join(dir, name), 'utf8') };
      };
      await dossierPage.click('.rd-toolbar button:first-child'); // Export JSON
      const json = await downloaded(/^dossier-\d{4}-\d{2}-\d{2}\.json$/);
      const before = (await storedDossier(dossierPage))!;
      expect(JSON.parse(json.text)).toMatchObject({ format: 'dossier-reader-dossier', version: 1, actors: before.actors, items: before.items });

      // Markdown of one actor: choose Vladimir Putin in the filter, then export.
      await dossierPage.select('.rd-filters select', 'bundled:vladimir-putin');
      await dossierPage.waitForFunction(() => !(document.querySelectorAll('.rd-toolbar button')[2] as HTMLButtonElement).disabled);
      await dossierPage.click('.rd-toolbar button:nth-child(4)');
      const md = await downloaded(/^dossier-vladimir-putin-.*\.md$/);
      expect(md.text).toMatch(/^# Vladimir Putin: from your reading\n/);
      expect(md.text).toContain('> “Peskov also said no call between Putin and Zelenskiy was being discussed\\.”');
      expect(md.text).toContain(`(<${site.url(ARTICLE)}>)`);
      await dossierPage.select('.rd-filters select', '');
      await cdp.detach();

      fresh = await launch('chromium');
      const page = await fresh.newPage();
      await page.goto(fresh.extensionUrl('/dossier.html'));
      expect(await listedPassages(page)).toEqual([]);
      const notices = await importFile(page, json.name, dir);
      expect(notices).toEqual([{ kind: 'ok', text: `Imported ${before.items.length} new items and ${before.actors.length} new actor${before.actors.length === 1 ? '' : 's'}; 0 already here.` }]);
      expect(await storedDossier(page)).toEqual(before);
      expect((await listedPassages(page)).sort()).toEqual(before.items.map((i) => i.target.selector[0].exact).sort());
    } finally {
      await fresh?.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync(dir)).toBe(false);
  });

  it('the Your dossier page searches, filters by actor, and edits an item in place', async () => {
    await dossierPage.bringToFront();
    const all = await listedPassages(dossierPage);
    expect(all.length).toBeGreaterThan(2);
    const search = '.rd-filters input[type="search"]';
    await dossierPage.type(search, 'NO CALL planned'); // the note of the first save; case does not matter
    await until('the search keeps one item', async () => (await listedPassages(dossierPage)).join('|') === SENTENCE);
    await dossierPage.click(search, { clickCount: 3 });
    await dossierPage.keyboard.press('Backspace');
    await until('every item is listed again', async () => (await listedPassages(dossierPage)).length === all.length);
    await dossierPage.select('.rd-filters select', 'bundled:dmitry-peskov');
    await until('the actor filter keeps Peskov\'s items', async () => {
      const metas = await dossierPage.$$eval('.rd-actor', (els) => els.map((e) => e.textContent));
      return metas.length > 0 && metas.every((m) => m === 'Dmitry Peskov');
    });
    await dossierPage.select('.rd-filters select', '');
    await until('every item is listed again', async () => (await listedPassages(dossierPage)).length === all.length);

    // Edit the first-saved item: Putin → Dmitry Peskov, a reported statement, a new note.
    const id = (await storedDossier(dossierPage))!.items.find((i) => i.target.selector[0].exact === SENTENCE)!.id;
    const row = `.rd-item[data-item-id="${id}"]`;
    await dossierPage.click(`${row} .rd-buttons button:first-child`);
    await dossierPage.select(`${row} .rd-edit select`, 'bundled:dmitry-peskov');
    await dossierPage.select(`${row} .rd-edit label:nth-child(2) select`, 'reported');
    await dossierPage.$eval(`${row} .rd-edit textarea`, (el) => ((el as HTMLTextAreaElement).value = ''));
    await dossierPage.type(`${row} .rd-edit textarea`, 'said on Monday');
    await dossierPage.click(`${row} .rd-edit button[type="submit"]`);
    await until('the edit is stored', async () => {
      const item = (await storedDossier(dossierPage))!.items.find((i) => i.id === id) as unknown as { actor: { id: string }; kind: string; note?: string } | undefined;
      return item?.actor.id === 'dmitry-peskov' && item.kind === 'reported' && item.note === 'said on Monday';
    });
    await until('the row shows it', async () => (await dossierPage.$eval(row, (el) => (el as HTMLElement).innerText)).includes('Dmitry Peskov · Reported statement'));
    // The provenance is untouched.
    expect((await storedDossier(dossierPage))!.items.find((i) => i.id === id)!.target.selector[0].exact).toBe(SENTENCE);
  });

  it('a malformed or foreign import file shows one clear error and loses nothing; a valid one merges, once', async () => {
    await dossierPage.bringToFront();
    const before = await storedDossier(dossierPage);
    const listedBefore = await listedPassages(dossierPage);
    expect(listedBefore.length).toBeGreaterThan(0);

    const damaged = await importFile(dossierPage, 'export-damaged.json');
    expect(damaged).toEqual([{ kind: 'error', text: expect.stringMatching(/^This Dossier export is damaged, nothing was imported: items\[0\]\.target\.source: /) }]);
    const foreign = await importFile(dossierPage, 'foreign.json');
    expect(foreign).toEqual([{ kind: 'error', text: 'This file is not a Dossier export: it has no "format": "dossier-reader-dossier".' }]);
    expect(await storedDossier(dossierPage)).toEqual(before);
    expect(await listedPassages(dossierPage)).toEqual(listedBefore);

    expect(await importFile(dossierPage, 'export-v1.json')).toEqual([{ kind: 'ok', text: 'Imported 1 new item and 1 new actor; 0 already here.' }]);
    await until('the imported passage is listed', async () => (await listedPassages(dossierPage)).includes(IMPORTED));
    expect(await importFile(dossierPage, 'export-v1.json')).toEqual([{ kind: 'ok', text: 'Imported 0 new items and 0 new actors; 1 already here.' }]);
    const after = (await storedDossier(dossierPage))!;
    expect(after.items).toHaveLength(before!.items.length + 1);
    expect(after.actors.map((a) => a.name)).toEqual([...before!.actors.map((a) => a.name), 'Steve Witkoff']);
  });

  it('a page cannot make a save: not with its own events or messages, and a content script without a gesture is refused', async () => {
    const url = site.url(ARTICLE);
    const page = await openReady(app, url);
    await page.bringToFront();
    const before = await storedDossier(dossierPage);
    await page.evaluate(() => {
      const w = window as unknown as { dialogSeen: boolean };
      w.dialogSeen = false;
      new MutationObserver(() => (w.dialogSeen ||= document.querySelector('dossier-save-dialog') !== null)).observe(document.documentElement, { childList: true, subtree: true });
    });
    await selectText(page, SENTENCE);

    // The page's own attempts: the keyboard shortcut and a context menu as synthetic events, messages in the format the extension uses.
    await page.evaluate((sentence: string) => {
      const key = { key: 'D', code: 'KeyD', altKey: true, shiftKey: true, bubbles: true };
      document.dispatchEvent(new KeyboardEvent('keydown', key));
      document.dispatchEvent(new KeyboardEvent('keyup', key));
      document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, button: 2 }));
      const token = '00000000-0000-4000-8000-000000000000';
      window.postMessage({ id: 1, type: 'openSaveDialog', data: { token, actors: [] }, timestamp: Date.now() }, '*');
      window.postMessage({ id: 2, type: 'saveFromDialog', data: { token, sentence }, timestamp: Date.now() }, '*');
    }, SENTENCE);

    // A content script (the extension's isolated world on this page) that forges a save, or an import, is refused.
    const session = await page.createCDPSession();
    const contexts: { id: number; origin: string }[] = [];
    session.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string } }) => contexts.push(e.context));
    await session.send('Runtime.enable');
    await until('the content script world is listed', async () => contexts.some((c) => c.origin === `chrome-extension://${app.extensionId}`));
    const world = contexts.find((c) => c.origin === `chrome-extension://${app.extensionId}`)!;
    const forged = await session.send('Runtime.evaluate', {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const send = (type, data) => new Promise((r) => chrome.runtime.sendMessage({ id: 9, type, data, timestamp: Date.now() }, r));
        const text = ${JSON.stringify(SENTENCE)};
        const start = document.body.innerText.indexOf(text);
        const selector = [{ type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: Math.max(0, start), end: Math.max(0, start) + text.length }];
        const actor = { type: 'existing', ref: { type: 'bundled', id: 'vladimir-putin' } };
        return {
          save: await send('saveFromDialog', { token: '00000000-0000-4000-8000-000000000000', actor, kind: 'quote', title: 'forged', selector }),
          imported: await send('dossierImport', { text: JSON.stringify({ format: 'dossier-reader-dossier', version: 1, exportedAt: new Date().toISOString(), actors: [], items: [] }) }),
          deleted: await send('dossierDelete', { id: 'item-00000000' }),
        };
      })()`,
    });
    await session.detach();
    expect(forged.result.value).toEqual({
      save: { res: { ok: false, error: 'Not saved: start again from "Add to Dossier…" on your selection.' } },
      imported: { res: { ok: false, error: 'Only the "Your dossier" page can change your dossier.' } },
      deleted: { res: null },
    });

    // Then the reader's own gesture opens the dialog: the listener was there all along, and nothing opened it before.
    const seenBefore = await page.evaluate(() => (window as unknown as { dialogSeen: boolean }).dialogSeen);
    await clickAddToDossier(app, url, SENTENCE);
    await waitForDialog(page);
    expect(seenBefore).toBe(false);
    await page.keyboard.press('Escape');
    await waitInPage(page, () => document.querySelector('dossier-save-dialog') === null);
    expect(await storedDossier(dossierPage)).toEqual(before);
    await page.close();
  });

  it('a new actor named like a bundled one: the dialog says who keeps the name, and so does the Your dossier page\'s edit', async () => {
    const url = site.url(ARTICLE);
    const page = await openReady(app, url);
    await page.bringToFront();
    const sentence = 'The United States has emerged as a key intermediary, with Trump holding talks with Zelenskiy and maintaining direct contact with Putin.';
    await selectText(page, sentence);
    await clickAddToDossier(app, url, sentence);
    await waitForDialog(page);
    await page.keyboard.type('Kremlin press office');
    await page.keyboard.press('Tab'); // "New actor…"
    await page.keyboard.press('Enter'); // the name field
    await page.keyboard.press('Tab'); // category
    await page.keyboard.press('Tab'); // other names
    await page.keyboard.type('Peskov, press office');
    const taken = '“Peskov” is already a name of Dmitry Peskov in Dossier’s data: on pages it stays highlighted as Dmitry Peskov and opens Dmitry Peskov’s card, not yours.';
    const still = 'Kremlin press office is highlighted only under “Kremlin press office”, “press office”.';
    // What the reader sees in the closed root, through the accessibility tree.
    await until('the dialog warns', async () => (await accessibleNames(page)).includes(taken));
    expect(await accessibleNames(page)).toContain(still);
    await page.keyboard.press('Tab'); // "Choose a listed actor instead"
    await page.keyboard.press('Tab'); // kind
    await page.keyboard.press('Tab'); // note
    await page.keyboard.press('Tab'); // Save
    await page.keyboard.press('Enter');
    await until('the actor and its item are stored', async () => (await storedDossier(dossierPage))!.items.some((i) => i.target.selector[0].exact === sentence));
    await page.close();

    // The Your dossier page's edit of that item says the same while the actor is chosen, and not for a bundled one.
    await dossierPage.bringToFront();
    const id = (await storedDossier(dossierPage))!.items.find((i) => i.target.selector[0].exact === sentence)!.id;
    const row = `.rd-item[data-item-id="${id}"]`;
    await until('the page lists it', async () => (await dossierPage.$(row)) !== null);
    await dossierPage.click(`${row} .rd-buttons button:first-child`);
    await dossierPage.waitForSelector(`${row} .rd-warning`);
    expect(await dossierPage.$$eval(`${row} .rd-warning p`, (ps) => ps.map((p) => p.textContent))).toEqual([taken, still]);
    await dossierPage.select(`${row} .rd-edit select`, 'bundled:dmitry-peskov');
    await waitInPage(dossierPage, () => document.querySelector('.rd-warning') === null);
    await dossierPage.click(`${row} .rd-edit button[type="button"]`); // Cancel
  });
});
