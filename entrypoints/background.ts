import { startBackground } from '@/src/background/start-background';
import { dataset } from '@/src/data/dataset';
import { createCardBuilder } from '@/src/core/card-model';

export default defineBackground(() => {
  // The data set lives here, not in the content script: the popover asks for its cards (getCard).
  startBackground({ cardBuilder: () => createCardBuilder(dataset) });
});
