/**
 * The reader's dossier on pages: thin wiring of the save dialog and of the marks on passages saved from this page
 * (src/content/reader-dossier). Not a manifest content script: the background injects it into a frame when it is
 * needed (src/background/code-injection.ts), that is on the reader's save gesture, into the frame that holds the
 * selection (before it opens the dialog there, where the selection is read and whose document the selectors index),
 * and into a frame whose address has saved items (the main content script asks about the page as it starts).
 */
import { startReaderSave } from '../src/content/reader-dossier/save-dialog-host';
import { startSavedPassages } from '../src/content/reader-dossier/saved-passages';
import { isLive } from '../src/shared/content-lifetime';
import { createWxtContentLifetime } from '../src/shared/wxt-content-lifetime';

export default defineUnlistedScript(() => {
  // Injected again (a second gesture on the same page): the running instance already does everything.
  if (isLive('reader-save')) return;
  const ctx = createWxtContentLifetime('reader-save');
  startReaderSave(ctx);
  startSavedPassages(ctx);
});
