/**
 * The content script's side of the page protocol, without the messaging library and without zod: it must speak the
 * library's wire format to the background (which validates), and its storage key for the reader's dossier must be
 * the one the dossier is stored under.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage } from '../../src/shared/messages';
import { sendToBackground, parseJumpTo } from '../../src/shared/content-messaging';
import { READER_DOSSIER_KEY, readReaderPageData, watchReaderPageData } from '../../src/shared/content-reader-data';
import { readerDossierItem } from '../../src/shared/reader-dossier-storage';

beforeEach(() => fakeBrowser.reset());

describe('content → background', () => {
  it('reaches a validated background handler and gets its answer; the background drops what is malformed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const got: unknown[] = [];
    const off = onMessage('pageStateChanged', (data) => void got.push(data));
    await sendToBackground('pageStateChanged', { total: 3, entities: 2 });
    await sendToBackground('pageStateChanged', { total: -1, entities: 2 });
    expect(got).toEqual([{ total: 3, entities: 2 }]);
    expect(warn).toHaveBeenCalledTimes(1);
    off();
    const offOpen = onMessage('openSource', () => true);
    expect(await sendToBackground('openSource', { id: 'reuters' })).toBe(true);
    offOpen();
    warn.mockRestore();
  });

  it('rejects when the background answers with an error', async () => {
    const off = onMessage('openSource', () => {
      throw new Error('no tab');
    });
    await expect(sendToBackground('openSource', { id: 'reuters' })).rejects.toThrow('no tab');
    off();
  });

  it('checks a jumpTo payload field by field', () => {
    expect(parseJumpTo({ id: 'donbas', direction: 'next' })).toEqual({ id: 'donbas', direction: 'next' });
    expect(parseJumpTo({ id: null, direction: 'prev' })).toEqual({ id: null, direction: 'prev' });
    for (const bad of [null, 'next', { direction: 'next' }, { id: '', direction: 'next' }, { id: 'x'.repeat(201), direction: 'next' }, { id: 'x', direction: 'up' }]) {
      expect(parseJumpTo(bad)).toBeNull();
    }
  });
});

describe("the reader's dossier, read through the background", () => {
  it('watches the key the dossier is stored under', () => {
    expect(readerDossierItem.key).toBe(`local:${READER_DOSSIER_KEY}`);
  });

  it('asks again when the dossier changes, and gets nothing when the background cannot answer', async () => {
    expect(await readReaderPageData('https://a.test/')).toEqual({ quotes: [], entries: [] });
    let answers = 0;
    const off = onMessage('readerPageData', () => ({ quotes: [], entries: [{ id: 'reader-1', name: 'A', category: 'people', aliases: [{ text: 'A' }] }] }) as never);
    const seen: unknown[] = [];
    const unwatch = watchReaderPageData('https://a.test/', (d) => (answers++, seen.push(d)));
    await fakeBrowser.storage.local.set({ [READER_DOSSIER_KEY]: { actors: [], items: [] } });
    await vi.waitFor(() => expect(answers).toBe(1));
    expect(seen[0]).toMatchObject({ entries: [{ id: 'reader-1' }] });
    unwatch();
    await fakeBrowser.storage.local.set({ [READER_DOSSIER_KEY]: { actors: [], items: [] , x: 1 } });
    // A question asked now is answered after any the change would have asked.
    await readReaderPageData('https://a.test/');
    expect(answers).toBe(1);
    off();
  });
});
