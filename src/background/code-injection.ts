/**
 * Injects code that a frame needs on demand (src/content/injected-code.ts: the card on the reader's first gesture,
 * the marks engine where it paints; the reader's dossier script, entrypoints/reader-save.ts) into a frame. Never web accessible: a page can neither load
 * it nor probe for it. Chromium's MV3 has `scripting.executeScript`, Firefox's MV2 `tabs.executeScript`; both need
 * the host permission for the page, which the manifest asks for (`<all_urls>`, the sites the content script already
 * runs on: the same install warning).
 */
import { browser } from 'wxt/browser';
import type { LoadCodeData, MessageSender } from '../shared/messages';

/**
 * The script of each name, at the root of the build (unlisted scripts: entrypoints/card.ts, entrypoints/marks.ts,
 * entrypoints/reader-save.ts). A content script may ask for the first two (`loadCode`); the background alone decides
 * on the reader's dossier script.
 */
const SCRIPTS = { card: '/card.js', marks: '/marks.js', 'reader-save': '/reader-save.js' } as const satisfies Record<LoadCodeData['name'] | 'reader-save', string>;

/** Runs the script `name` in the sender's frame; false when the sender is not a frame of a tab. */
export async function injectCode(name: keyof typeof SCRIPTS, sender: Pick<MessageSender, 'tabId' | 'frameId'>): Promise<boolean> {
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
