import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type LaunchOptions, type Served } from './harness';
import { inCard } from './lib/card';
import { axePage, axeWithCard, type AxeViolation } from './lib/axe';
import { DEMO_ARTICLE, findExtensionTab, openSourceCard } from './lib/firefox-pages';
import { tabIdOf, waitReady } from './lib/page-helpers';
import { openCard, waitForStillCard, servePopoverPages } from './lib/popover-pages';

/**
 * axe-core, every rule of every impact, on Dossier's own pages and an open card, in real Chromium and Firefox, in the
 * light and the dark theme: no violation. One describe per cell of the matrix browsers × languages × themes.
 */
type Theme = 'light' | 'dark';
const BROWSERS: BrowserKind[] = ['chromium', 'firefox'];
/** Each entry is spread into `launch`; `{}` is the browser's own language. */
const LOCALES: LaunchOptions[] = [{}, { lang: 'uk' }];
const THEMES: Theme[] = ['light', 'dark'];

/** Firefox cannot emulate the colour scheme per page over WebDriver BiDi: it starts with the content set to it. */
const FIREFOX_SCHEME = { light: 1, dark: 0 } as const;

const cells = BROWSERS.flatMap((kind) =>
  LOCALES.flatMap((locale) => THEMES.map((theme) => ({ kind, locale, theme, name: [kind, `${theme} theme`, locale.lang].filter(Boolean).join(', ') }))),
);

/** The violations as one readable line each, so a failure says what to fix. */
function report(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(', ')}`);
}

describe.each(cells)('axe-core in $name', ({ kind, locale, theme }) => {
  let app: Launched;
  let site: Served;
  /** An extension tab (in Firefox the only way to reach the others: it navigates itself). */
  let extensionTab: Page;
  let articleUrl: string;

  /** Chromium emulates the scheme per page; Firefox was started in it. Either way the page must report it. */
  async function themed(page: Page): Promise<void> {
    if (kind === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  }

  async function expectTheme(page: Page): Promise<void> {
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
  }

  /** The extension page at `path`, loaded and in the theme. */
  async function extensionPage(path: string, ready: () => boolean): Promise<Page> {
    if (kind === 'chromium') {
      const page = await app.newPage();
      await themed(page);
      await page.goto(app.extensionUrl(path));
      await waitInPage(page, ready);
      return page;
    }
    await extensionTab.evaluate((p) => location.assign(p), path);
    const page = await findExtensionTab(app, path);
    await waitInPage(page, ready);
    return page;
  }

  beforeAll(async () => {
    ({ app, site } = await launchWithSite(
      kind,
      {
        ...locale,
        ...(kind === 'firefox' ? { firefoxPrefs: { 'layout.css.prefers-color-scheme.content-override': FIREFOX_SCHEME[theme] } } : {}),
      },
      servePopoverPages,
    ));
    // The demo article with a card open, then the source card its link opens (Firefox's way into extension pages).
    articleUrl = site.url(DEMO_ARTICLE);
    const article = await app.newPage();
    await themed(article);
    await article.goto(articleUrl);
    await waitReady(article);
    await article.bringToFront();
    extensionTab = (await openSourceCard(app, article, 'Peskov')).tab;
    await themed(extensionTab);
  });

  afterAll(() => closeAll(app, site));

  it('an open card', async () => {
    const p = await app.newPage();
    await themed(p);
    await p.goto(site.url('/themed.html'));
    await p.bringToFront();
    await expectTheme(p);
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    await waitForStillCard(p);
    // The card takes the page's theme.
    expect(await inCard(p, (root) => root.querySelector<HTMLElement>('.dp-layer')?.dataset.theme)).toBe(theme);
    expect(report(await axeWithCard(p))).toEqual([]);
    await p.close();
  });

  it('a source card', async () => {
    await waitInPage(extensionTab, () => document.querySelectorAll('.sc-excerpt, mark, article').length > 0);
    await expectTheme(extensionTab);
    expect(report(await axePage(extensionTab))).toEqual([]);
  });

  it('the popup', async () => {
    const tabId = await tabIdOf(extensionTab, articleUrl);
    const popup = await extensionPage(`/popup.html?tabId=${tabId}`, () => !!document.querySelector('[data-testid="actors"] .jump'));
    await expectTheme(popup);
    expect(report(await axePage(popup))).toEqual([]);
    // The other tab: the briefing and the sources' disagreements.
    await popup.click('#tab-briefing');
    await waitInPage(popup, () => document.querySelector('#tab-briefing')?.getAttribute('aria-selected') === 'true' && !!document.querySelector('#panel-briefing h2'));
    expect(report(await axePage(popup))).toEqual([]);
    if (kind === 'chromium') await popup.close();
  });

  it('the positions tracker', async () => {
    const tracker = await extensionPage('/tracker.html', () => document.querySelectorAll('[data-position-id]').length > 0);
    await expectTheme(tracker);
    expect(report(await axePage(tracker))).toEqual([]);
    if (kind === 'chromium') await tracker.close();
  });

  it('the Your dossier page', async () => {
    const page = await extensionPage('/dossier.html', () => !!document.querySelector('h1') && !document.querySelector('[aria-busy="true"]'));
    await expectTheme(page);
    expect(report(await axePage(page))).toEqual([]);
    if (kind === 'chromium') await page.close();
  });
});
