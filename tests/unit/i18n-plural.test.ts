/**
 * Counts in each language of the interface: the helper picks the CLDR form of the language whose messages the
 * browser chose, and the locale files say it right (Ukrainian and Russian one / few / many, French 0 as one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { list, plural, pluralKey, uiLanguage } from '../../src/shared/i18n';
import { getMessageFrom, localeMessages } from '../setup/locale-messages';

const english = fakeBrowser.i18n.getMessage;

/** The browser as if it had chosen `lang`'s messages. */
async function speak(lang: string) {
  fakeBrowser.i18n.getMessage = getMessageFrom(await localeMessages(lang)) as typeof fakeBrowser.i18n.getMessage;
}

afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

describe('pluralKey', () => {
  it.each([
    ['uk', 1, 'one'], ['uk', 2, 'few'], ['uk', 5, 'many'], ['uk', 11, 'many'], ['uk', 21, 'one'], ['uk', 22, 'few'], ['uk', 25, 'many'],
    ['ru', 1, 'one'], ['ru', 2, 'few'], ['ru', 5, 'many'], ['ru', 11, 'many'], ['ru', 21, 'one'], ['ru', 22, 'few'], ['ru', 25, 'many'],
    ['fr', 0, 'one'], ['fr', 1, 'one'], ['fr', 2, 'other'], ['fr', 1_000_000, 'many'],
    ['en', 0, 'other'], ['en', 1, 'one'], ['en', 2, 'other'],
    ['de', 0, 'other'], ['de', 1, 'one'], ['de', 2, 'other'],
    ['es', 0, 'other'], ['es', 1, 'one'], ['es', 2, 'other'],
  ] as const)('%s %i → %s', (lang, n, form) => {
    expect(pluralKey('popup.sources', n, lang)).toBe(`popup.sources.${form}`);
  });
});

describe('plural', () => {
  it('reads the language from the messages the browser chose', async () => {
    expect(uiLanguage()).toBe('en');
    await speak('uk');
    expect(uiLanguage()).toBe('uk');
  });

  it('Ukrainian: 1 джерело, 2 джерела, 5 джерел, 11 джерел, 21 джерело, 22 джерела, 25 джерел', async () => {
    await speak('uk');
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => plural('popup.sources', n))).toEqual([
      '1 джерело', '2 джерела', '5 джерел', '11 джерел', '21 джерело', '22 джерела', '25 джерел',
    ]);
    expect([1, 3, 12].map((n) => plural('popup.totals.mentions', n))).toEqual(['1 згадка', '3 згадки', '12 згадок']);
  });

  it('Russian: 1 источник, 2 источника, 5 источников, 11 источников, 21 источник, 22 источника, 25 источников', async () => {
    await speak('ru');
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => plural('popup.sources', n))).toEqual([
      '1 источник', '2 источника', '5 источников', '11 источников', '21 источник', '22 источника', '25 источников',
    ]);
    expect([1, 4, 111].map((n) => plural('card.reportedBy', n))).toEqual(['Сообщает 1 источник:', 'Сообщают 4 источника:', 'Сообщают 111 источников:']);
  });

  it('French: 0 and 1 are singular, 2 plural, a million “de”', async () => {
    await speak('fr');
    expect([0, 1, 2].map((n) => plural('popup.sources', n))).toEqual(['0 source', '1 source', '2 sources']);
    expect(plural('popup.sources', 1_000_000)).toBe('1\u202f000\u202f000 de sources');
  });

  it('German, Spanish and English: 0 is plural, 1 singular', async () => {
    for (const [lang, forms] of [
      ['de', ['0 Quellen', '1 Quelle', '2 Quellen']],
      ['es', ['0 fuentes', '1 fuente', '2 fuentes']],
      ['en', ['0 sources', '1 source', '2 sources']],
    ] as const) {
      await speak(lang);
      expect([0, 1, 2].map((n) => plural('popup.sources', n))).toEqual(forms);
    }
  });

  it('writes the number the language’s way and fills the other placeholders', async () => {
    await speak('de');
    expect(plural('tracker.shownOf', 1234, { total: 5000 })).toBe('1.234 von 5.000 Positionen');
    await speak('en');
    expect(plural('card.appearsIn', 1, { total: 5 })).toBe('Appears in 1 of 5 bundled sources');
  });
});

describe('list', () => {
  it('joins names with the language’s “and”, no comma before it', async () => {
    expect([[], ['A'], ['A', 'B'], ['A', 'B', 'C']].map((names) => list(names))).toEqual(['', 'A', 'A and B', 'A, B and C']);
    await speak('uk');
    expect(list(['Russia', 'Ukraine', 'Kremlin'])).toBe('Russia, Ukraine і Kremlin');
  });
});
