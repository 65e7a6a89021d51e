/**
 * Cooperative scheduling for work on the page's main thread: do a slice of at most `SLICE_BUDGET_MS`,
 * then give the browser the thread back (input, rendering, the page's own tasks) before the next one.
 */

/** Milliseconds of work per slice: well under the 50 ms that counts as a long task. */
export const SLICE_BUDGET_MS = 8;

interface SchedulerLike {
  yield?: () => Promise<void>;
  postTask?: (cb: () => void, options: { priority: 'background' }) => Promise<void>;
}

/**
 * Resolves after the browser has had a chance to run other tasks. `scheduler.yield()` where it exists
 * (it resumes ahead of other queued work, so a scan is not starved), otherwise a zero-delay timeout.
 */
export function yieldToBrowser(setTimer: (cb: () => void, ms: number) => unknown = (cb, ms) => setTimeout(cb, ms)): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => void setTimer(resolve, 0));
}

/**
 * Resolves after the browser has run what it had waiting, for work that can come last (quotations after names):
 * a `background` task where `scheduler.postTask` exists (it runs after the page's own tasks), otherwise a
 * zero-delay timeout.
 */
export function yieldToBrowserLow(setTimer: (cb: () => void, ms: number) => unknown = (cb, ms) => setTimeout(cb, ms)): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => void setTimer(resolve, 0));
}

/** Longest wait for a frame (ms): a hidden tab renders none, and the work must go on. */
const FRAME_WAIT_MAX_MS = 100;

/** Resolves in a task after the next animation frame (what was registered before it is on screen), or after `FRAME_WAIT_MAX_MS` when no frame comes. */
export function afterFrame(win: Partial<Pick<Window, 'requestAnimationFrame'>> = window): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MAX_MS);
    if (typeof win.requestAnimationFrame !== 'function') return;
    win.requestAnimationFrame(() => {
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0);
    });
  });
}
