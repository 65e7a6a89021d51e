/**
 * The reasons the reader's-dossier core gives, worded for the reader: the exact English sentences the interface has
 * always shown, and the same reasons in Ukrainian (numbers and plural forms the language's way), one line each.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoreReason } from '../../src/core/reader-dossier/store';
import type { ImportReason } from '../../src/core/reader-dossier/transfer';
import { importReasonText, storeReasonText } from '../../src/shared/reader-dossier-words';
import { getMessageFrom, localeMessages } from '../setup/locale-messages';

const english = fakeBrowser.i18n.getMessage;
async function speak(lang: string) {
  fakeBrowser.i18n.getMessage = getMessageFrom(await localeMessages(lang)) as typeof fakeBrowser.i18n.getMessage;
}
afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

const STORE: [StoreReason, string][] = [
  [{ code: 'invalid', action: 'save', detail: 'target.source: Invalid input' }, 'Not saved: target.source: Invalid input'],
  [{ code: 'invalid', action: 'change', detail: 'note: Too big' }, 'Not changed: note: Too big'],
  [{ code: 'invalid', action: 'createActor', detail: 'name: Too small' }, 'Actor not created: name: Too small'],
  [{ code: 'actorMissing', action: 'save' }, 'Not saved: that actor is not in your dossier.'],
  [{ code: 'actorMissing', action: 'change' }, 'Not changed: that actor is not in your dossier.'],
  [{ code: 'full', max: 5000 }, 'Your dossier is full: it keeps at most 5,000 items. Export it, then delete some items to save new ones.'],
  [{ code: 'actorsFull', max: 500 }, 'Actor not created: your dossier keeps at most 500 actors of your own.'],
  [{ code: 'itemGone' }, 'That item is no longer in your dossier.'],
];

const IMPORT: [ImportReason, string][] = [
  [{ code: 'notJson' }, 'This file is not a Dossier export: it is not JSON.'],
  [{ code: 'noFormat', format: 'dossier-reader-dossier' }, 'This file is not a Dossier export: it has no "format": "dossier-reader-dossier".'],
  [{ code: 'noVersion' }, 'This Dossier export has no valid "version".'],
  [{ code: 'newerVersion', version: 2, max: 1 }, 'This Dossier export is version 2, made by a newer Dossier; this one reads up to version 1.'],
  [{ code: 'unreadableVersion', version: 1 }, 'This Dossier export is version 1, which this Dossier cannot read.'],
  [{ code: 'damaged', where: 'items[0].kind', message: 'Invalid option', more: 0 }, 'This Dossier export is damaged, nothing was imported: items[0].kind: Invalid option.'],
  [{ code: 'damaged', where: '', message: 'Invalid input', more: 2 }, 'This Dossier export is damaged, nothing was imported: the file: Invalid input (and 2 more problems).'],
  [{ code: 'orphan', index: 1 }, 'This Dossier export is damaged, nothing was imported: items[1] names an actor the file does not contain.'],
  [{ code: 'tooManyActors', max: 500 }, 'Nothing was imported: your dossier would have more than 500 actors of your own.'],
];

describe('in English', () => {
  it.each(STORE)('store %j', (reason, text) => expect(storeReasonText(reason)).toBe(text));
  it.each(IMPORT)('import %j', (reason, text) => expect(importReasonText(reason)).toBe(text));
});

describe('in every language of the interface: a sentence of one line, never the English one', () => {
  it.each(['uk', 'ru', 'de', 'fr', 'es'])('%s', async (lang) => {
    await speak(lang);
    for (const [reason, en] of STORE) {
      const text = storeReasonText(reason);
      expect(text).not.toBe(en);
      expect(text.split('\n')).toHaveLength(1);
      expect(text).not.toMatch(/\{|\$/);
    }
    for (const [reason, en] of IMPORT) {
      const text = importReasonText(reason);
      expect(text).not.toBe(en);
      expect(text.split('\n')).toHaveLength(1);
      expect(text).not.toMatch(/\{\w+\}|\$\d/);
    }
  });
});

describe('in Ukrainian', () => {
  it('writes numbers and counts the Ukrainian way', async () => {
    await speak('uk');
    expect(storeReasonText({ code: 'full', max: 5000 })).toBe(
      'Ваше досьє заповнене: воно вміщує щонайбільше 5\u00a0000 записів. Експортуйте його, а потім видаліть кілька записів, щоб зберегти нові.',
    );
    const damaged = (more: number) => importReasonText({ code: 'damaged', where: 'items[0].kind', message: 'Invalid option', more });
    expect(damaged(1)).toMatch(/\(і ще 1 проблема\)\.$/);
    expect(damaged(2)).toMatch(/\(і ще 2 проблеми\)\.$/);
    expect(damaged(5)).toMatch(/\(і ще 5 проблем\)\.$/);
    expect(importReasonText({ code: 'damaged', where: '', message: 'x', more: 0 })).toBe('Цей експорт Dossier пошкоджено, нічого не імпортовано: файл: x.');
  });
});
