/**
 * The page side's one owner of teardown: a `Disposer` (an AbortController with clean-up functions) that the
 * controller owns and every part hangs its listeners and timers on, and timer handles that are reused across
 * a loop's iterations. WXT's `ctx.setTimeout` / `ctx.requestAnimationFrame` add an abort listener per call that
 * is never removed; a per-frame or per-slice loop built on them grows without bound, so loops use these instead.
 */

/** The part of a lifetime a part needs: a signal to hang listeners on, and clean-ups to run at the end. */
export interface Lifetime {
  readonly signal: AbortSignal;
  /** Runs `fn` when the lifetime ends (at once if it already has). */
  defer(fn: () => void): void;
}

/** Owns clean-ups: `dispose()` runs each once, in reverse order, and a failing one never stops the others. */
export class Disposer implements Lifetime {
  private readonly controller = new AbortController();
  private readonly cleanups: (() => void)[] = [];

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get disposed(): boolean {
    return this.controller.signal.aborted;
  }

  defer(fn: () => void): void {
    if (this.disposed) {
      runQuietly(fn);
      return;
    }
    this.cleanups.push(fn);
  }

  dispose(): void {
    if (this.disposed) return;
    this.controller.abort();
    // An orphaned script's extension calls throw ("Extension context invalidated"): the page's side still goes.
    for (const fn of this.cleanups.splice(0).reverse()) runQuietly(fn);
  }
}

function runQuietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // Nothing to recover: the rest of the teardown matters more.
  }
}

/** One timeout slot for a loop: re-arming replaces the pending call; one clean-up for the whole lifetime. */
export interface TimerSlot {
  /** Calls `fn` after `ms` unless re-armed or cancelled first. */
  arm(fn: () => void, ms: number): void;
  cancel(): void;
  readonly pending: boolean;
}

/** A reusable timeout slot bound to `life`. */
export function timerSlot(life: Lifetime, win: Pick<Window, 'setTimeout' | 'clearTimeout'> = window): TimerSlot {
  let id = 0;
  const cancel = () => {
    if (id) win.clearTimeout(id);
    id = 0;
  };
  life.defer(cancel);
  return {
    arm(fn, ms) {
      cancel();
      if (life.signal.aborted) return;
      id = win.setTimeout(() => {
        id = 0;
        if (!life.signal.aborted) fn();
      }, ms);
    },
    cancel,
    get pending() {
      return id !== 0;
    },
  };
}

/** One animation-frame slot: `request` asks for a frame unless one is already pending. */
export interface FrameSlot {
  request(fn: () => void): void;
  cancel(): void;
}

/** A reusable animation-frame slot bound to `life`. */
export function frameSlot(
  life: Lifetime,
  win: Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame'> = window,
): FrameSlot {
  let id = 0;
  const cancel = () => {
    if (id) win.cancelAnimationFrame(id);
    id = 0;
  };
  life.defer(cancel);
  return {
    request(fn) {
      if (id || life.signal.aborted) return;
      id = win.requestAnimationFrame(() => {
        id = 0;
        if (!life.signal.aborted) fn();
      });
    },
    cancel,
  };
}
