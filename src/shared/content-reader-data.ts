/**
 * What a page looks for in the reader's dossier, as the content script gets it: asked of the background, which reads
 * and validates the stored dossier (src/shared/reader-dossier-storage.ts), and asked again whenever it changes.
 */
import type { ReaderPageData } from '../core/reader-dossier/reader-names';
import { sendToBackground } from './content-messaging';
import { extensionApi } from './extension-api';

/** The storage key of the reader's dossier (WXT's `local:readerDossier`; a unit test keeps the two the same). */
export const READER_DOSSIER_KEY = 'readerDossier';

const NOTHING: ReaderPageData = { quotes: [], entries: [] };

/** What the page at `url` looks for; nothing when the background cannot answer. */
export function readReaderPageData(url: string): Promise<ReaderPageData> {
  return sendToBackground('readerPageData', { url }).then(
    (d) => d ?? NOTHING,
    () => NOTHING,
  );
}

/** Calls `cb` with what the page at `url` looks for whenever the reader's dossier changes. Returns the unwatch function. */
export function watchReaderPageData(url: string, cb: (data: ReaderPageData) => void): () => void {
  const api = extensionApi();
  let asked = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(READER_DOSSIER_KEY in changes)) return;
    // Two changes in quick succession: only the answer to the last question counts.
    const mine = ++asked;
    void readReaderPageData(url).then((d) => {
      if (mine === asked) cb(d);
    });
  };
  api.storage.onChanged.addListener(listener);
  return () => {
    asked = -1;
    api.storage.onChanged.removeListener(listener);
  };
}
