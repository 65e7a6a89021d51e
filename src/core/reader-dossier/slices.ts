/**
 * Running a long computation in short slices: a generator yields at every point where it may stop, and `runInSlices`
 * steps it for about `budgetMs` at a time, then waits on `pause` (the caller's way of giving the thread back). Pure:
 * the clock and the pause come from the caller.
 */

/** How to slice. */
export interface SliceOptions {
  /** Gives the thread back; resolves when the next slice may run. */
  pause: () => Promise<void>;
  /** A millisecond clock. */
  now: () => number;
  /** Milliseconds of work per slice. */
  budgetMs: number;
  /** Stops between slices; the run then resolves null. */
  signal?: { readonly aborted: boolean };
  /** Told the length of each slice (the benchmark reports the longest). */
  onSlice?: (ms: number) => void;
}

/** Runs `steps` to its end in slices; its return value, or null when `signal` aborted first. */
export async function runInSlices<R>(steps: Generator<void, R, void>, opts: SliceOptions): Promise<R | null> {
  for (;;) {
    if (opts.signal?.aborted) return null;
    const start = opts.now();
    let step = steps.next();
    while (!step.done && opts.now() - start < opts.budgetMs) step = steps.next();
    opts.onSlice?.(opts.now() - start);
    if (step.done) return step.value;
    await opts.pause();
  }
}

/** Runs `steps` to its end at once. */
export function runAtOnce<R>(steps: Generator<void, R, void>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
