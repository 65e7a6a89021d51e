/**
 * The messages of the locale files as `browser.i18n.getMessage` returns them, for tests in Node and jsdom, where
 * WXT's fake browser has no i18n. Built the way the extension's `_locales/<lang>/messages.json` are built.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

/** Where the locale files are: one `<lang>.yml` each. */
export const LOCALES_DIR = join(import.meta.dirname, '..', '..', 'locales');

/** The languages with a locale file. */
export function localeNames(): string[] {
  return readdirSync(LOCALES_DIR)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => f.slice(0, -'.yml'.length))
    .sort();
}

/** Message name (`popup_title`) → text, for one language. */
export async function localeMessages(lang: string): Promise<Map<string, string>> {
  const chrome = generateChromeMessages(await parseMessagesFile(join(LOCALES_DIR, `${lang}.yml`))) as Record<string, { message: string }>;
  return new Map(Object.entries(chrome).map(([name, m]) => [name, m.message]));
}

/** `getMessage` over one language's messages, with Chrome's `$1`… positional substitutions. */
export function getMessageFrom(messages: Map<string, string>): (name: string, substitutions?: string | string[]) => string {
  return (name, substitutions) => {
    const text = messages.get(name) ?? '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return text.replace(/\$(\d)/g, (m, i: string) => subs[Number(i) - 1] ?? m);
  };
}
