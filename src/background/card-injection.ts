/**
 * Injects the card's code (`card.js`, src/content/card-module.ts) into the frame that asks for it, on the reader's
 * first gesture there. Never web accessible: a page can neither load it nor probe for it. Chromium's MV3 has
 * `scripting.executeScript`, Firefox's MV2 `tabs.executeScript`; both need the host permission for the page, which
 * the manifest asks for (`<all_urls>`, the same sites the content script already runs on: the same install warning).
 */
import { browser } from 'wxt/browser';
import type { MessageSender } from '../shared/messages';

/** The card's script, at the root of the build (an unlisted script: entrypoints/card.ts). */
export const CARD_SCRIPT = '/card.js';

/** Runs the card's script in the sender's frame; false when the sender is not a frame of a tab. */
export async function injectCard(sender: MessageSender): Promise<boolean> {
  const { tabId, frameId } = sender;
  if (tabId == null || frameId == null) return false;
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_SCRIPT] });
  } else {
    // Firefox MV2. about:blank and srcdoc frames run the content script too (matchAboutBlank), so they may ask.
    await browser.tabs.executeScript(tabId, { file: CARD_SCRIPT, frameId, matchAboutBlank: true });
  }
  return true;
}
