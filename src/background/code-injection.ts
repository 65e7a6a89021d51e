/**
 * Injects code that a frame needs on demand (src/content/injected-code.ts: the card on the reader's first gesture,
 * the marks engine where it paints) into the frame that asks for it. Never web accessible: a page can neither load
 * it nor probe for it. Chromium's MV3 has `scripting.executeScript`, Firefox's MV2 `tabs.executeScript`; both need
 * the host permission for the page, which the manifest asks for (`<all_urls>`, the sites the content script already
 * runs on: the same install warning).
 */
import { browser } from 'wxt/browser';
import type { LoadCodeData, MessageSender } from '../shared/messages';

/** The script of each name, at the root of the build (unlisted scripts: entrypoints/card.ts, entrypoints/marks.ts). */
const SCRIPTS = { card: '/card.js', marks: '/marks.js' } as const satisfies Record<LoadCodeData['name'], string>;

/** Runs the script `name` in the sender's frame; false when the sender is not a frame of a tab. */
export async function injectCode(name: LoadCodeData['name'], sender: MessageSender): Promise<boolean> {
  const { tabId, frameId } = sender;
  if (tabId == null || frameId == null) return false;
  const file = SCRIPTS[name];
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
  } else {
    // Firefox MV2. about:blank and srcdoc frames run the content script too (matchAboutBlank), so they may ask.
    await browser.tabs.executeScript(tabId, { file, frameId, matchAboutBlank: true });
  }
  return true;
}
