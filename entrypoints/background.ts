import { startBackground } from '@/src/background/start-background';
import { dataset } from '@/src/data/dataset';
import { createCardBuilder } from '@/src/core/card-model';
import { buildPageData } from '@/src/core/page-data';
import { pageExtras } from '@/src/core/page-extras';
import { startReaderDossier } from '@/src/background/reader-dossier';
import { injectCode, selectionFrame } from '@/src/background/code-injection';
import { bundledActorInfo } from '@/src/core/reader-dossier/actors';

export default defineBackground(() => {
  // The data set lives here, not in the content script: the popover asks for its cards (getCard), the frames
  // that scan for the known quotations, the context rules' words and their names matcher worked out (pageExtras).
  startBackground({ cardBuilder: () => createCardBuilder(dataset), pageExtras: () => pageExtras(buildPageData(dataset)) });
  // The reader's own dossier: saves start from the context menu or the keyboard command only.
  // The save dialog's script is injected, on the gesture, into the frame that holds the selection, before the
  // dialog is asked for there.
  startReaderDossier({
    bundledActors: () => bundledActorInfo(dataset.actors),
    prepareFrame: (tabId, frameId) => injectCode('reader-save', { tabId, frameId }),
    selectionFrame,
  });
});
