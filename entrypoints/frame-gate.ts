/**
 * The only script the manifest gives every frame (`all_frames`, wired in wxt.config.ts): the frame gate. The top
 * frame has the content script from the manifest, so the gate ends there at once. In any other frame it waits until
 * the frame has text worth scanning and room to show it (src/content/frame-gate.ts), then asks the background once to
 * inject the content script and its CSS into this frame (`frameReady`). An ad, tracker or widget frame with nothing
 * to read compiles about 2 KB, not the finder.
 *
 * An unlisted script listed in the manifest by hand, not a WXT content script: WXT's content-script wrapper would
 * bring its own context, which announces itself on the page's document, into every frame.
 */
import { gateFrame } from '../src/content/frame-gate';
import { extensionApi } from '../src/shared/extension-api';
import { sendToBackground } from '../src/shared/content-messaging';

/**
 * No liveness timer: an empty frame keeps nothing running. Each check of the gate asks whether the extension is
 * still there (its runtime has no id once it was reloaded, updated or removed), and lets go if not.
 */
const life = {
  get isInvalid() {
    return extensionApi()?.runtime?.id == null;
  },
};

export default defineUnlistedScript(() => {
  if (window.top === window) return;
  void gateFrame(document, window, life, () => sendToBackground('frameReady', undefined)).catch(() => {
    // No answer: the extension went away, or the frame did. Nothing to start in either case.
  });
});
