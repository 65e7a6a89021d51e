/**
 * The interface's words in the reader's language: `t` is @wxt-dev/i18n's typed `browser.i18n.getMessage` over
 * `locales/*.yml` (the browser picks the locale), `plural` picks a count's form by the CLDR plural rules of the
 * locale the browser picked, and `list` joins names the way that language does. docs/localisation.md.
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';

/** A message by its typed key (`popup.title`), with its `{name}` substitutions. */
export const t = i18n.t;

type Keys = keyof GeneratedI18nStructure & string;

/** Keys of messages with plural forms: the `x` of `x.one` … `x.other` (every language has `one` and `other`). */
type Bases<K> = K extends `${infer Base}.other` ? Base : never;
export type PluralKey = { [B in Bases<Keys>]: `${B}.one` extends Keys ? B : never }[Bases<Keys>];

/**
 * The language of the messages the browser chose (each locale file names its own in `language`), which is not always
 * the browser's UI language: a browser in Polish gets the default locale's English messages, and English plurals.
 */
export function uiLanguage(): string {
  return t('language') || 'en';
}

/** The key of the form of `base` that `count` takes in `language`: `base.one`, `base.few`, `base.many` or `base.other`. */
export function pluralKey(base: string, count: number, language: string): string {
  return `${base}.${new Intl.PluralRules(language).select(count)}`;
}

const untyped = i18n.t as (key: string, substitutions?: Record<string, string | number>) => string;

/**
 * A message with a count in it, in the form the count takes in the interface's language ("1 джерело", "2 джерела",
 * "5 джерел"). `{n}` in the message is the count; other `{names}` come from `more`; numbers are written the
 * language's way.
 */
export function plural(base: PluralKey, count: number, more: Record<string, string | number> = {}): string {
  const language = uiLanguage();
  const named = Object.fromEntries(Object.entries({ ...more, n: count }).map(([k, v]) => [k, typeof v === 'number' ? v.toLocaleString(language) : v]));
  return untyped(pluralKey(base, count, language), named) || untyped(`${base}.other`, named);
}

/**
 * "A", "A and B", "A, B and C" in the interface's language. Not Intl.ListFormat: its English puts a comma before
 * "and", which Dossier's English never did.
 */
export function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return t('listJoin', { init: names.slice(0, -1).join(', '), last: names[names.length - 1]! });
}

/** An extension page in the interface's language: its `lang` (for screen readers and hyphenation) and its title. */
export function localisePage(title: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
}

/** Whether the interface speaks another language than the data's own text (English). */
export function dataInOtherLanguage(): boolean {
  return !uiLanguage().startsWith('en');
}
