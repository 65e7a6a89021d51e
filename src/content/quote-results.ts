/**
 * A frame's known quotations, as the background finds them (src/background/quote-finder.ts): the scan sends the
 * texts of the blocks it has read, in messages of bounded size, and matches each block from the answers. The
 * answers are kept by text, so a later scan of an unchanged block (a toggle, a change elsewhere in the page) asks
 * nothing. One instance per set of quotations: when the reader's saved quotations change, the page makes a new one.
 */
import type { QuoteMatch } from '../core/quote-matcher';
import { findQuotesBatches, receivedMatch, type FoundQuotes } from '../core/quotes-found';

/** Asks the background for the quotations in `texts`, given the key of the saved quotations this page knows of. */
export type FindQuotes = (texts: string[], saved: string) => Promise<FoundQuotes>;

/** Text kept with its answers (characters): past this, the next load starts the cache again. */
const CACHE_CHARS = 8_000_000;
const NONE: readonly QuoteMatch[] = Object.freeze([]);

export class QuoteResults {
  private readonly answers = new Map<string, readonly QuoteMatch[]>();
  private readonly speakers = new Map<string, readonly string[]>();
  private cachedChars = 0;
  /** Milliseconds of the page's main thread spent sending texts and keeping answers (the benchmark reads it). */
  pageMs = 0;
  /** Milliseconds the background's matcher took for this frame (off the page's main thread). */
  backgroundMs = 0;

  constructor(
    private readonly find: FindQuotes,
    private readonly saved: string,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The quotations of `text`, if the background answered for it. */
  cached(text: string): readonly QuoteMatch[] | undefined {
    return this.answers.get(text);
  }

  /** The quotations of `text` (none when the background was never asked about it). Never modify the result. */
  findInBlock(text: string): readonly QuoteMatch[] {
    return this.answers.get(text) ?? NONE;
  }

  /** The speakers a short quotation found here needs near it, or null. */
  speakersOf(quoteId: string): readonly string[] | null {
    return this.speakers.get(quoteId) ?? null;
  }

  /**
   * Asks the background about every text not answered yet; false when it could not answer (the texts stay
   * unanswered). A text longer than one message allows is not asked about.
   */
  async load(texts: readonly string[]): Promise<boolean> {
    let asked = [...new Set(texts.filter((t) => !this.answers.has(t)))];
    // Room is made before asking, never while answers come in: a block read now must find its answer when matched.
    if (this.cachedChars + asked.reduce((n, t) => n + t.length, 0) > CACHE_CHARS) {
      this.answers.clear();
      this.cachedChars = 0;
      asked = [...new Set(texts)];
    }
    for (const batch of findQuotesBatches(asked)) {
      let t0 = this.now();
      const sent = batch.map((i) => asked[i]!);
      const answer = this.find(sent, this.saved);
      this.pageMs += this.now() - t0;
      let found: FoundQuotes;
      try {
        found = await answer;
      } catch (err) {
        console.warn('[dossier] could not match the known quotations', err);
        return false;
      }
      t0 = this.now();
      this.keep(sent, found);
      this.pageMs += this.now() - t0;
    }
    return true;
  }

  private keep(texts: readonly string[], found: FoundQuotes): void {
    this.backgroundMs += found.ms;
    for (const [id, who] of Object.entries(found.speakers)) this.speakers.set(id, who);
    texts.forEach((text, i) => {
      this.cachedChars += text.length;
      const matches = found.matches[i];
      this.answers.set(text, matches?.length ? matches.map((m) => receivedMatch(m, text)) : NONE);
    });
  }
}
