/**
 * The top frame's script at `document_start`: asks the background for the page data's extras and reads the
 * settings' keys of `storage.local`, so that both are there when the content script starts at `document_idle`
 * (src/content/early-asks.ts). Listed in the manifest by hand (wxt.config.ts), like the frame gate, and for the same
 * reason: no WXT context announcing itself on the page.
 */
import { askEarly } from '../src/content/early-asks';
import { sendToBackground } from '../src/shared/content-messaging';
import { extensionApi } from '../src/shared/extension-api';
import { readStorage } from '../src/shared/settings-read';

export default defineUnlistedScript(() => {
  if (window.top !== window) return;
  const api = extensionApi();
  askEarly({
    extras: () => sendToBackground('pageExtras', undefined),
    storage: readStorage,
    watchStorage(changed) {
      const listener = (_: unknown, area: string) => {
        if (area === 'local') changed();
      };
      api.storage.onChanged.addListener(listener);
      return () => api.storage.onChanged.removeListener(listener);
    },
  });
});
