/**
 * Paces the marks engine's DOM writes after a full scan of a long page. Every frame that follows a
 * `<dossier-mark>` insertion re-runs style, layout and pre-paint over the containers we touched, and on a
 * 5 MB page that work has a large fixed part (the article's ~10 000 children are laid out again whatever
 * changed in one of them) plus a part per mark. Measured in Chromium 156 headless (5 MB generated page,
 * trace of the frame after each write): wrapping ~550 marks per 8 ms slice during the scan made frames of
 * 56-121 ms, Layout ~60 %, PrePaint ~25 %, UpdateLayoutTree ~15 %; our own slices stayed under ~60 ms.
 * So the writes go in small chunks, one per frame, each in its own task (not in a `requestAnimationFrame`
 * callback, which would share the frame's task), and the chunk size follows the measured frame cost.
 */

/** The frame cost a chunk aims at (ms): room left under the 50 ms of a long task for the page's own work. */
export const TARGET_FRAME_MS = 30;
/** Marks in the first chunk; later chunks scale by target / measured frame cost. */
const START_MARKS = 100;
/** The smallest chunk: below it the frame's fixed part dominates and the page would take minutes to finish. */
const MIN_MARKS = 100;
const MAX_MARKS = 1500;
/** The latest a chunk waits for idle time (ms): the page is never left half highlighted for long. */
const CHUNK_TIMEOUT_MS = 200;

/** Writes a chunk of at most `budget` marks; returns how many it wrote, or null when nothing is left. */
export type ChunkWriter = (budget: number) => number | null;

/**
 * Runs `write` once per frame, in idle time (or after CHUNK_TIMEOUT_MS), until it returns null.
 * After each chunk the next frame's cost (rendering what the chunk inserted) is measured, and the
 * next budget is nudged so that frame stays near TARGET_FRAME_MS. Returns a function that cancels.
 */
export function paceChunks(win: Window, write: ChunkWriter): () => void {
  let budget = START_MARKS;
  let cancelled = false;
  let cancelPending: () => void = () => {};

  const later = (fn: () => void) => {
    if (typeof win.requestIdleCallback === 'function') {
      const id = win.requestIdleCallback(fn, { timeout: CHUNK_TIMEOUT_MS });
      cancelPending = () => win.cancelIdleCallback(id);
    } else {
      const id = win.setTimeout(fn, 16);
      cancelPending = () => win.clearTimeout(id);
    }
  };

  /**
   * Calls `done(ms)` with the duration of the next frame: from its `requestAnimationFrame` callback (style,
   * layout and paint run right after, in the same task) to the first task after it (a message: no timer clamping).
   */
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  const measureFrame = (done: (ms: number) => void) => {
    if (typeof win.requestAnimationFrame !== 'function' || !channel) return done(TARGET_FRAME_MS);
    const id = win.requestAnimationFrame(() => {
      const t0 = win.performance.now();
      channel.port1.onmessage = () => done(win.performance.now() - t0);
      channel.port2.postMessage(null);
      cancelPending = () => {
        channel.port1.onmessage = null;
      };
    });
    cancelPending = () => win.cancelAnimationFrame(id);
  };

  const step = () => {
    if (cancelled) return;
    const wrote = write(Math.round(budget));
    if (wrote === null) return;
    measureFrame((ms) => {
      if (cancelled) return;
      // Gentle steps: one slow frame is as often the page's or the machine's noise (GC, other tabs) as ours.
      if (ms > TARGET_FRAME_MS * 1.5) budget *= 0.7;
      else if (ms > TARGET_FRAME_MS) budget *= 0.9;
      else if (wrote >= budget * 0.9) budget *= 1.2;
      budget = Math.min(MAX_MARKS, Math.max(MIN_MARKS, budget));
      later(step);
    });
  };
  later(step);
  return () => {
    cancelled = true;
    cancelPending();
    channel?.port1.close();
  };
}
