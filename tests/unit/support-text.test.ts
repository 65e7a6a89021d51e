/** What a source's excerpt supports, worded by the interface around the data's own English. */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { collectExcerpts } from '../../src/core/excerpts';
import { dataset } from '../../src/data/dataset';
import { supportText } from '../../src/ui/source-card/support-text';
import { getMessageFrom, localeMessages } from '../setup/locale-messages';

const english = fakeBrowser.i18n.getMessage;
afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

describe('supportText', () => {
  const all = dataset.sources.flatMap((s) => collectExcerpts(dataset, s.id).flatMap((x) => x.supports));

  it('the bundled data has every kind of support', () => {
    expect(new Set(all.map((s) => s.kind))).toEqual(new Set(['quote', 'actor', 'region', 'control', 'position', 'disagreement']));
  });

  it('in English, as the source card has always said it', () => {
    expect(supportText({ kind: 'quote', speaker: 'Dmitry Peskov' })).toBe('Quote of Dmitry Peskov');
    expect(supportText({ kind: 'control', region: 'Donbas', holder: 'Russia', figure: 'about 90%' })).toBe('Donbas: Russia controls about 90%');
    expect(supportText({ kind: 'actor', name: 'Dmitry Peskov', role: 'Kremlin spokesman' })).toBe('Dmitry Peskov: Kremlin spokesman');
  });

  it('in Ukrainian, the data’s names and figures unchanged', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await localeMessages('uk')) as typeof fakeBrowser.i18n.getMessage;
    expect(supportText({ kind: 'quote', speaker: 'Dmitry Peskov' })).toBe('Цитата: Dmitry Peskov');
    expect(supportText({ kind: 'control', region: 'Donbas', holder: 'Russia', figure: 'about 90%' })).toBe('Donbas: Russia контролює about 90%');
    for (const s of all) expect(supportText(s)).not.toMatch(/Quote of| controls /);
  });
});
