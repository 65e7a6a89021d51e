/**
 * Pushes the page state to whoever subscribed (the popup, through a port): when the highlights or the status
 * change, coalesced into one push per FEED_MS (one timer slot), and only when the state differs from the last
 * push; while a scan runs, its progress too. Nothing runs while nobody listens.
 */
import type { PageState } from '../shared/messages';
import { timerSlot, type Lifetime } from './lifetime';

const FEED_MS = 100;
const PROGRESS_MS = 250;

/** The page's state feed. */
export class StateFeed {
  private readonly timer;
  private readonly subscribers = new Map<(s: PageState) => void, string>();

  constructor(
    life: Lifetime,
    private readonly read: () => PageState,
  ) {
    this.timer = timerSlot(life);
    life.defer(() => this.subscribers.clear());
  }

  /** Sends the current state at once, then every change; returns the unsubscriber. */
  subscribe(push: (s: PageState) => void): () => void {
    const state = this.read();
    this.subscribers.set(push, JSON.stringify(state));
    push(state);
    if (state.status === 'scanning') this.notify(PROGRESS_MS);
    return () => void this.subscribers.delete(push);
  }

  /** The state may have changed. */
  notify(delay = FEED_MS): void {
    if (this.subscribers.size === 0 || this.timer.pending) return;
    this.timer.arm(() => this.flush(), delay);
  }

  private flush(): void {
    const state = this.read();
    const key = JSON.stringify(state);
    for (const [push, last] of this.subscribers) {
      if (last === key) continue;
      this.subscribers.set(push, key);
      push(state);
    }
    if (state.status === 'scanning') this.notify(PROGRESS_MS);
  }
}
