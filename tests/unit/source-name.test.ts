/** A source as the reader knows it, in the interface's language; citations keep the data's English. */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishSourceName, sourceName } from '../../src/core/labels';
import { sourceNameText } from '../../src/ui/source-name';
import { getMessageFrom, localeMessages } from '../setup/locale-messages';

const english = fakeBrowser.i18n.getMessage;
afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

const reuters = sourceName({ outlet: 'unknown', credits: ['Reuters'] });
const bbc = sourceName({ outlet: 'BBC', credits: [] });
const none = sourceName({ outlet: 'Unknown', credits: [] });

describe('sourceName', () => {
  it('is the outlet, the credited wires, or unknown', () => {
    expect([bbc, reuters, none, sourceName(undefined)]).toEqual([{ kind: 'outlet', name: 'BBC' }, { kind: 'credited', wires: 'Reuters' }, { kind: 'unknownOutlet' }, { kind: 'unknownSource' }]);
  });

  it('reads the same in English in the interface and in citations', () => {
    for (const n of [bbc, reuters, none, sourceName(undefined)]) expect(sourceNameText(n)).toBe(englishSourceName(n));
    expect(sourceNameText(reuters)).toBe('Reuters (credited)');
  });

  it('in Ukrainian, the outlet stays its own name', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await localeMessages('uk')) as typeof fakeBrowser.i18n.getMessage;
    expect(sourceNameText(reuters)).toBe('за даними Reuters');
    expect(sourceNameText(bbc)).toBe('BBC');
    expect(sourceNameText(none)).toBe('Невідоме видання');
    expect(englishSourceName(reuters)).toBe('Reuters (credited)');
  });
});
