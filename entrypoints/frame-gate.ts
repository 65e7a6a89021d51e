/**
 * The only script the manifest gives every frame (`all_frames`, wired in wxt.config.ts): the frame gate. The top
 * frame has the content script from the manifest, so the gate ends there at once. In any other frame it waits until
 * the frame has text worth scanning and room to show it (src/content/frame-gate.ts), then asks the background once to
 * inject the content script and its CSS into this frame (`frameReady`). An ad, tracker or widget frame with nothing
 * to read compiles a few hundred bytes, not the finder.
 *
 * An unlisted script listed in the manifest by hand, not a WXT content script: WXT's content-script wrapper would
 * bring its own context, which announces itself on the page's document, into every frame.
 */
import { gateFrame } from '../src/content/frame-gate';
import { ContentLifetime } from '../src/shared/content-lifetime';
import { sendToBackground } from '../src/shared/content-messaging';

export default defineUnlistedScript(() => {
  if (window.top === window) return;
  // Its own lifetime with no liveness timer: an empty frame keeps nothing running. The gate's observer asks the
  // lifetime, at its next call, whether the extension is still there.
  void gateFrame(document, window, new ContentLifetime(), () => sendToBackground('frameReady', undefined)).catch(() => {
    // The background could not inject (the frame went away meanwhile): nothing to do in a frame that is gone.
  });
});
