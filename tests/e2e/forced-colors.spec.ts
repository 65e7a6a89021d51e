import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, type BrowserKind, type Launched, type Served } from './harness';
import { inCard } from './lib/card';
import { openExtensionTab } from './lib/extension-pages';
import { DEMO_ARTICLE } from './lib/firefox-pages';
import { patchSettings, resetSettings, waitReady } from './lib/page-helpers';
import { openCard, waitForStillCard, servePopoverPages } from './lib/popover-pages';

/**
 * Windows-style forced colours: highlights stay visible and each category keeps its own underline style, in both
 * engines; the card keeps its border, in a system colour. Chromium emulates them per page (the DevTools protocol's
 * `forced-colors: active`, which also makes it force colours as a contrast theme does); Firefox starts with the
 * preferences a contrast theme sets (page colours always overridden).
 */
const FIREFOX_FORCED = { 'browser.display.document_color_use': 2, 'ui.useAccessibilityTheme': 1 };
const CATEGORIES = ['people', 'organisations', 'regions', 'quotes'] as const;

/** What tells a highlight apart without colour, and the colours it is drawn in. */
interface Look {
  line: string;
  style: string;
  thickness: string;
  colour: string;
  background: string;
}

/** Chromium: forced colours on this page. Firefox was started with them. */
async function forceColours(kind: BrowserKind, page: Page): Promise<void> {
  if (kind === 'firefox') return;
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
}

/** The computed colours of the system colours `names`, as the page resolves them now. */
function systemColours(page: Page, names: string[]): Promise<Record<string, string>> {
  return page.evaluate((list: string[]) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const out: Record<string, string> = {};
    for (const name of list) {
      probe.style.color = name;
      out[name] = getComputedStyle(probe).color;
    }
    probe.remove();
    return out;
  }, names);
}

describe.each<BrowserKind>(['chromium', 'firefox'])('forced colours in %s', (kind) => {
  let app: Launched;
  let site: Served;
  /** An extension page, to change settings from. */
  let settingsTab: Page;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind, kind === 'firefox' ? { firefoxPrefs: FIREFOX_FORCED } : {}, servePopoverPages));
    settingsTab = await openExtensionTab(app, site);
  });
  afterEach(() => resetSettings(settingsTab));
  afterAll(() => closeAll(app, site));

  async function article(): Promise<Page> {
    const p = await app.newPage();
    await forceColours(kind, p);
    await p.goto(site.url(DEMO_ARTICLE));
    await waitReady(p);
    await p.bringToFront();
    expect(await p.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    return p;
  }

  function expectDistinctAndVisible(looks: Record<string, Look>, system: Record<string, string>): void {
    expect(Object.keys(looks).sort()).toEqual([...CATEGORIES].sort());
    for (const look of Object.values(looks)) {
      expect(look.line).toBe('underline');
      expect(parseFloat(look.thickness)).toBeGreaterThanOrEqual(1);
      expect(look.colour).toBe(system.MarkText);
      expect(look.background).toBe(system.Mark);
    }
    // Four categories, four underline styles: no colour needed to tell them apart.
    expect(new Set(Object.values(looks).map((l) => l.style)).size).toBe(CATEGORIES.length);
    expect(system.Mark).not.toBe(system.Canvas);
  }

  it('css engine: every category is underlined in its own style, in the system highlight colours', async () => {
    const p = await article();
    const looks = await p.evaluate((categories: readonly string[]) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      const out: Record<string, unknown> = {};
      for (const c of categories) {
        const first = [...(registry.get(`dossier-${c}`) ?? [])][0];
        if (!first) continue;
        const cs = getComputedStyle(first.startContainer.parentElement!, `::highlight(dossier-${c})`);
        out[c] = {
          line: cs.textDecorationLine,
          style: cs.textDecorationStyle,
          thickness: cs.textDecorationThickness,
          colour: cs.textDecorationColor,
          background: cs.backgroundColor,
        };
      }
      return out;
    }, CATEGORIES);
    expectDistinctAndVisible(looks as Record<string, Look>, await systemColours(p, ['Mark', 'MarkText', 'Canvas']));
    await p.close();
  });

  it('marks engine: the same on the marks', async () => {
    await patchSettings(settingsTab, { engine: 'marks' });
    const p = await article();
    const looks = await p.evaluate((categories: readonly string[]) => {
      const out: Record<string, unknown> = {};
      for (const c of categories) {
        const mark = document.querySelector(`dossier-mark[data-dossier-category="${c}"]`);
        if (!mark || mark.getBoundingClientRect().width === 0) continue;
        const cs = getComputedStyle(mark);
        out[c] = {
          line: cs.textDecorationLine,
          style: cs.textDecorationStyle,
          thickness: cs.textDecorationThickness,
          colour: cs.textDecorationColor,
          background: cs.backgroundColor,
        };
      }
      return out;
    }, CATEGORIES);
    expectDistinctAndVisible(looks as Record<string, Look>, await systemColours(p, ['Mark', 'MarkText', 'Canvas']));
    await p.close();
  });

  it('the card keeps its border and its buttons their outlines, in system colours', async () => {
    const p = await app.newPage();
    await forceColours(kind, p);
    await p.goto(site.url('/plain.html'));
    await p.bringToFront();
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    await waitForStillCard(p);
    const system = await systemColours(p, ['CanvasText', 'Canvas']);
    const looks = await inCard(p, (root) => {
      const edge = (sel: string) => {
        const el = root.querySelector(sel);
        if (!el) return null;
        const cs = getComputedStyle(el);
        return { style: cs.borderTopStyle, width: cs.borderTopWidth, colour: cs.borderTopColor, background: cs.backgroundColor };
      };
      return { card: edge('.dp-card'), close: edge('.dp-close'), badge: edge('.dp-badge'), button: edge('.dp-button') };
    });
    expect(looks.card).toEqual({ style: 'solid', width: '2px', colour: system.CanvasText, background: system.Canvas });
    for (const part of [looks.close, looks.badge, looks.button]) expect(part).toMatchObject({ style: 'solid', width: '1px', colour: system.CanvasText });
    await p.close();
  });
});
