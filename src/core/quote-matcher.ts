/**
 * Finds the data set's known quotations in page text, verbatim or with small differences
 * (punctuation, quotation marks, case, a word added, removed or changed, a trimmed start or end).
 *
 * The text is split into words once, as integer ids (quote-tokens.ts); everything after reads those ids. Two
 * stages, so that it is fast on every page (docs/insights.md has the numbers):
 * 1. Candidate filter: every quote's word pairs (shingles), except pairs made only of very common words, are indexed
 *    by their two ids. The page's word pairs are looked up once each; where enough pairs of one quote occur close
 *    together, that stretch becomes a candidate window.
 * 2. Count filter: a window goes on only if some stretch of it no longer than an accepted alignment can be holds
 *    `minSameWords` words of the quote. An accepted alignment needs exactly that, so no match is lost.
 * 3. Fuzzy stage: a word-level local alignment of that quote against its window (quote-align.ts), accepted when
 *    enough words agree (a window holding the quote word for word skips the alignment); the differences come from a
 *    word diff (word-diff.ts).
 *
 * Thresholds (documented in docs/insights.md):
 * - Quotes of fewer than SHORT_QUOTE_WORDS words ("imperative", "no compromise", "reasonably good")
 *   match only word for word (case and punctuation ignored) AND only where the page itself puts them
 *   in quotation marks: three common words anywhere in a text are not a quotation.
 * - Longer quotes match when at least `minSameWords(n)` words align and at least MIN_SIMILARITY of the
 *   aligned stretch agrees (same words ÷ the longer of the page stretch and the quote part).
 */
import type { Quote } from '../data/schema';
import { alignLocal, type LocalAlignment } from './quote-align';
import { hashVocabulary, STOPWORDS, tokenizeIds, tokenizeWords, type WordIds } from './quote-tokens';
import { diffWordIds } from './quote-diff';
import type { DiffWord, WordDiffOp } from './word-diff';

/** Quotes with fewer words than this match only exactly and only inside quotation marks. */
export const SHORT_QUOTE_WORDS = 4;
/** Share of the aligned words that must agree for a fuzzy match. */
export const MIN_SIMILARITY = 0.75;
/**
 * Words of a quote the page must reproduce. Quotes of up to 7 words: all but one (a page giving
 * three words of a five-word quote is more likely its own phrasing: "recognition of Russia’s").
 * Longer ones: all but one up to 6 words, or half the quote (rounded down) up to 8, whichever is more.
 */
export function minSameWords(quoteWords: number): number {
  return Math.max(Math.min(quoteWords - 1, 6), Math.min(8, Math.floor(quoteWords / 2)));
}
/** Distinct page positions with a shared word pair that make a candidate window. */
export function minShingleHits(quoteWords: number): number {
  return quoteWords <= 6 ? 1 : quoteWords <= 12 ? 2 : 3;
}

/** A known quotation found in text. Offsets index the scanned text (end exclusive). */
export interface QuoteMatch {
  start: number;
  end: number;
  /** The text as written at [start, end): from the first to the last matched word. */
  text: string;
  quoteId: string;
  /** 1 for an exact quotation; less the more words differ or the less of the quote the page gives. */
  score: number;
  /** The whole quote, word for word (case, punctuation and quotation marks ignored). */
  exact: boolean;
  /** Page wording against the source wording, over the part of the quote the page gives. */
  diff: WordDiffOp[];
  /** Share of the quote's words the page stretch covers (1 unless the page trims it). */
  coverage: number;
}

/** What one scan did, for the benchmark. */
export interface QuoteScanStats {
  /** Words in the page text. */
  words: number;
  /** Windows that reached the fuzzy stage. */
  candidateWindows: number;
  /** Alignment cells computed (window words × quote words). */
  fuzzyCells: number;
}

/** A compiled set of quotes. */
export interface QuoteMatcher {
  /** Every known quotation in `text`, sorted by start, never overlapping. */
  find(text: string): QuoteMatch[];
  /** `find` with what the stages did. */
  findWithStats(text: string): { matches: QuoteMatch[]; stats: QuoteScanStats };
  /** False only when `find(text)` is sure to find nothing: the text holds none of the quotes' anchor words. */
  mayMatch(text: string): boolean;
  /**
   * What a page's scan calls for each block: `find(text)`, from a cache when this text was matched before, and
   * nothing at all for a text `mayMatch` rejects (its words are read once, for both). Never modify the result.
   */
  findInBlock(text: string): readonly QuoteMatch[];
  /** The result `findInBlock(text)` gave before, if it is still cached: a rescan of an unchanged block costs a lookup. */
  cached(text: string): readonly QuoteMatch[] | undefined;
  /** Number of quotes compiled (those with at least one word). */
  readonly quoteCount: number;
  /**
   * The speakers a short quotation needs near it (quote-speaker.ts), or null: a long quotation, or one whose input
   * gave no speakers.
   */
  speakersOf(quoteId: string): readonly string[] | null;
}

/**
 * The part of a Quote the matcher reads. `sentence` tells apart quotes that share their wording; `speakers` (speaker
 * and co-speakers) are what a short quotation needs mentioned near it.
 */
export type QuoteInput = Pick<Quote, 'id' | 'text'> & { sentence?: string; speakers?: readonly string[] };

interface CompiledQuote {
  id: string;
  ids: Int32Array;
  /** The distinct ids of `ids`. */
  distinct: Int32Array;
  /** Ids of the words of the source sentence around the quote (for quotes sharing their wording). */
  context: ReadonlySet<number>;
  words: DiffWord[];
  short: boolean;
}

/** Opening and closing quotation marks a page may put around a short quote. */
const QUOTE_MARKS = new Set(['"', "'", '\u201c', '\u201d', '\u201e', '\u201f', '\u2018', '\u2019', '\u201a', '\u00ab', '\u00bb', '\u2039', '\u203a', '\u300c', '\u300d']);
/** Punctuation allowed between a short quote's last word and its closing mark ("reasonably good,”). */
const TRAILING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', '\u2026']);
/**
 * Characters of block text whose results `findInBlock` keeps (all dropped when full). A single-node
 * block's text is the page's own string, so most of it costs no memory of its own; this bounds what joined blocks and
 * texts the page has since changed can hold: 16 MB at most.
 */
const CACHE_CHARS = 8_000_000;

/** Compile the quotes once; `find` then scans any number of texts. */
export function compileQuoteMatcher(quotes: readonly QuoteInput[]): QuoteMatcher {
  return runSteps(compileQuoteMatcherSteps(quotes));
}

/**
 * What compiling the quotes works out before it builds the matcher, as plain data: the words of every quote as ids,
 * where they stand in its text, the ids of its source sentence's other words, and the prefilter's anchor words:
 * reading the quotes' words is most of the compile, and a plan survives a JSON round trip.
 */
export interface QuotePlan {
  /** Word keys by id: the quotes' words first (by first occurrence), then their source sentences' other words. */
  keys: string[];
  /** The quotes with at least one word, in input order. */
  quotes: PlannedQuote[];
  /** Ids of the prefilter's anchor words (`anchorWords`). */
  anchors: number[];
}

/** One quote of a plan. */
export interface PlannedQuote {
  id: string;
  /** Its words' ids, and where each word stands in the quote's text ([start, end)). */
  ids: number[];
  starts: number[];
  ends: number[];
  /** Ids of the source sentence's words that are not the quote's own nor stopwords. */
  context: number[];
}

/** Plans `quotes` (see QuotePlan) in one go. */
export function planQuoteMatcher(quotes: readonly QuoteInput[]): QuotePlan {
  return runSteps(planQuoteMatcherSteps(quotes));
}

/** The matcher of `quotes` from their plan (`planQuoteMatcher` of the same quotes, in the same order). */
export function quoteMatcherFromPlan(plan: QuotePlan, quotes: readonly QuoteInput[]): QuoteMatcher {
  return runSteps(quoteMatcherFromPlanSteps(plan, quotes));
}

function runSteps<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * `compileQuoteMatcher` one quote at a time: the generator yields after each quote it reads or indexes and returns
 * the matcher, so a caller with thousands of quotations (the reader's dossier) can spread the work over short slices.
 */
export function* compileQuoteMatcherSteps(quotes: readonly QuoteInput[]): Generator<void, QuoteMatcher, void> {
  const plan = yield* planQuoteMatcherSteps(quotes);
  return yield* quoteMatcherFromPlanSteps(plan, quotes);
}

function* planQuoteMatcherSteps(quotes: readonly QuoteInput[]): Generator<void, QuotePlan, void> {
  const vocab = new Map<string, number>();
  const intern = (key: string): number => {
    let id = vocab.get(key);
    if (id === undefined) vocab.set(key, (id = vocab.size));
    return id;
  };
  const planned: PlannedQuote[] = [];
  const contextKeys: string[][] = [];
  for (const quote of quotes) {
    const stream = tokenizeWords(quote.text);
    if (stream.keys.length === 0) continue;
    const own = new Set(stream.keys);
    contextKeys.push(tokenizeWords(quote.sentence ?? '').keys.filter((k) => !own.has(k) && !STOPWORDS.has(k)));
    planned.push({ id: quote.id, ids: stream.keys.map(intern), starts: stream.starts, ends: stream.ends, context: [] });
    yield;
  }
  // The context words get ids after all the quotes' words: a quote word's id is its rank among those.
  for (let q = 0; q < planned.length; q++) {
    planned[q]!.context = contextKeys[q]!.map(intern);
    yield;
  }
  const keys = [...vocab.keys()];
  return { keys, quotes: planned, anchors: [...(yield* anchorWords(planned, keys))] };
}

function* quoteMatcherFromPlanSteps(plan: QuotePlan, quotes: readonly QuoteInput[]): Generator<void, QuoteMatcher, void> {
  const vocab = new Map<string, number>(plan.keys.map((key, id) => [key, id]));
  const texts = new Map(quotes.map((q) => [q.id, q.text]));
  const compiled: CompiledQuote[] = [];
  for (const q of plan.quotes) {
    const text = texts.get(q.id);
    if (text === undefined) throw new Error(`quote plan: no quote ${q.id}`);
    const ids = Int32Array.from(q.ids);
    compiled.push({
      id: q.id,
      ids,
      distinct: Int32Array.from(new Set(q.ids)),
      context: new Set(q.context),
      words: q.ids.map((id, k) => ({ key: plan.keys[id]!, text: text.slice(q.starts[k], q.ends[k]) })),
      short: ids.length < SHORT_QUOTE_WORDS,
    });
    yield;
  }
  const byId = new Map(compiled.map((q) => [q.id, q]));

  // Shingle index: first word id → second word id → [quote, position of the pair in the quote, …] (small-integer
  // keys: a Map hashes those cheaply); short quotes by their first word id.
  const pairs: Map<number, number[]>[] = [];
  const shortByFirst: number[][] = [];
  const stopIds = new Set<number>();
  for (const key of STOPWORDS) if (vocab.has(key)) stopIds.add(vocab.get(key)!);
  for (let q = 0; q < compiled.length; q++) {
    yield;
    const ids = compiled[q]!.ids;
    if (compiled[q]!.short) {
      (shortByFirst[ids[0]!] ??= []).push(q);
      continue;
    }
    const informative = (p: number): boolean => !stopIds.has(ids[p]!) || !stopIds.has(ids[p + 1]!);
    let any = false;
    for (let p = 0; p + 1 < ids.length; p++) any ||= informative(p);
    for (let p = 0; p + 1 < ids.length; p++) {
      // A quote made only of common words is indexed whole rather than not at all.
      if (any && !informative(p)) continue;
      const a = ids[p]!;
      const second = (pairs[a] ??= new Map());
      let list = second.get(ids[p + 1]!);
      if (!list) second.set(ids[p + 1]!, (list = []));
      list.push(q, p);
    }
  }
  const vocabulary = hashVocabulary(vocab);
  const anchors = new Uint8Array(vocab.size);
  for (const id of plan.anchors) anchors[id] = 1;
  // The words of one quote, marked while the count filter reads a window.
  const marks = new Uint8Array(vocab.size);
  const pairTable = flattenPairs(pairs, vocab.size);
  // Stage 1's hits, reused from text to text: (quote, page word, position in the quote) triples in page order, then
  // the same grouped by quote (quotes in the order of their first hit, each quote's hits in page order).
  const hits = new HitLists(compiled.length);

  // The words of the text being matched, in arrays `tokenizeIds` reuses from text to text.
  let words: WordIds = tokenizeIds('', vocabulary, anchors);

  function findWithStats(text: string): { matches: QuoteMatch[]; stats: QuoteScanStats } {
    words = tokenizeIds(text, vocabulary, anchors);
    const stats: QuoteScanStats = { words: words.count, candidateWindows: 0, fuzzyCells: 0 };
    return { matches: findWords(text, stats), stats };
  }

  /** The quotations in `text`, whose words `words` holds. */
  function findWords(text: string, stats: QuoteScanStats | null): QuoteMatch[] {
    const n = words.count;
    const ids = words.ids;
    const found: QuoteMatch[] = [];

    // Stage 1: one pass over the word pairs; hits are collected per quote in page order.
    const { first, table, postings } = pairTable;
    const mask = table.length / 2 - 1;
    hits.clear();
    for (let i = 0; i < n; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      if (shortByFirst[a]) for (const q of shortByFirst[a]) matchShort(text, i, q, found);
      if (first[a] === 0 || i + 1 >= n) continue;
      const b = ids[i + 1]!;
      if (b < 0) continue;
      for (let slot = pairHash(a, b) & mask; ; slot = (slot + 1) & mask) {
        const at = table[2 * slot]!;
        if (at === 0) break;
        // Each slot holds the pair's first word id + 1 and where its postings start; the second word id leads them.
        if (at !== a + 1 || postings[table[2 * slot + 1]!] !== b) continue;
        const from = table[2 * slot + 1]! + 2;
        const to = from + 2 * postings[from - 1]!;
        for (let k = from; k < to; k += 2) hits.add(postings[k]!, i, postings[k + 1]!);
        break;
      }
    }

    // Stage 2: clusters of hits → bounded windows → count filter → local alignment.
    hits.group();
    const { quotes: hitQuotes, starts: hitStarts, page, position } = hits;
    for (let h = 0; h < hits.quoteCount; h++) {
      const quote = compiled[hitQuotes[h]!]!;
      const len = quote.ids.length;
      const need = minShingleHits(len);
      const last = hitStarts[h + 1]!;
      let k = hitStarts[h]!;
      while (k < last) {
        let end = k;
        let distinct = 1;
        while (end + 1 < last && page[end + 1]! - page[end]! <= len) {
          if (page[end + 1] !== page[end]) distinct++;
          end++;
        }
        if (distinct >= need) {
          const firstPage = page[k]!;
          const lastPage = page[end]!;
          let origin = Infinity;
          let originEnd = -Infinity;
          for (let e = k; e <= end; e++) {
            origin = Math.min(origin, page[e]! - position[e]!);
            originEnd = Math.max(originEnd, page[e]! - position[e]! + len);
          }
          const slack = Math.ceil(len / 4) + 2;
          const from = Math.max(0, Math.max(origin, firstPage - len) - slack);
          const to = Math.min(n, Math.min(originEnd, lastPage + 2 + len) + slack);
          alignWindow(text, from, to, quote, stats, found, 0);
        }
        k = end + 1;
      }
    }
    return resolveOverlaps(found, (m) => contextScore(m));
  }

  const cache = new Map<string, readonly QuoteMatch[]>();
  let cachedChars = 0;
  /** Caches and returns `matches`. When full, starts again rather than track what was used last. */
  const remember = (text: string, matches: readonly QuoteMatch[]): readonly QuoteMatch[] => {
    if ((cachedChars += text.length) > CACHE_CHARS) {
      cache.clear();
      cachedChars = text.length;
    }
    cache.set(text, matches);
    return matches;
  };

  const shortSpeakers = new Map<string, readonly string[]>();
  for (const quote of quotes) {
    const c = byId.get(quote.id);
    if (c?.short && quote.speakers && quote.speakers.length > 0) shortSpeakers.set(quote.id, quote.speakers);
  }
  return {
    find: (text) => findWithStats(text).matches,
    findWithStats,
    mayMatch: (text) => (words = tokenizeIds(text, vocabulary, anchors)).anchored,
    findInBlock: (text) => cache.get(text) ?? remember(text, (words = tokenizeIds(text, vocabulary, anchors)).anchored ? findWords(text, null) : []),
    cached: (text) => cache.get(text),
    quoteCount: compiled.length,
    speakersOf: (quoteId) => shortSpeakers.get(quoteId) ?? null,
  };

  /**
   * How many words of the quote's source sentence stand within CONTEXT_WORDS of the match: when two
   * quotes share their wording ("imperative" said by Lavrov and by "Russian authorities"), the page
   * around the match tells which one it is.
   */
  function contextScore(m: QuoteMatch): number {
    const quote = byId.get(m.quoteId);
    if (!quote || quote.context.size === 0) return 0;
    const first = lowerBound(words.starts, words.count, m.start);
    const seen = new Set<number>();
    const from = Math.max(0, first - CONTEXT_WORDS);
    const to = Math.min(words.count, first + quote.ids.length + CONTEXT_WORDS);
    for (let i = from; i < to; i++) {
      const id = words.ids[i]!;
      if (quote.context.has(id)) seen.add(id);
    }
    return seen.size;
  }

  function matchShort(text: string, i: number, q: number, found: QuoteMatch[]): void {
    const quote = compiled[q]!;
    const len = quote.ids.length;
    if (i + len > words.count) return;
    for (let k = 1; k < len; k++) if (words.ids[i + k] !== quote.ids[k]) return;
    const start = words.starts[i]!;
    const end = words.ends[i + len - 1]!;
    if (start === 0 || !QUOTE_MARKS.has(text[start - 1]!)) return;
    let after = end;
    while (after < text.length && TRAILING_PUNCT.has(text[after]!)) after++;
    if (after === text.length || !QUOTE_MARKS.has(text[after]!)) return;
    found.push({
      start,
      end,
      text: text.slice(start, end),
      quoteId: quote.id,
      score: 1,
      exact: true,
      diff: [{ op: 'same', text: text.slice(start, end) }],
      coverage: 1,
    });
  }

  /**
   * Whether some stretch of page words [from, to) no longer than an accepted alignment can be (⌈n / MIN_SIMILARITY⌉
   * words) holds at least `need` words of the quote. An accepted alignment pairs `need` or more page words with equal
   * quote words inside such a stretch, so a window without one cannot hold a match.
   */
  function closeEnough(from: number, to: number, quote: CompiledQuote, need: number): boolean {
    const ids = words.ids;
    const width = Math.ceil(quote.ids.length / MIN_SIMILARITY);
    let inside = 0;
    let i = from;
    for (const id of quote.distinct) marks[id] = 1;
    for (; i < to && inside < need; i++) {
      if (ids[i]! >= 0 && marks[ids[i]!]) inside++;
      if (i - width >= from && ids[i - width]! >= 0 && marks[ids[i - width]!]) inside--;
    }
    for (const id of quote.distinct) marks[id] = 0;
    return inside >= need;
  }

  function alignWindow(text: string, from: number, to: number, quote: CompiledQuote, stats: QuoteScanStats | null, found: QuoteMatch[], depth: number): void {
    const len = quote.ids.length;
    const need = minSameWords(len);
    if (to - from < need || !closeEnough(from, to, quote, need)) return;
    let a = verbatimIn(words.ids, from, to, quote.ids);
    if (stats) {
      stats.candidateWindows++;
      if (!a) stats.fuzzyCells += (to - from) * len;
    }
    a = trimAtQuoteMarks(text, words, quote, a ?? alignLocal(words.ids, from, to, quote.ids));
    if (!a || !accepted(a, need)) return;
    found.push(toMatch(text, words, quote, a));
    // The same quote may stand twice in one window (a page repeating it); look either side, a little.
    if (depth < 2) {
      alignWindow(text, from, a.pageFrom, quote, stats, found, depth + 1);
      alignWindow(text, a.pageTo, to, quote, stats, found, depth + 1);
    }
  }
}

/** The hash of a word pair (first and second word ids) in the pair table. */
function pairHash(a: number, b: number): number {
  return Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> 7;
}

/**
 * The shingle index as typed arrays, read once per page word: no Map lookup and no object per text. `first[a]` is 1
 * when some indexed pair starts with word id `a`. `table` is open addressing over `pairHash` (linear probing): two
 * numbers per slot, the pair's first word id + 1 (0: an empty slot) and the index in `postings` of its entry: the
 * second word id, the number of postings, then that many (quote, position of the pair in the quote) pairs, in the
 * order the Map gave them.
 */
interface PairTable {
  first: Uint8Array;
  table: Int32Array;
  postings: Int32Array;
}

function flattenPairs(pairs: readonly (Map<number, number[]> | undefined)[], vocabularySize: number): PairTable {
  const first = new Uint8Array(vocabularySize);
  let count = 0;
  let size = 0;
  pairs.forEach((second) => {
    count += second!.size;
    for (const list of second!.values()) size += 2 + list.length;
  });
  let slots = 16;
  while (slots < count * 2) slots *= 2;
  const table = new Int32Array(2 * slots);
  const postings = new Int32Array(size);
  let at = 0;
  pairs.forEach((second, a) => {
    first[a] = 1;
    for (const [b, list] of second!) {
      let slot = pairHash(a, b) & (slots - 1);
      while (table[2 * slot] !== 0) slot = (slot + 1) & (slots - 1);
      table[2 * slot] = a + 1;
      table[2 * slot + 1] = at;
      postings[at++] = b;
      postings[at++] = list.length / 2;
      postings.set(list, at);
      at += list.length;
    }
  });
  return { first, table, postings };
}

/**
 * Stage 1's hits of one text, in arrays reused from text to text. `add` appends in page order; `group` sorts them by
 * quote (counting sort, stable): quotes in the order of their first hit, as the Map of lists this replaces iterated
 * them, so the matches come out in the same order and ties resolve the same way.
 */
class HitLists {
  /** Quotes with a hit, in order of their first hit, `quoteCount` of them. */
  readonly quotes: Int32Array;
  quoteCount = 0;
  /** After `group`: quote `quotes[h]`'s hits are at [starts[h], starts[h + 1]) of `page` and `position`. */
  readonly starts: Int32Array;
  page = new Int32Array(64);
  position = new Int32Array(64);
  private count = 0;
  private added = new Int32Array(192);
  /** Hits of each quote; −1: none yet in this text. */
  private readonly perQuote: Int32Array;

  constructor(quoteCount: number) {
    this.quotes = new Int32Array(quoteCount);
    this.starts = new Int32Array(quoteCount + 1);
    this.perQuote = new Int32Array(quoteCount).fill(-1);
  }

  clear(): void {
    for (let h = 0; h < this.quoteCount; h++) this.perQuote[this.quotes[h]!] = -1;
    this.quoteCount = 0;
    this.count = 0;
  }

  add(q: number, page: number, position: number): void {
    if (this.perQuote[q] === -1) {
      this.perQuote[q] = 0;
      this.quotes[this.quoteCount++] = q;
    }
    this.perQuote[q]!++;
    if (3 * this.count + 3 > this.added.length) {
      const grown = new Int32Array(this.added.length * 2);
      grown.set(this.added);
      this.added = grown;
    }
    const at = 3 * this.count++;
    this.added[at] = q;
    this.added[at + 1] = page;
    this.added[at + 2] = position;
  }

  group(): void {
    if (this.page.length < this.count) {
      this.page = new Int32Array(this.count * 2);
      this.position = new Int32Array(this.count * 2);
    }
    const { quotes, starts, perQuote, added, page, position } = this;
    let at = 0;
    for (let h = 0; h < this.quoteCount; h++) {
      starts[h] = at;
      at += perQuote[quotes[h]!]!;
    }
    starts[this.quoteCount] = at;
    // `perQuote` becomes each quote's next free index, then is reset for the next text by `clear`.
    for (let h = 0; h < this.quoteCount; h++) perQuote[quotes[h]!] = starts[h]!;
    for (let k = 0; k < 3 * this.count; k += 3) {
      const q = added[k]!;
      const to = perQuote[q]!++;
      page[to] = added[k + 1]!;
      position[to] = added[k + 2]!;
    }
  }
}

/**
 * The alignment `alignLocal` gives when the window holds the quote word for word, found without the alignment
 * matrix: only an unbroken run of all the quote's words scores 2 × its length (the most any alignment can), the
 * matrix is filled page word by page word keeping the first best cell, so the first such run wins, and its trace is
 * all diagonal steps.
 */
function verbatimIn(page: Int32Array, from: number, to: number, quote: Int32Array): LocalAlignment | null {
  const len = quote.length;
  for (let p = from; p + len <= to; p++) {
    let k = 0;
    while (k < len && page[p + k] === quote[k]) k++;
    if (k === len) return { pageFrom: p, pageTo: p + len, quoteFrom: 0, quoteTo: len, same: len };
  }
  return null;
}

/**
 * Words at least one of which stands in any text a quote can match: the prefilter's anchors. A short quote matches
 * only whole, so its rarest word is enough. A longer one needs at least `minSameWords(n)` of its n word positions
 * aligned with equal page words, so among any n − minSameWords(n) + 1 positions one is on the page: its words are
 * taken rarest first (not a stopword, in fewest quotes, longest) until they cover that many positions. Rarer
 * anchors let more blocks through unsplit; the count keeps the prefilter from ever dropping a match.
 */
function* anchorWords(compiled: readonly Pick<PlannedQuote, 'ids'>[], keyOf: readonly string[]): Generator<void, Set<number>, void> {
  // Each word's rarity read once: a stopword last, then in fewer quotes, then longer, then the lower id.
  const common = new Uint8Array(keyOf.length);
  const quotesWith = new Int32Array(keyOf.length);
  keyOf.forEach((key, id) => (common[id] = STOPWORDS.has(key) ? 1 : 0));
  for (const q of compiled) for (const id of new Set(q.ids)) quotesWith[id]!++;
  const rarer = (a: number, b: number): number => common[a]! - common[b]! || quotesWith[a]! - quotesWith[b]! || keyOf[b]!.length - keyOf[a]!.length || a - b;
  const anchors = new Set<number>();
  for (const q of compiled) {
    const positions = new Map<number, number>();
    for (const id of q.ids) positions.set(id, (positions.get(id) ?? 0) + 1);
    const needed = q.ids.length < SHORT_QUOTE_WORDS ? 1 : q.ids.length - minSameWords(q.ids.length) + 1;
    let covered = 0;
    for (const id of [...positions.keys()].sort(rarer)) {
      if (covered >= needed) break;
      anchors.add(id);
      covered += positions.get(id)!;
    }
    yield;
  }
  return anchors;
}

/**
 * A page's own quotation marks bound what it quotes: when an alignment runs one or two words past a
 * quotation mark at either end ("… arrest warrants” as goals"), those words are the page's, not the
 * quote's, even if one happens to match the next word of the quote. Cut them off and realign.
 */
function trimAtQuoteMarks(text: string, words: WordIds, quote: CompiledQuote, a: LocalAlignment | null): LocalAlignment | null {
  if (!a) return a;
  let from = a.pageFrom;
  let to = a.pageTo;
  const span = to - from;
  const hasMark = (k: number): boolean => {
    // the gap between word k and word k+1
    for (let c = words.ends[k]!; c < words.starts[k + 1]!; c++) if (QUOTE_MARKS.has(text[c]!)) return true;
    return false;
  };
  for (let k = to - 2; k >= Math.max(from, to - 3); k--) {
    if (hasMark(k) && k + 1 - from > span / 2) {
      to = k + 1;
      break;
    }
  }
  for (let k = from; k <= Math.min(to - 2, from + 1); k++) {
    if (hasMark(k) && to - (k + 1) > span / 2) {
      from = k + 1;
      break;
    }
  }
  if (from === a.pageFrom && to === a.pageTo) return a;
  return alignLocal(words.ids, from, to, quote.ids);
}

function similarity(a: LocalAlignment): number {
  return a.same / Math.max(a.pageTo - a.pageFrom, a.quoteTo - a.quoteFrom);
}

function accepted(a: LocalAlignment, need: number): boolean {
  return a.same >= need && similarity(a) >= MIN_SIMILARITY;
}

function toMatch(text: string, words: WordIds, quote: CompiledQuote, a: LocalAlignment): QuoteMatch {
  const len = quote.ids.length;
  const start = words.starts[a.pageFrom]!;
  const end = words.ends[a.pageTo - 1]!;
  const coverage = (a.quoteTo - a.quoteFrom) / len;
  const exact = a.same === len && a.pageTo - a.pageFrom === len;
  const score = exact ? 1 : Math.min(0.99, similarity(a) * (0.5 + 0.5 * coverage));
  const written = text.slice(start, end);
  let diff: WordDiffOp[];
  if (exact) {
    // Word for word: one run of the page's words joined by single spaces, what the diff would find without filling its
    // table; usually the page's own text, when single spaces are all that stands between its words.
    let spaced = true;
    for (let i = a.pageFrom; spaced && i + 1 < a.pageTo; i++) spaced = words.starts[i + 1] === words.ends[i]! + 1 && text.charCodeAt(words.ends[i]!) === 32;
    const same: string[] = [];
    if (!spaced) for (let i = a.pageFrom; i < a.pageTo; i++) same.push(text.slice(words.starts[i], words.ends[i]));
    diff = [{ op: 'same', text: spaced ? written : same.join(' ') }];
  } else {
    diff = diffWordIds(words.ids, a.pageFrom, a.pageTo, quote.ids, a.quoteFrom, a.quoteTo, (i) => text.slice(words.starts[i], words.ends[i]), quote.words);
  }
  return {
    start,
    end,
    text: written,
    quoteId: quote.id,
    score: Math.round(score * 1000) / 1000,
    exact,
    diff,
    coverage: Math.round(coverage * 1000) / 1000,
  };
}

/** Words either side of a match compared with a quote's source sentence. */
const CONTEXT_WORDS = 25;

/** First index below `count` of a sorted array whose value is ≥ `value`. */
function lowerBound(xs: Int32Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Best first (score, then length, then how well the surroundings fit the quote's source sentence),
 * keeping only matches that overlap none kept before; then by start.
 */
function resolveOverlaps(found: QuoteMatch[], context: (m: QuoteMatch) => number): QuoteMatch[] {
  if (found.length < 2) return found;
  // The surroundings are read only for matches that tie on score and length.
  const ctx = new Map<QuoteMatch, number>();
  const contextOf = (m: QuoteMatch): number => {
    if (!ctx.has(m)) ctx.set(m, context(m));
    return ctx.get(m)!;
  };
  const byQuality = [...found].sort(
    (x, y) => y.score - x.score || y.end - y.start - (x.end - x.start) || contextOf(y) - contextOf(x) || x.start - y.start,
  );
  // Kept matches sorted by start, never overlapping: a new one only needs checking against its neighbours.
  const kept: QuoteMatch[] = [];
  for (const m of byQuality) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > m.start) || (after && after.start < m.end)) continue;
    kept.splice(lo, 0, m);
  }
  return kept;
}
