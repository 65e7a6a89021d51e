/**
 * Frames with nothing to do load only the frame gate (entrypoints/frame-gate.ts): no content script, no highlight CSS,
 * until they have text and room; frames with text get the content script from the background and are highlighted,
 * srcdoc and about:blank frames included; the site switch and the category toggles hold in frames. Chromium and
 * Firefox, the built extension.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, type BrowserKind, type Launched, type Served } from './harness';
import { openExtensionTab } from './lib/extension-pages';
import { openReady, patchSettings, resetSettings } from './lib/page-helpers';

const PAGE = '/frame-gate.html';
const SIDEBAR = ['organisations:NATO', 'people:Emmanuel Macron', 'people:Friedrich Merz'];
const EXPECTED: Record<string, string[]> = {
  text: SIDEBAR,
  srcdoc: ['people:Dmitry Peskov', 'regions:Crimea', 'regions:Donbas'],
  blank: ['people:Marco Rubio', 'people:Sergei Lavrov'],
};

/** What a frame (by its element's id, same origin as the page) shows: highlights of either engine, and Dossier's traces. */
function frameState(page: Page, id: string) {
  return page.evaluate((id) => {
    const frame = document.getElementById(id) as HTMLIFrameElement;
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    const doc = frame.contentDocument;
    if (!win || !doc?.body) return null;
    const marks = [...doc.querySelectorAll('[data-dossier-category]')].map((el) => `${el.getAttribute('data-dossier-category')}:${el.textContent}`);
    const css: string[] = [];
    const registry = (win.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, hl] of registry ?? []) {
      if (!name.startsWith('dossier-')) continue;
      for (const r of hl) css.push(`${name.slice('dossier-'.length)}:${(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)}`);
    }
    return {
      highlights: [...marks, ...css].sort(),
      // The content script's page CSS is in the frame only when the background injected it there.
      css: win.getComputedStyle(doc.body, '::highlight(dossier-people)').backgroundColor === 'rgba(59, 130, 246, 0.16)',
      status: doc.documentElement.getAttribute('data-dossier'),
    };
  }, id);
}

/** Polls a frame until `ok` holds for its state; returns that state. */
async function frameUntil(page: Page, id: string, ok: (s: NonNullable<Awaited<ReturnType<typeof frameState>>>) => boolean, timeout = 10_000) {
  let last: Awaited<ReturnType<typeof frameState>> = null;
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    last = await frameState(page, id);
    if (last && ok(last)) return last;
  }
  throw new Error(`frame #${id} never got there: ${JSON.stringify(last)}`);
}

describe.each<BrowserKind>(['chromium', 'firefox'])('the frame gate in %s', (kind) => {
  let app: Launched;
  let site: Served;
  let settingsTab: Page;
  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind));
    settingsTab = await openExtensionTab(app, site);
  });
  afterAll(async () => {
    await resetSettings(settingsTab).catch(() => {});
    await closeAll(app, site);
  });

  it('gives an empty frame and a tiny one no content script, highlights the frames with text (srcdoc, about:blank), and starts the others when they get text and room', async () => {
    const page = await openReady(app, site.url(PAGE));
    for (const [id, expected] of Object.entries(EXPECTED)) {
      expect((await frameUntil(page, id, (s) => s.status === 'ready')).highlights, id).toEqual(expected);
    }
    // Every frame's gate ran when the frames with text did (all load together): the empty and the tiny frame have
    // neither the content script's CSS nor its status, and nothing highlighted.
    for (const id of ['empty', 'tiny']) expect(await frameState(page, id), id).toEqual({ highlights: [], css: false, status: null });
    expect((await frameState(page, 'text'))!.css).toBe(true);
    // The ad slot fills, the pixel grows: their gates were waiting.
    await page.evaluate(() => {
      const empty = document.getElementById('empty') as HTMLIFrameElement;
      empty.contentDocument!.body.insertAdjacentHTML('beforeend', '<p>Emmanuel Macron and Friedrich Merz spoke about NATO.</p>');
      document.getElementById('tiny')!.style.cssText = 'width: 300px; height: 120px';
    });
    for (const id of ['empty', 'tiny']) expect((await frameUntil(page, id, (s) => s.status === 'ready' && s.highlights.length > 0)).highlights, id).toEqual(SIDEBAR);
    await page.close();
  });

  it('the category toggles and the site switch reach the frames', async () => {
    const page = await openReady(app, site.url(PAGE));
    await frameUntil(page, 'srcdoc', (s) => s.status === 'ready');
    await patchSettings(settingsTab, { categories: { people: false, organisations: true, regions: true, quotes: true } });
    expect((await frameUntil(page, 'srcdoc', (s) => !s.highlights.some((h) => h.startsWith('people:')))).highlights).toEqual(['regions:Crimea', 'regions:Donbas']);
    await patchSettings(settingsTab, { categories: { people: true, organisations: true, regions: true, quotes: true } });
    await frameUntil(page, 'srcdoc', (s) => s.highlights.length === 3);
    await page.close();
    // Off for the site: a frame with text says so and shows nothing, on a new load too.
    await patchSettings(settingsTab, { disabledSites: ['127.0.0.1'] });
    const off = await app.newPage();
    await off.goto(site.url(PAGE));
    for (const id of Object.keys(EXPECTED)) expect(await frameUntil(off, id, (s) => s.status === 'disabled'), id).toMatchObject({ highlights: [] });
    await patchSettings(settingsTab, { disabledSites: [] });
    for (const [id, expected] of Object.entries(EXPECTED)) expect((await frameUntil(off, id, (s) => s.status === 'ready')).highlights, id).toEqual(expected);
    await off.close();
  });
});
