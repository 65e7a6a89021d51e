/**
 * Every locale has every message of the English one, no more, with the same `{placeholders}`; a message with a
 * count has exactly the plural forms its language has (CLDR, as Intl.PluralRules knows them).
 */
import { describe, expect, it } from 'vitest';
import { localeMessages, localeNames } from '../setup/locale-messages';

const FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/**
 * Message names split into plain ones and the bases of plural groups (name → its forms). A plural group has `one` and
 * `other` in every language of the interface; `side.other` alone is a plain message.
 */
function shape(messages: Map<string, string>) {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const name of messages.keys()) {
    const cut = name.lastIndexOf('_');
    const form = name.slice(cut + 1);
    const base = name.slice(0, cut);
    if (cut > 0 && FORMS.has(form) && messages.has(`${base}_one`) && messages.has(`${base}_other`)) {
      plurals.set(base, (plurals.get(base) ?? new Set()).add(form));
    } else plain.add(name);
  }
  return { plain, plurals };
}

const placeholders = (text: string) => [...new Set(text.match(/\{[A-Za-z0-9_]+\}/g) ?? [])].sort();

describe('locale files', async () => {
  const english = await localeMessages('en');
  const en = shape(english);
  const languages = localeNames();

  it('are the six languages of the interface', () => {
    expect(languages).toEqual(['de', 'en', 'es', 'fr', 'ru', 'uk']);
  });

  describe.each(languages)('%s', (lang) => {
    it('names its own language', async () => {
      expect((await localeMessages(lang)).get('language')).toBe(lang);
    });

    it('has every English message and no other, none empty', async () => {
      const messages = await localeMessages(lang);
      const own = shape(messages);
      expect([...own.plain].sort()).toEqual([...en.plain].sort());
      expect([...own.plurals.keys()].sort()).toEqual([...en.plurals.keys()].sort());
      expect([...messages].filter(([, text]) => text.trim() === '').map(([name]) => name)).toEqual([]);
    });

    it('fits the manifest: a description of at most 132 characters (the stores cut the rest)', async () => {
      const messages = await localeMessages(lang);
      expect(messages.get('extension_description')!.length).toBeLessThanOrEqual(132);
    });

    it('gives each count exactly the plural forms of its language', async () => {
      const own = shape(await localeMessages(lang));
      const forms = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      for (const [base, have] of own.plurals) expect({ base, forms: [...have].sort() }).toEqual({ base, forms });
    });

    it('keeps the placeholders of the English message, and no $ (browser.i18n would read it as a substitution)', async () => {
      const messages = await localeMessages(lang);
      const wrong: string[] = [];
      for (const [name, text] of messages) {
        const own = shape(messages);
        const base = [...own.plurals.keys()].find((b) => name.startsWith(`${b}_`) && own.plurals.get(b)!.has(name.slice(b.length + 1)));
        const reference = english.get(base ? `${base}_other` : name) ?? '';
        if (placeholders(text).join() !== placeholders(reference).join() || text.includes('$')) wrong.push(`${name}: ${text}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});
