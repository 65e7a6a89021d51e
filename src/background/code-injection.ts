/**
 * Injects code that a frame needs on demand (src/content/injected-code.ts: the card on the reader's first gesture,
 * the marks engine where it paints; the reader's dossier script, entrypoints/reader-save.ts; the content script
 * itself into a frame whose gate says it has work) into a frame. Never web accessible: a page can neither load
 * it nor probe for it. Chromium's MV3 has `scripting.executeScript`, Firefox's MV2 `tabs.executeScript`; both need
 * the host permission for the page, which the manifest asks for (`<all_urls>`, the sites the content script already
 * runs on: the same install warning).
 */
import { browser } from 'wxt/browser';
import type { LoadCodeData, MessageSender } from '../shared/messages';
import { CONTENT_FILES } from './content-files';

/**
 * The script of each name, at the root of the build (unlisted scripts: entrypoints/card.ts, entrypoints/marks.ts,
 * entrypoints/reader-save.ts). A content script may ask for the first two (`loadCode`); the
 * background alone decides on the reader's dossier script.
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

/**
 * Runs in the frame's isolated world, which the page's scripts cannot see: claims the frame's document for the
 * content script, true the first time only. A new document (the frame navigated) is a new world, claimed anew.
 */
function claimDocument(): boolean {
  const world = globalThis as { [key: symbol]: unknown };
  const slot = Symbol.for('dossier.content-injected');
  if (world[slot] === true) return false;
  world[slot] = true;
  return true;
}

/**
 * Whether `sender` is this extension's content script in a frame of a tab that is not the top one: the top frame has
 * the content script from the manifest; an extension page shown in a frame is not a content script.
 */
function fromOwnSubframe(sender: Pick<MessageSender, 'id' | 'tabId' | 'frameId' | 'url'>): sender is { tabId: number; frameId: number } {
  return (
    sender.id === browser.runtime.id &&
    sender.tabId != null &&
    sender.frameId != null &&
    sender.frameId !== 0 &&
    !(sender.url ?? '').startsWith(browser.runtime.getURL('/'))
  );
}

/**
 * `frameReady`: injects the content script and its CSS into the sender's frame (never another one), at most once per
 * document of that frame however often it is asked (the claim lives in the frame, so a restarted service worker
 * does not forget it). False for a sender that is not one of our frame gates, or a document already served.
 */
export async function injectContentIntoFrame(sender: Pick<MessageSender, 'id' | 'tabId' | 'frameId' | 'url'>): Promise<boolean> {
  if (!fromOwnSubframe(sender)) return false;
  const { tabId, frameId } = sender;
  if (browser.scripting?.executeScript) {
    const target = { tabId, frameIds: [frameId] };
    const [claim] = await browser.scripting.executeScript({ target, func: claimDocument });
    if (claim?.result !== true) return false;
    // The CSS first, as the manifest does for the top frame.
    await browser.scripting.insertCSS({ target, files: [CONTENT_FILES.css] });
    await browser.scripting.executeScript({ target, files: [CONTENT_FILES.js] });
  } else {
    // Firefox MV2. about:blank and srcdoc frames have a gate too (match_about_blank).
    const where = { frameId, matchAboutBlank: true };
    const [claimed] = (await browser.tabs.executeScript(tabId, { ...where, code: `(${claimDocument.toString()})()` })) as unknown[];
    if (claimed !== true) return false;
    await browser.tabs.insertCSS(tabId, { ...where, file: CONTENT_FILES.css });
    await browser.tabs.executeScript(tabId, { ...where, file: CONTENT_FILES.js });
  }
  return true;
}

/** What one frame reports of itself to `selectionFrame`. */
export interface FrameSelection {
  frameId: number;
  /** The frame's document has a non-empty selection. */
  selected: boolean;
  /** The frame's document has the focus: the reader's last click or key was there. */
  focused: boolean;
}

/**
 * The frame whose selection the reader means: the focused frame with a selection, else the top frame's selection,
 * else any frame's, else the top frame (whose dialog then says to select something first).
 */
export function pickSelectionFrame(frames: readonly FrameSelection[]): number {
  const selected = frames.filter((f) => f.selected);
  return (selected.find((f) => f.focused) ?? selected.find((f) => f.frameId === 0) ?? selected[0])?.frameId ?? 0;
}

/** Runs in each frame of the tab (the extension's isolated world): whether it holds a selection, and has the focus. */
function probeSelection(): { selected: boolean; focused: boolean; frameId?: number } {
  const selection = window.getSelection();
  const selected = selection != null && !selection.isCollapsed && selection.toString().trim() !== '';
  // Firefox's tabs.executeScript reports no frame ids with its results: the frame tells its own.
  const runtime = (globalThis as { browser?: { runtime?: { getFrameId?(target: unknown): number } } }).browser?.runtime;
  // A document whose embedded frame has the focus reports hasFocus() too, with that frame as its active element:
  // only the innermost one is the frame the reader is in.
  const active = document.activeElement;
  const focused = document.hasFocus() && !(active instanceof HTMLIFrameElement || active instanceof HTMLFrameElement);
  return { selected, focused, frameId: runtime?.getFrameId?.(window) };
}

/** The frame of tab `tabId` that holds the reader's selection (see `pickSelectionFrame`), for the keyboard command. */
export async function selectionFrame(tabId: number): Promise<number> {
  let frames: FrameSelection[];
  if (browser.scripting?.executeScript) {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: probeSelection });
    frames = results.map((r) => ({ ...(r.result as ReturnType<typeof probeSelection>), frameId: r.frameId }));
  } else {
    const results = (await browser.tabs.executeScript(tabId, { code: `(${probeSelection.toString()})()`, allFrames: true, matchAboutBlank: true })) as ReturnType<typeof probeSelection>[];
    frames = results.filter((r): r is FrameSelection => typeof r?.frameId === 'number');
  }
  return pickSelectionFrame(frames);
}
