/**
 * The known quotations of a frame's blocks, as the background finds them for it (`findQuotes`): the matcher lives
 * in the background, compiled once for every tab and kept warm there, so a page's main thread neither compiles it
 * nor runs it cold. Pure: the background matches, the page applies the speaker rule with the names it found.
 */
import type { QuoteMatch, QuoteMatcher } from './quote-matcher';

/**
 * A match as the background sends it: without the page's own words, which the frame has. Its `text` is the slice
 * [start, end) of the text asked about, and `diff` is left out where it is that same text, unchanged (an exact
 * quotation whose words the page spaces with single spaces, most of them).
 */
export type SentMatch = Omit<QuoteMatch, 'text' | 'diff'> & { diff?: QuoteMatch['diff'] };

/** The answer to one `findQuotes`. */
export interface FoundQuotes {
  /** `matches[i]`: the quotations of the i-th text asked about (`QuoteMatcher.findInBlock`), as sent. */
  matches: SentMatch[][];
  /** For each short quotation among them, the speakers one of whom must be named near it (quote-speaker.ts). */
  speakers: Record<string, readonly string[]>;
  /** Milliseconds the matcher took: spent in the background, off the page's main thread. */
  ms: number;
}

/** The most text one `findQuotes` may carry (characters, all texts together); a page sends more in several. */
export const FIND_QUOTES_CHARS = 1_000_000;
/** The most texts one `findQuotes` may carry. */
export const FIND_QUOTES_TEXTS = 20_000;

/** Matches each of `texts`; `now` is the clock the time taken is read from. */
export function findQuotesIn(matcher: Pick<QuoteMatcher, 'findInBlock' | 'speakersOf'>, texts: readonly string[], now: () => number): FoundQuotes {
  const t0 = now();
  const speakers: Record<string, readonly string[]> = {};
  const matches = texts.map((text) =>
    matcher.findInBlock(text).map((m) => {
      const who = matcher.speakersOf(m.quoteId);
      if (who) speakers[m.quoteId] = who;
      return sent(m);
    }),
  );
  return { matches, speakers, ms: now() - t0 };
}

function sent({ text, diff, ...rest }: QuoteMatch): SentMatch {
  return diff.length === 1 && diff[0]!.op === 'same' && diff[0]!.text === text ? rest : { ...rest, diff };
}

/** A match as the matcher gave it, from what was sent and the text it was found in. */
export function receivedMatch(m: SentMatch, text: string): QuoteMatch {
  const written = text.slice(m.start, m.end);
  return { start: m.start, end: m.end, text: written, quoteId: m.quoteId, score: m.score, exact: m.exact, diff: m.diff ?? [{ op: 'same', text: written }], coverage: m.coverage };
}

/**
 * A short key for a set of saved quotations (their ids and wording, in order): a frame sends it with each
 * `findQuotes`, so the background knows whether the set it matches for that page is the one the frame has.
 */
export function savedQuotesKey(quotes: readonly { id: string; text: string }[]): string {
  // FNV-1a over the ids and texts, with their count: a changed, added or removed quotation changes it.
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193);
  };
  for (const q of quotes) {
    add(q.id);
    add(q.text);
  }
  return `${quotes.length}:${(h >>> 0).toString(36)}`;
}

/**
 * Splits `texts` into runs that each fit one `findQuotes`, in order. A text longer than a whole message is left
 * out (its index is not in any run): no block of a real page comes near it.
 */
export function findQuotesBatches(texts: readonly string[], chars = FIND_QUOTES_CHARS, count = FIND_QUOTES_TEXTS): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  let size = 0;
  texts.forEach((text, i) => {
    if (text.length > chars) return;
    if (batch.length && (size + text.length > chars || batch.length >= count)) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(i);
    size += text.length;
  });
  if (batch.length) batches.push(batch);
  return batches;
}
