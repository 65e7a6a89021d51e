/**
 * Watches the page for changed text (Dark Reader's discipline): mutations are batched by the
 * MutationObserver itself, the callback only collects the changed nodes (no ancestor walks there: on a deep
 * page those cost more than the page's own work; the scan scheduler collapses nested roots in its slices), a huge batch
 * (infinite scroll, a framework re-render) becomes one full rescan, Dossier's own writes are never
 * seen (records are taken and dropped after each of our writes), and a node the page keeps rewriting
 * is given up on after a few tries so we never fight the page in a loop.
 */

/** Above this many records in one batch, one full rescan is cheaper than sorting out the roots. */
export const FULL_RESCAN_THRESHOLD = 1000;
/** How many times a node may be re-scanned for mutations within `RETRY_WINDOW_MS` before we leave it alone. */
export const MAX_RETRIES = 8;
const RETRY_WINDOW_MS = 10_000;

/** What the watcher reports to its owner. */
export interface MutationWatcherHandlers {
  /**
   * A text node whose text changed or which was removed: its highlights are stale. Called synchronously
   * from the observer callback, so stale marks are gone before the next paint.
   */
  onStale(node: Text): void;
  /** Element subtrees left the page: highlights inside them may be dropped. */
  onRemoved(): void;
  /** Subtrees to scan again (possibly nested in one another), or 'full' for the whole document. */
  onDirty(roots: Node[] | 'full'): void;
  /** Whether a node is one of ours (a mark, a remainder text node we created, the popover host). */
  isOwn(node: Node): boolean;
}

/** A batched MutationObserver for text changes. */
export class MutationWatcher {
  private readonly observer: MutationObserver;
  private readonly retries = new WeakMap<Node, { count: number; since: number }>();

  constructor(
    private readonly handlers: MutationWatcherHandlers,
    win: Window & typeof globalThis = window,
  ) {
    this.observer = new win.MutationObserver((records) => this.handle(records));
  }

  /** Starts watching `target` (a document or shadow root) for text and child changes. */
  observe(target: Node): void {
    this.observer.observe(target, { childList: true, characterData: true, subtree: true });
  }

  /**
   * Runs one of our own DOM writes: pending page records are handled first (so none is lost), the
   * records our write caused are dropped.
   */
  ownWrite<T>(write: () => T): T {
    const pending = this.observer.takeRecords();
    if (pending.length) this.handle(pending);
    try {
      return write();
    } finally {
      this.observer.takeRecords();
    }
  }

  /** Stops watching. */
  disconnect(): void {
    this.observer.disconnect();
  }

  private handle(records: MutationRecord[]): void {
    const { onStale, onRemoved, onDirty, isOwn } = this.handlers;
    if (records.length > FULL_RESCAN_THRESHOLD) {
      for (const r of records) if (r.type === 'characterData' && !isOwn(r.target)) onStale(r.target as Text);
      onRemoved();
      this.observer.takeRecords();
      onDirty('full');
      return;
    }
    const dirty = new Set<Node>();
    let removed = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        if (r.target.nodeType !== 3 || isOwn(r.target)) continue;
        onStale(r.target as Text);
        dirty.add(r.target);
        continue;
      }
      if (r.type !== 'childList') continue;
      for (const n of r.removedNodes) {
        if (isOwn(n)) continue;
        if (n.nodeType === 3) onStale(n as Text);
        else if (n.nodeType === 1) removed = true;
      }
      for (const n of r.addedNodes) {
        if (isOwn(n)) continue;
        if (n.nodeType === 1 || n.nodeType === 3) dirty.add(n);
      }
    }
    // Our own clean-up above (onStale) wrote to the DOM: drop those records.
    this.observer.takeRecords();
    if (removed) onRemoved();
    const roots: Node[] = [];
    for (const n of dirty) {
      // An added node whose parent was added in the same batch is scanned with it: a parent check, no walk.
      const parent = n.parentNode;
      if (!n.isConnected || (parent && dirty.has(parent))) continue;
      if (this.mayRetry(n)) roots.push(n);
    }
    if (roots.length) onDirty(roots);
  }

  /** Counts re-scans per node; false once the page has rewritten it too often recently. */
  private mayRetry(node: Node): boolean {
    const now = Date.now();
    const entry = this.retries.get(node);
    if (!entry || now - entry.since > RETRY_WINDOW_MS) {
      this.retries.set(node, { count: 1, since: now });
      return true;
    }
    entry.count++;
    return entry.count <= MAX_RETRIES;
  }
}
