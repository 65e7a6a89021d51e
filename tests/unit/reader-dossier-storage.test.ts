import { describe, expect, it, vi } from 'vitest';
import { parseStoredDossier, savedItemsOfPage } from '../../src/shared/reader-dossier-storage';
import { NEWSX, REUTERS, savedFrom } from './reader-dossier-fixtures';

const PUTIN_QUOTE = 'Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease';
const PESKOV = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';

describe('stored dossier', () => {
  const here = savedFrom(NEWSX, PUTIN_QUOTE, { id: 'item-aaaa0001', url: 'https://news.example/a' });
  const elsewhere = savedFrom(REUTERS, PESKOV, { id: 'item-aaaa0002', url: 'https://news.example/b' });
  const damagedHere = { ...savedFrom(REUTERS, PESKOV, { id: 'item-aaaa0003', url: 'https://news.example/a' }), kind: 'rumour' };

  it('keeps every valid entry and leaves out a damaged one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseStoredDossier({ actors: [{ id: 'bad' }], items: [here, damagedHere, elsewhere] })).toEqual({ actors: [], items: [here, elsewhere] });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(parseStoredDossier('nonsense')).toEqual({ actors: [], items: [] });
  });

  it("a page's items: matched by address without the fragment, only those validated", () => {
    const raw = { actors: [], items: [here, elsewhere, damagedHere, null, { target: { source: 42 } }] };
    expect(savedItemsOfPage(raw, 'https://news.example/a#section-2')).toEqual([here]);
    expect(savedItemsOfPage(raw, 'https://news.example/c')).toEqual([]);
    expect(savedItemsOfPage(undefined, 'https://news.example/a')).toEqual([]);
  });
});
