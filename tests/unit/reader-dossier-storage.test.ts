import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
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

describe('stored dossier with damaged metadata', () => {
  it('a corrupt metadata key (readerDossier$) neither breaks reading nor logs an error', async () => {
    fakeBrowser.reset();
    const item = savedFrom(NEWSX, PUTIN_QUOTE, { id: 'item-aaaa0009', url: 'https://news.example/a' });
    await fakeBrowser.storage.local.set({ readerDossier: { actors: [], items: [item] }, readerDossier$: { v: 99 } });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.resetModules();
    const { getReaderDossier } = await import('../../src/shared/reader-dossier-storage');
    expect((await getReaderDossier()).items).toEqual([item]);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
