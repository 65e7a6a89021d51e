/**
 * The browser in Ukrainian: Dossier's popup, an open card, the positions tracker and a source card speak Ukrainian
 * (counts in the right form, topics and credited wires named in Ukrainian), say once that the data's own text is
 * English, and leave that text as it is. Both browsers: Chromium through its language setting, Firefox through its
 * Ukrainian language pack.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';
import { inCard } from './lib/card';
import { DEMO_ARTICLE, findExtensionTab, hoverCard } from './lib/firefox-pages';
import { openExtensionTab, openPopupTab } from './lib/extension-pages';
import { openReady } from './lib/page-helpers';

/** The Ukrainian form of a count: 1 згадка, 2 згадки, 5 згадок (CLDR one / few / many). */
const form = (n: number, forms: Record<'one' | 'few' | 'many', string>) => forms[new Intl.PluralRules('uk').select(n) as 'one' | 'few' | 'many'];

describe.each<BrowserKind>(['chromium', 'firefox'])('Ukrainian interface in %s', (kind) => {
  let app: Launched;
  let site: Served;
  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind, { lang: 'uk' }));
  });
  afterAll(() => closeAll(app, site));

  it('an open card is in Ukrainian, says the data is in English, and keeps the data’s English words', async () => {
    const page = await openReady(app, site.url(DEMO_ARTICLE));
    const card = await hoverCard(page, 'Peskov', { label: 'Dossier: Dmitry Peskov (Особа)' });
    expect(card.text).toContain('Дані англійською');
    expect(card.text).toContain('Чому це виділено?');
    expect(card.text).toMatch(/Позиції|Їхніми словами|Говорить від імені/);
    expect(card.text).toMatch(/Згадується в \d+ з \d+ вбудованих джерел/);
    // The data's own text: the role and the verbatim quotation, in English.
    expect(card.text).toMatch(/spokesman/i);
    expect(card.text).toContain('“We are talking about the withdrawal of the regime’s armed forces from the Donbas”');
    expect(card.text).not.toMatch(/Why is this highlighted|Appears in|Data in English|Data curated|\(credited\)/);
    // The footer: the interface's words around the data's own English account of what the texts cover.
    expect(await inCard(page, (root) => root.querySelector('.dp-foot')?.textContent)).toMatch(/^Дані впорядковано \d{4}\.\d{2}\.\d{2} · five undated reports/);
    // On an English page the card says it speaks Ukrainian, so a screen reader reads it with a Ukrainian voice.
    expect(await inCard(page, (root) => root.querySelector('[role="dialog"]')?.getAttribute('lang'))).toBe('uk');
    await page.close();
  });

  it('the popup is in Ukrainian, with counts in the right plural form, and says so to assistive technology', async () => {
    const article = await openReady(app, site.url(DEMO_ARTICLE));
    const popup = await openPopupTab(app, site, site.url(DEMO_ARTICLE));
    await popup.waitForSelector('[data-testid="totals"]');
    const seen = await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => t.firstChild?.textContent),
      totals: document.querySelector('[data-testid="totals"]')!.textContent!,
      headings: [...document.querySelectorAll('h2')].map((h) => h.firstChild?.textContent?.trim()),
      legend: document.querySelector('.categories legend')?.textContent,
      tracker: document.querySelector('.tracker-link')?.textContent,
    }));
    expect(seen.lang).toBe('uk');
    expect(seen.tabs).toEqual(['Ця сторінка', 'Огляд']);
    expect(seen.headings).toEqual(expect.arrayContaining(['Учасники', 'Регіони', 'Позиції в грі']));
    expect(seen.legend).toBe('Виділяти');
    expect(seen.tracker).toBe('Трекер позицій');
    const [, mentions, entities] = seen.totals.match(/^(\d+) \S+ про (\d+) \S+$/) ?? [];
    expect(mentions, seen.totals).toBeDefined();
    expect(seen.totals).toBe(
      `${mentions} ${form(Number(mentions), { one: 'згадка', few: 'згадки', many: 'згадок' })} про ${entities} ${form(Number(entities), { one: 'об’єкт', few: 'об’єкти', many: 'об’єктів' })}`,
    );
    await popup.close();
    await article.close();
  });

  /** An extension page: Chromium opens it; Firefox navigates an extension tab to it (BiDi cannot open moz-extension:). */
  async function extensionPage(path: string, ready: () => boolean): Promise<Page> {
    let page: Page;
    if (kind === 'chromium') {
      page = await app.newPage();
      await page.goto(app.extensionUrl(path));
    } else {
      const tab = await openExtensionTab(app, site);
      await tab.evaluate((p) => location.assign(p), path);
      page = await findExtensionTab(app, path);
    }
    await waitInPage(page, ready);
    return page;
  }

  it('the positions tracker is in Ukrainian, topics included, and keeps the data’s English', async () => {
    const tracker = await extensionPage('/tracker.html', () => document.querySelectorAll('[data-position-id]').length > 0);
    const seen = await tracker.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelector('h1')?.textContent,
      topicFilter: [...document.querySelectorAll<HTMLOptionElement>('#filter-topic option')].map((o) => o.textContent),
      tags: [...new Set([...document.querySelectorAll('.position-meta .tag')].map((t) => t.textContent))],
      outlets: [...new Set([...document.querySelectorAll('.position-meta a, figcaption a')].map((a) => a.textContent))],
      summaries: document.body.textContent!,
    }));
    expect(seen.lang).toBe('uk');
    expect(seen.h1).toBe('Трекер позицій');
    expect(seen.topicFilter).toEqual(expect.arrayContaining(['Усі теми', 'Територія', 'Гарантії безпеки', 'Переговори']));
    expect(seen.tags).toContain('Територія');
    expect(seen.tags.join()).not.toMatch(/Territory|Security guarantees|Negotiations/);
    expect(seen.outlets).toContain('за даними Reuters');
    expect(seen.outlets.join()).not.toContain('(credited)');
    // The data's own text, a position's summary, stays English.
    expect(seen.summaries).toContain('Ukraine');
    await tracker.close();
  });

  it('a source card is in Ukrainian around the article’s own English', async () => {
    const card = await extensionPage('/sources.html?id=reuters-kremlin-donbas', () => !!document.querySelector('.sc-source'));
    const seen = await card.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelector('h1')?.textContent,
      sub: document.querySelector('.sc-sub')?.textContent,
      outlet: document.querySelector('.sc-outlet')?.textContent,
      facts: [...document.querySelectorAll('.sc-facts dt')].map((d) => d.textContent),
      excerpt: document.querySelector('.sc-text')?.textContent,
    }));
    expect(seen.lang).toBe('uk');
    expect(seen.h1).toBe('Джерела Dossier');
    expect(seen.outlet).toBe('за даними Reuters');
    expect(seen.sub).toMatch(/Дані впорядковано \d{4}\.\d{2}\.\d{2} · five undated reports/);
    expect(seen.sub).not.toMatch(/Data curated|One of/);
    expect(seen.facts.join()).not.toMatch(/Dateline|Credits|Notes/);
    expect(seen.excerpt).toMatch(/^[^\u0400-\u04ff]+$/); // the article's verbatim English, no Cyrillic
    await card.close();
  });
});
