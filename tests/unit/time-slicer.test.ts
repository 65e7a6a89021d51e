/** The yields the scan uses between slices: after a frame, and without one (a hidden tab renders no frame). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFrame } from '../../src/content/time-slicer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('afterFrame', () => {
  it('resolves in a task after the next animation frame, not before it', async () => {
    let frame: (() => void) | null = null;
    let done = false;
    void afterFrame({ requestAnimationFrame: (cb) => ((frame = () => cb(0)), 1) }).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(done).toBe(false);
    frame!();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('resolves after 100 ms when no frame comes, and without requestAnimationFrame', async () => {
    let first = false;
    let second = false;
    void afterFrame({ requestAnimationFrame: () => 1 }).then(() => (first = true));
    void afterFrame({}).then(() => (second = true));
    await vi.advanceTimersByTimeAsync(99);
    expect([first, second]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(1);
    expect([first, second]).toEqual([true, true]);
  });
});
