/**
 * The reader's dossier on pages: thin wiring of the save dialog and of the marks on passages saved from this page
 * (src/content/reader-dossier). Top frame only: the background opens the dialog in the tab's main frame, where the
 * reader's selection is read.
 */
import { startReaderSave } from '../src/content/reader-dossier/save-dialog-host';
import { startSavedPassages } from '../src/content/reader-dossier/saved-passages';
import { createWxtContentLifetime } from '../src/shared/wxt-content-lifetime';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT's own context announces itself to the page and stops on an event the page can forge: see the main content
  // script, whose lifetime this one shares the design of.
  noScriptStartedPostMessage: true,
  main() {
    const ctx = createWxtContentLifetime('reader-save');
    startReaderSave(ctx);
    startSavedPassages(ctx);
  },
});
