/**
 * The card's code: injected by the background into a frame on the reader's first gesture there (hover, tap or a
 * keyboard command; src/background/card-injection.ts), never listed in the manifest and never web accessible. It
 * hands the popover to the content script through their shared isolated world (src/content/card-module.ts).
 */
import { registerCardModule } from '../src/content/card-module';
import { createPopover } from '../src/content/popover';

export default defineUnlistedScript(() => {
  registerCardModule({ createPopover });
});
