/**
 * Frames with nothing to do do nothing. A page's ad, tracker and widget frames load only the frame gate
 * (entrypoints/frame-gate.ts, a few hundred bytes): a frame that is hidden, tiny or without text worth scanning gets
 * no content script (no matcher compiled, no settings read, no walk) until that changes. The gate watches its document
 * and its size, and once the frame has text worth scanning and room to show it, asks the background once to inject the
 * content script into this frame. The tab's top frame loads the content script from the manifest: it always starts,
 * it answers the popup.
 */

/** A frame narrower or lower than this (CSS px) shows no readable text: a tracking pixel, a hidden frame (0×0). */
export const MIN_FRAME_SIDE = 40;
/** Fewer visible characters than this is no text worth scanning (the shortest names are a few letters). */
export const MIN_TEXT = 20;
/** At most this many text nodes are looked at per check: a frame with that many has text. */
const MAX_NODES = 2000;
/** Checks after document changes are this far apart at most once (a frame that keeps changing is checked, not walked per change). */
const RECHECK_MS = 250;

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

/** Whether this frame has text worth scanning and room to show it. */
export function hasWorkHere(doc: Document, win: Pick<Window, 'innerWidth' | 'innerHeight'>): boolean {
  if (win.innerWidth < MIN_FRAME_SIDE || win.innerHeight < MIN_FRAME_SIDE) return false;
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode() as Text | null; n && nodes < MAX_NODES; n = walker.nextNode() as Text | null, nodes++) {
    if (NOT_TEXT.has(n.parentElement?.localName ?? '')) continue;
    chars += n.data.trim().length;
    if (chars >= MIN_TEXT) return true;
  }
  return nodes >= MAX_NODES;
}

/** What the frame gate needs of its lifetime: whether the extension went away (reloaded, updated, removed). */
interface Life {
  readonly isInvalid: boolean;
}

/**
 * Resolves true once this frame has work (at once when it has), false once the extension went away. Until then: one
 * mutation observer on the document and one resize listener, both gone when it resolves. Each check first asks
 * `life` whether the extension is still there, so a frame left behind by a reload lets go at its next change,
 * without a timer of its own (an empty frame keeps nothing running).
 */
export function untilWorkHere(doc: Document, win: Window, life: Life): Promise<boolean> {
  if (hasWorkHere(doc, win)) return Promise.resolve(true);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      timer = undefined;
      if (life.isInvalid) finish(false);
      else if (hasWorkHere(doc, win)) finish(true);
    };
    const soon = () => {
      timer ??= setTimeout(check, RECHECK_MS);
    };
    const observer = new MutationObserver(soon);
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
    win.addEventListener('resize', soon, { passive: true });
    function finish(work: boolean) {
      observer.disconnect();
      win.removeEventListener('resize', soon);
      clearTimeout(timer);
      resolve(work);
    }
  });
}

/**
 * The gate of a frame that is not the top one: calls `ask` (the background's `frameReady`, which injects the content
 * script and its CSS into this frame) once, when the frame has work, and never once the extension went away.
 * Resolves whether it asked; nothing of it stays in the frame afterwards.
 */
export async function gateFrame(doc: Document, win: Window, life: Life, ask: () => Promise<unknown>): Promise<boolean> {
  if (!(await untilWorkHere(doc, win, life))) return false;
  await ask();
  return true;
}
