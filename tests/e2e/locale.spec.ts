/**
 * The browser in Ukrainian: Dossier's popup and an open card speak Ukrainian (counts in the right form), say once
 * that the data's own text is English, and leave that text as it is. Both browsers: Chromium through its language
 * setting, Firefox through its Ukrainian language pack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, type BrowserKind, type Launched, type Served } from './harness';
import { inCard } from './lib/card';
import { DEMO_ARTICLE, hoverCard } from './lib/firefox-pages';
import { openPopupTab } from './lib/extension-pages';
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
    expect(card.text).not.toMatch(/Why is this highlighted|Appears in|Data in English/);
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
});
