/**
 * The toolbar badge's numbers for this tab (top frame only): reported after a scan settles, at most every 500 ms
 * (one timer slot, re-armed, never one timer per publish), and only when the numbers changed: a page that
 * mutates all the time settles a rescan after every change without changing what is highlighted.
 */
import { timerSlot, type Lifetime } from './lifetime';

/** The numbers the badge shows (`entities`: actors and regions, as the popup counts them; quotations are not). */
export interface BadgeNumbers {
  total: number;
  entities: number;
}

const DELAY_MS = 500;

/** Reports the badge numbers. */
export class BadgeReporter {
  private readonly timer;
  private last = '';

  constructor(
    life: Lifetime,
    private readonly read: () => BadgeNumbers,
    private readonly send: (n: BadgeNumbers) => Promise<unknown>,
  ) {
    this.timer = timerSlot(life);
  }

  /** The numbers may have changed: report them within DELAY_MS if they did. */
  publish(): void {
    if (this.timer.pending) return;
    this.timer.arm(() => {
      const numbers = this.read();
      const key = `${numbers.total}/${numbers.entities}`;
      if (key === this.last) return;
      this.last = key;
      this.send(numbers).catch(() => {
        // The background may be restarting; the next settled scan sends again.
        this.last = '';
      });
    }, DELAY_MS);
  }

  /** Reports the next numbers even when they are the same (the badge setting changed, or the URL). */
  forget(): void {
    this.last = '';
  }
}
