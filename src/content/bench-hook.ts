/**
 * Benchmark marks and counters behind one injected hook, so the parts that do the work never write user-timing
 * entries or counters themselves. The entry point injects `createBenchHook()`; tests inject their own.
 */

/** User-timing entry at content script start (read by the browser benchmark). */
export const START_MARK = 'dossier:start';
/**
 * User-timing entry when the first full scan is done; its `detail` is `{ count, busy, longest, quotes,
 * quotesBackground, namesBuilt, namesBackground, namesAnswered }`: our slices (number, busy ms, longest ms), the ms
 * this page spent on quotations (asking the background, keeping and applying its answers) and the ms the background's
 * matcher took for it, all for the first full scan, the ms this page spent building its names matcher, which happens
 * before the first slice, and the ms the background's names matcher took for the page's whole-page scans and the text
 * nodes it answered for.
 */
export const HIGHLIGHTED_MARK = 'dossier:highlighted';

/** Counters kept for tests and benchmarks (never sent anywhere). */
export interface BenchCounters {
  /** Whole-page scans started. */
  fullScans: number;
  /** Scans of changed subtrees started (after nested roots were collapsed). */
  rootScans: number;
  /** Work slices run, their busy time and the longest one (ms). */
  slices: number;
  busy: number;
  longest: number;
  /** Milliseconds this page spent on quotations (asking the background, keeping and applying its answers). */
  quotes: number;
  /** Milliseconds the background's quotation matcher took for this page (not on the page's main thread). */
  quotesBackground: number;
  /** Milliseconds this page spent building its names matcher (on its main thread, outside the slices). */
  namesBuilt: number;
  /** Milliseconds the background's names matcher took for this page's whole-page scans (not on its main thread). */
  namesBackground: number;
  /** Text nodes whose names the background found for those scans. */
  namesAnswered: number;
  /** Page-state tallies computed (a state request served from the cache does not count). */
  stateTallies: number;
  /** Page-state requests answered. */
  stateReads: number;
  /** Cards shown before the card's code was in the frame: on time (within the hover delay) and late. */
  firstCardsOnTime: number;
  firstCardsLate: number;
}

/** What the parts report. */
export interface BenchHook {
  /** The content script started. */
  started(): void;
  scanStarted(kind: 'full' | 'roots'): void;
  slice(ms: number): void;
  /** A pass's quotation work: on this page's main thread, and in the background for it. */
  quoteMs(ms: number, backgroundMs: number): void;
  /** The names matcher was built for the page, in `ms`. */
  namesBuilt(ms: number): void;
  /** The background's names matcher took `ms` for a whole-page scan of the page, and answered for `texts` text nodes. */
  namesBackground(ms: number, texts: number): void;
  stateTally(): void;
  stateRead(): void;
  /** A card asked for before the card's code was in the frame was shown: `late` when after the hover delay. */
  firstCard(late: boolean): void;
  /** The first full scan settled. */
  firstScanDone(): void;
  readonly counters: Readonly<BenchCounters>;
}

/** The default hook: counters in memory (the content script's world only) and the two user-timing marks. */
export function createBenchHook(perf: Pick<Performance, 'mark'> | null = typeof performance === 'undefined' ? null : performance): BenchHook {
  const counters: BenchCounters = { fullScans: 0, rootScans: 0, slices: 0, busy: 0, longest: 0, quotes: 0, quotesBackground: 0, namesBuilt: 0, namesBackground: 0, namesAnswered: 0, stateTallies: 0, stateReads: 0, firstCardsOnTime: 0, firstCardsLate: 0 };
  return {
    counters,
    started() {
      perf?.mark(START_MARK);
    },
    scanStarted(kind) {
      if (kind === 'full') counters.fullScans++;
      else counters.rootScans++;
    },
    slice(ms) {
      counters.slices++;
      counters.busy += ms;
      if (ms > counters.longest) counters.longest = ms;
    },
    quoteMs(ms, backgroundMs) {
      counters.quotes += ms;
      counters.quotesBackground += backgroundMs;
    },
    namesBuilt(ms) {
      counters.namesBuilt += ms;
    },
    namesBackground(ms, texts) {
      counters.namesBackground += ms;
      counters.namesAnswered += texts;
    },
    stateTally() {
      counters.stateTallies++;
    },
    stateRead() {
      counters.stateReads++;
    },
    firstCard(late) {
      if (late) counters.firstCardsLate++;
      else counters.firstCardsOnTime++;
    },
    firstScanDone() {
      const { slices: count, busy, longest, quotes, quotesBackground, namesBuilt, namesBackground, namesAnswered } = counters;
      perf?.mark(HIGHLIGHTED_MARK, { detail: { count, busy, longest, quotes, quotesBackground, namesBuilt, namesBackground, namesAnswered } });
    },
  };
}

/** Where the hook is kept for tests: a global of the content script's isolated world, which page scripts cannot see. */
export const BENCH_GLOBAL = Symbol.for('dossier.bench');

/** Keeps `hook` where end-to-end tests read it over the DevTools protocol (the isolated world's global). */
export function exposeBenchHook(hook: BenchHook): BenchHook {
  (globalThis as { [BENCH_GLOBAL]?: BenchHook })[BENCH_GLOBAL] = hook;
  return hook;
}
