import { startBackground } from '@/src/background/start-background';
import { dataset } from '@/src/data/dataset';
import { createCardBuilder } from '@/src/core/card-model';
import { buildPageData } from '@/src/core/page-data';
import { startReaderDossier } from '@/src/background/reader-dossier';
import { bundledActorInfo } from '@/src/core/reader-dossier/actors';

export default defineBackground(() => {
  // The data set lives here, not in the content script: the popover asks for its cards (getCard), the quote
  // matcher for the known quotations (pageQuotes).
  startBackground({ cardBuilder: () => createCardBuilder(dataset), pageQuotes: () => buildPageData(dataset).quotes });
  // The reader's own dossier: saves start from the context menu or the keyboard command only.
  startReaderDossier({ bundledActors: () => bundledActorInfo(dataset.actors) });
});
