/**
 * The card's code: injected by the background into a frame on the reader's first gesture there (hover, tap or a
 * keyboard command; src/background/code-injection.ts), never listed in the manifest and never web accessible. It
 * hands the popover to the content script through their shared isolated world (src/content/injected-code.ts).
 */
import { registerInjected } from '../src/content/injected-code';
import { createPopover } from '../src/content/popover';

export default defineUnlistedScript(() => {
  registerInjected('card', { createPopover });
});
