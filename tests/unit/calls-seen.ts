/**
 * For tests that check how the code under test uses a built-in (which subjects a regular expression first runs on,
 * which indexes are read from strings): runs `run` with one method of a prototype watched, the original still doing
 * the work, and restores it after.
 */
import { vi } from 'vitest';

export function withCallsSeen<T extends object>(proto: T, method: keyof T & string, seen: (self: never, arg: never) => void, run: () => void): void {
  const original = proto[method] as (this: unknown, arg: unknown) => unknown;
  const spy = vi.spyOn(proto as Record<string, (arg: unknown) => unknown>, method).mockImplementation(function (this: unknown, arg: unknown) {
    seen(this as never, arg as never);
    return original.call(this, arg);
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
}
