/**
 * The sliced scan: walks the page's text nodes, matches them, and hands the results to the engine, in slices of
 * at most `SLICE_BUDGET_MS` with the thread given back in between. One pass at a time; `cancel()` (settings
 * reset the page) ends the running pass through a generation counter.
 *
 * What reaches it is cheap to report: the mutation watcher hands over the changed nodes as they are, and a
 * URL change or a huge batch asks for a whole-page scan. The costly questions are asked here, inside the slices,
 * with a cache per pass: is a root inside another queued root (nested roots collapse into one), is it in an
 * excluded context (an ancestor walk, remembered for every ancestor seen), which block holds its quotations.
 * Whole-page scans the page keeps forcing (URL changes every frame, mutation storms) are coalesced and spaced
 * further apart the longer the page keeps it up.
 */
import { notThisKey } from '../shared/settings-schema';
import type { Matcher, Mention } from '../core/matcher';
import type { BenchHook } from './bench-hook';
import { quoteRescanRoot, type QuoteBlocks } from './block-quotes';
import type { RemoteNames } from './remote-names';
import type { HighlightEngine, NodeMentions, OwnWrite } from './engines/types';
import { isExcludedElement } from './excluded';
import { timerSlot, type Lifetime } from './lifetime';
import { walkTextNodes } from './text-walker';
import { afterFrame, SLICE_BUDGET_MS, yieldToBrowser, yieldToBrowserLow } from './time-slicer';

/**
 * A text node longer than this is matched in windows of this size, one or more per slice, and not looked at for
 * quotations (a quotation sits in a paragraph, not in a text node of this size).
 */
export const TEXT_WINDOW = 64 * 1024;
/** Context a window is matched with on each side (longer than any alias), so no mention at an edge is lost. */
const WINDOW_OVERLAP = 256;
/**
 * Slices run back to back for at most this long (ms) before the scan yields with a task instead of
 * `scheduler.yield()`: a continuation of `scheduler.yield()` runs ahead of rendering, and Chromium renders between
 * them only after about 100 ms, which made every scan of a long page one animation frame of 100 ms. A task lets the
 * frame through; the slices before it and the frame's own work stay under 50 ms.
 */
const FRAME_WORK_MS = 32;
/**
 * Slices (ms) while the frame that shows the screen's highlights is due. Short, and each ends at background priority,
 * which a due frame goes before: a task of normal priority or a `scheduler.yield()` continuation runs ahead of it,
 * and waiting idle for the frame leaves the thread unused for up to a frame.
 */
const FRAME_DUE_SLICE_MS = 4;
/** Back-off for whole-page scans the page keeps forcing: the first waits nothing, then doubling up to the cap. */
const FORCED_FULL_FIRST_MS = 250;
const FORCED_FULL_MAX_MS = 8000;
/** A page quiet this long about forced whole-page scans starts again without delay. */
const FORCED_FULL_RESET_MS = 10_000;

/** What the scheduler needs from the controller. */
export interface ScanDeps {
  life: Lifetime;
  doc: Document;
  engine(): HighlightEngine | null;
  matcher(): Matcher | null;
  /** A fresh quotation grouper for a pass, or null while quotations are off. */
  quoteBlocks(): QuoteBlocks | null;
  /**
   * For a whole-page scan: the background's finder of its names (remote-names.ts), when it matches with the same
   * dictionary as `matcher()`; null to find them here.
   */
  remoteNames?(): RemoteNames | null;
  /** Texts "Not this" on this site. */
  ignored(): ReadonlySet<string>;
  write: OwnWrite;
  /** An open shadow root the walk entered (to watch its mutations too). */
  onShadowRoot(shadow: ShadowRoot): void;
  bench: BenchHook;
  /** A pass ended with the queue empty (the page's highlights are up to date). */
  onSettled(): void;
  /** Waits for the browser between slices (tests may inject one). */
  yieldNow?(): Promise<void>;
  now?(): number;
}

/** Runs the page's scans. */
export class ScanScheduler {
  private generation = 0;
  private running = false;
  private full = false;
  // Queued roots, each with the sequence number of its queueing; roots walked in this pass, with that of their walk.
  private readonly pending = new Map<Node, number>();
  private walked = new WeakMap<Node, number>();
  private seq = 0;
  private progressValue = 0;
  private paintDeferred = false;
  // Forced whole-page scans: the delay before the next one, when the last one was asked for.
  private forcedDelay = 0;
  private lastForced = -Infinity;
  private readonly forcedTimer;
  // Per-pass caches of the ancestor walks: nodes with no queued and no excluded ancestor, and excluded nodes.
  private clean = new WeakSet<Node>();
  private excluded = new WeakSet<Node>();
  private readonly now: () => number;

  constructor(private readonly deps: ScanDeps) {
    this.forcedTimer = timerSlot(deps.life);
    this.now = deps.now ?? (() => performance.now());
  }

  /** Whether a pass is running or queued. */
  get busy(): boolean {
    return this.running || this.full || this.pending.size > 0 || this.forcedTimer.pending;
  }

  /** Progress of the current whole-page scan, 0..1 (1 when idle). */
  get progress(): number {
    return this.busy ? this.progressValue : 1;
  }

  /**
   * Scans the whole page. `settings`: now (the reader changed something); `page`: the page forced it (URL change,
   * mutation storm), coalesced with any scan already waiting and delayed more each time the page keeps it up.
   */
  requestFull(reason: 'settings' | 'page'): void {
    if (reason === 'settings') {
      this.forcedTimer.cancel();
      this.startFull();
      return;
    }
    if (this.full || this.forcedTimer.pending) return;
    const t = this.now();
    this.forcedDelay = t - this.lastForced > FORCED_FULL_RESET_MS ? 0 : Math.min(FORCED_FULL_MAX_MS, Math.max(FORCED_FULL_FIRST_MS, this.forcedDelay * 2));
    this.lastForced = t;
    if (this.forcedDelay === 0) this.startFull();
    else this.forcedTimer.arm(() => this.startFull(), this.forcedDelay);
  }

  /** Queues changed nodes to scan again (any nodes: nested ones collapse into their queued ancestor). */
  enqueue(nodes: Iterable<Node>): void {
    if (this.full) return;
    for (const n of nodes) this.pending.set(n, ++this.seq);
    this.kick();
  }

  /** Ends the running pass and forgets the queue. */
  cancel(): void {
    this.generation++;
    this.running = false;
    this.full = false;
    this.pending.clear();
    this.forcedTimer.cancel();
    this.progressValue = 0;
    this.paintDeferred = false;
  }

  private startFull(): void {
    const engine = this.deps.engine();
    if (!engine || this.deps.life.signal.aborted) return;
    this.full = true;
    this.pending.clear();
    // A whole-page scan paints once at the end rather than after every slice (css engine).
    if (!this.running && engine.deferPaint && !this.paintDeferred) {
      engine.deferPaint(true);
      this.paintDeferred = true;
    }
    this.kick();
  }

  private kick(): void {
    if (this.running || !this.deps.engine() || !this.deps.matcher() || this.deps.life.signal.aborted) return;
    void this.run(this.generation);
  }

  /** The next root to scan, or null when the queue is empty. Cheap checks only; the rest is `admit`. */
  private next(): { root: Node; full: boolean; queued: number } | null {
    if (this.full) {
      this.full = false;
      this.pending.clear();
      return { root: this.deps.doc.documentElement, full: true, queued: ++this.seq };
    }
    for (const [root, queued] of this.pending) {
      this.pending.delete(root);
      return { root, full: false, queued };
    }
    return null;
  }

  /**
   * Whether a changed root still needs its own walk: connected, not inside another root that is queued or was
   * walked since this one was queued (that walk covers it), not in an excluded context. One ancestor walk, cut
   * short at the first ancestor already known to have no excluded ancestor.
   */
  private admit(root: Node, queued: number): boolean {
    if (!root.isConnected || this.deps.doc.designMode === 'on') return false;
    const seen: Node[] = [];
    for (let n: Node | null = root; n; n = parentAcross(n)) {
      if (n !== root && (this.pending.has(n) || (this.walked.get(n) ?? -1) > queued)) return false;
      if (this.clean.has(n)) break;
      if (this.excluded.has(n) || (n.nodeType === 1 && isExcludedElement(n as Element))) {
        for (const s of seen) this.excluded.add(s);
        this.excluded.add(n);
        return false;
      }
      seen.push(n);
    }
    for (const s of seen) this.clean.add(s);
    return true;
  }

  private async run(gen: number): Promise<void> {
    const { deps } = this;
    const engine = deps.engine()!;
    const matcher = deps.matcher()!;
    this.running = true;
    this.clean = new WeakSet();
    this.excluded = new WeakSet();
    this.walked = new WeakMap();
    let sliceStart = this.now();
    const yieldNow = deps.yieldNow ?? (() => yieldToBrowser());
    const yieldLow = deps.yieldNow ?? (() => yieldToBrowserLow());
    const yieldTask = deps.yieldNow ?? yieldToTask;
    // After the screen was painted, until a frame has shown it: short slices at background priority.
    let frameDue = false;
    const budget = () => (frameDue ? FRAME_DUE_SLICE_MS : SLICE_BUDGET_MS);
    const alive = () => gen === this.generation && !deps.life.signal.aborted && deps.engine() === engine;
    // When the browser last had the thread for a task of its own (rendering can happen then).
    let frameStart = 0;
    /**
     * Ends the slice if its budget is spent; false when the pass was cancelled meanwhile. `painted`: the screen was
     * just painted (`FRAME_DUE_SLICE_MS`).
     */
    const pause = async (force = false, low = false, painted = false): Promise<boolean> => {
      if (!force && this.now() - sliceStart <= budget()) return true;
      deps.bench.slice(this.now() - sliceStart);
      if (painted && !frameDue) {
        frameDue = true;
        void afterFrame(deps.doc.defaultView ?? window).then(() => (frameDue = false));
      }
      const frame = this.now() - frameStart > FRAME_WORK_MS;
      await (low || frameDue ? yieldLow() : frame ? yieldTask() : yieldNow());
      if (!alive()) return false;
      sliceStart = this.now();
      if (frame) frameStart = sliceStart;
      return true;
    };

    const batch: NodeMentions[] = [];
    const flush = () => {
      if (batch.length) {
        const items = batch.splice(0);
        deps.write(() => engine.highlight(items));
      }
    };
    const ignored = deps.ignored();
    const blocks = deps.quoteBlocks();
    const take = (items: readonly NodeMentions[]) => {
      for (const item of items) if (item.mentions.length || engine.has(item.node)) batch.push(item);
    };
    // The last node with a mention: whitespace between blocks has no box to tell where the walk is.
    let named: Text | null = null;
    /** A text node of the walk with its names, in walk order: on to the quotation blocks, or to the engine. */
    const process = (node: Text, text: string, found: Mention[]) => {
      let mentions = found;
      if (ignored.size && mentions.length) mentions = mentions.filter((m) => !ignored.has(notThisKey(m.text)));
      if (mentions.length) named = node;
      if (blocks) {
        // Held until its block ends: the block's quotations are matched over all its nodes.
        const done = blocks.add(node, text, mentions);
        if (done) take(done);
      } else if (mentions.length || engine.has(node)) batch.push({ node, mentions });
    };
    /**
     * Hands the background's answers on in walk order, up to `max` nodes; a node the page changed since the walk read
     * it is left to the scan its change queued (the mutation watcher queues every changed text node). A node the
     * engine has no record of is compared by length, without reading its text again.
     */
    const received = (remote: RemoteNames, max: number): number => {
      const items = remote.take(max);
      for (const { node, text, mentions } of items) {
        const same = engine.has(node) ? engine.textOf(node) === text : node.length === text.length;
        if (same && node.isConnected) process(node, text, mentions ?? matcher.scan(text));
      }
      return items.length;
    };
    /** Sends what the walk left queued and hands on every answer, a slice at a time. False when the pass was cancelled. */
    const drain = async (remote: RemoteNames): Promise<boolean> => {
      remote.send();
      while (remote.pending) {
        if (received(remote, 64) > 0) {
          flush();
          if (!(await pause())) return false;
          continue;
        }
        // The wait for the background is not the page's work.
        deps.bench.slice(this.now() - sliceStart);
        await remote.next();
        if (!alive()) return false;
        sliceStart = this.now();
      }
      return true;
    };

    try {
      // The pass starts in a task of its own: the one that asked for it (settings applied, a matcher compiled) may
      // already have taken much of a frame.
      await yieldTask();
      if (!alive()) return;
      frameStart = sliceStart = this.now();
      let seen = 0;
      let waitingForScreen = this.paintDeferred && engine.paintWalked !== undefined;
      let restarts = 0;
      // Names first: the walk paints every name; the blocks that may hold a quotation are matched after it, in slices
      // that yield at low priority. Roots queued meanwhile are walked before more quotations are matched.
      for (;;) {
        for (let item = this.next(); item; item = this.next()) {
          let root = item.root;
          let elementCount = 0;
          if (item.full) {
            deps.bench.scanStarted('full');
            blocks?.forgetQueued();
            this.progressValue = 0;
            // Progress is for whole-page scans only: counting the page's elements is not free.
            elementCount = Math.max(1, deps.doc.getElementsByTagName('*').length);
          } else {
            // A change inside a quotation's block re-matches the block, so the quotation is found whole again.
            if (blocks) root = quoteRescanRoot(root);
            if (!this.admit(root, item.queued)) {
              if ((++seen & 15) === 0 && !(await pause())) return;
              continue;
            }
            deps.bench.scanStarted('roots');
          }
          this.walked.set(root, ++this.seq);
          const fullStart = seen;
          const walk = walkTextNodes(root, deps.onShadowRoot, { contextChecked: !item.full });
          let last: Text | null = null;
          // A whole-page scan sends its texts to the background, where the names matcher is warm, and goes on walking.
          const remote = item.full ? (deps.remoteNames?.() ?? null) : null;
          let restarted = false;
          for (let step = walk.next(); !step.done; step = walk.next()) {
            const node = step.value;
            last = node;
            seen++;
            const text = engine.textOf(node);
            if (text !== null) {
              if (text.length > TEXT_WINDOW) {
                // Matched here, in windows, after every node before it.
                if (remote && !(await drain(remote))) return;
                if (blocks) take(blocks.end());
                flush();
                if (!(await this.scanLong(node, text, matcher, ignored, engine, pause))) return;
              } else if (remote) remote.add(node, text);
              else process(node, text, matcher.scan(text));
            }
            // Every 16 nodes: highlight what was found (wrapping counts against the slice too) and read the clock.
            if ((seen & 15) === 0) {
              if (remote) {
                // The screen's names are in the first answer: wait for it rather than walk on, since the walk's
                // continuations would run ahead of the task that brings it (the wait is not the page's work).
                if (waitingForScreen && remote.firstOut) {
                  deps.bench.slice(this.now() - sliceStart);
                  await remote.next();
                  if (!alive()) return;
                  sliceStart = this.now();
                }
                received(remote, 256);
              }
              flush();
              // What the reader sees is painted as soon as the walk is past it.
              const screenDone = waitingForScreen && named !== null && this.paintWalked(engine, named);
              if (screenDone) waitingForScreen = false;
              if (screenDone || this.now() - sliceStart > budget()) {
                if (elementCount) this.progressValue = Math.min(0.99, (seen - fullStart) / elementCount);
                if (!(await pause(true, false, screenDone))) return;
                // The page removed the node we stopped at: the walk cannot go on from it. Scan the root again
                // (highlighted nodes are re-matched, not duplicated), a few times per pass at most.
                if (last && !last.isConnected) {
                  blocks?.discard();
                  restarted = true;
                  if (restarts++ < 3) {
                    if (item.full) this.full = true;
                    else this.pending.set(root, ++this.seq);
                  }
                  break;
                }
              }
            }
          }
          // After a restart the answers still to come are dropped with `remote`: the root is walked again.
          if (remote && !restarted && !(await drain(remote))) return;
          if (remote) deps.bench.namesBackground(remote.backgroundMs, remote.answered);
          if (blocks) take(blocks.end());
          flush();
        }
        flush();
        if (!blocks?.pending) break;
        this.endDeferral(engine);
        // The background matches the waiting blocks. Asking (the first message goes out here) ends this slice; the
        // wait for the answers is not the page's work, but keeping them and sending the rest is, counted as one slice.
        const answer = blocks.load();
        const sent = blocks.findMs;
        deps.bench.slice(this.now() - sliceStart);
        const answered = await answer;
        if (!alive()) return;
        if (blocks.findMs > sent) deps.bench.slice(blocks.findMs - sent);
        sliceStart = this.now();
        if (!answered) {
          blocks.forgetQueued();
          break;
        }
        if (!(await this.matchQuotes(blocks, engine, pause))) return;
      }
      deps.bench.slice(this.now() - sliceStart);
      if (blocks) deps.bench.quoteMs(blocks.findMs, blocks.backgroundMs);
    } finally {
      if (gen === this.generation) this.running = false;
    }
    if (!alive()) return;
    this.endDeferral(engine);
    this.progressValue = 1;
    deps.onSettled();
  }

  /** Whether the engine painted what the reader sees from the records up to `walked` (a whole-page scan defers). */
  private paintWalked(engine: HighlightEngine, walked: Text): boolean {
    if (!this.paintDeferred) return true;
    return this.deps.write(() => engine.paintWalked!(walked));
  }

  /** Paints what a whole-page scan held back (css engine), once its names are all found. */
  private endDeferral(engine: HighlightEngine): void {
    if (!this.paintDeferred) return;
    this.paintDeferred = false;
    this.deps.write(() => engine.deferPaint?.(false));
  }

  /**
   * Matches the waiting blocks' quotations, a slice at a time, yielding at low priority between slices, until none
   * waits or a root is queued (the caller walks it first), then highlights what they hold in one write. False when
   * the pass was cancelled meanwhile.
   */
  private async matchQuotes(blocks: QuoteBlocks, engine: HighlightEngine, pause: (force?: boolean, low?: boolean) => Promise<boolean>): Promise<boolean> {
    const textOf = (node: Text) => engine.textOf(node);
    const batch: NodeMentions[] = [];
    let n = 0;
    for (let items = blocks.matchQueued(textOf); items; items = blocks.matchQueued(textOf)) {
      for (const item of items) batch.push(item);
      if ((++n & 7) !== 0) continue;
      // Written once at the end: each change to a painted highlight restyles all its ranges (css engine), so
      // writing per slice would cost a long page one full repaint per slice.
      if (!(await pause(false, true))) return false;
      if (this.full || this.pending.size) break;
    }
    if (batch.length) this.deps.write(() => engine.highlight(batch));
    return true;
  }

  /**
   * One text node longer than a window: matched window by window, each counted against the slice, and registered in
   * one call (the engine records its mentions; the css engine makes ranges only for those near the viewport).
   * Quotations are not looked for in it. False when the pass was cancelled meanwhile.
   */
  private async scanLong(
    node: Text,
    text: string,
    matcher: Matcher,
    ignored: ReadonlySet<string>,
    engine: HighlightEngine,
    pause: (force?: boolean) => Promise<boolean>,
  ): Promise<boolean> {
    const mentions: Mention[] = [];
    for (let from = 0; from < text.length; from += TEXT_WINDOW) {
      const to = Math.min(text.length, from + TEXT_WINDOW);
      const at = Math.max(0, from - WINDOW_OVERLAP);
      for (const m of matcher.scan(text.slice(at, Math.min(text.length, to + WINDOW_OVERLAP)))) {
        const start = m.start + at;
        if (start < from || start >= to || (ignored.size > 0 && ignored.has(notThisKey(m.text)))) continue;
        // A mention ending past the window is still whole: the next window starts after its start.
        if (mentions.length && start < mentions[mentions.length - 1]!.end) continue;
        mentions.push({ ...m, start, end: m.end + at });
      }
      if (!(await pause())) return false;
      if (!node.isConnected || engine.textOf(node) !== text) return true;
    }
    this.deps.write(() => engine.highlight([{ node, mentions }]));
    return pause();
  }
}

/** Resolves in a task of its own (after whatever the browser has queued, rendering included). */
function yieldToTask(): Promise<void> {
  return new Promise((resolve) => void setTimeout(resolve, 0));
}

function parentAcross(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11 && (parent as ShadowRoot).host) return (parent as ShadowRoot).host;
  return parent;
}
