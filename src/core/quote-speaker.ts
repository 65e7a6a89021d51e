/**
 * A known quotation of fewer than SHORT_QUOTE_WORDS words ("impossible", "no compromise") is an ordinary phrase as
 * often as it is the quotation: it counts only when its speaker is mentioned near it, in the same block of text or
 * the block before (the paragraph that introduces a quote, a heading over it). Pure: the page side passes the ids of
 * the names it found there.
 */
import type { QuoteMatch } from './quote-matcher';

/** What the rule needs of the quote matcher: which quotes must have their speaker near them. */
export interface SpeakerLookup {
  /** The speakers of a short quotation (speaker and co-speakers), or null when the quotation needs none nearby. */
  speakersOf(quoteId: string): readonly string[] | null;
}

/** The matches whose quotation is long, or whose speaker is among `nearby` (entity ids mentioned near the match). */
export function withSpeakerNearby(matches: readonly QuoteMatch[], lookup: SpeakerLookup, nearby: Pick<ReadonlySet<string>, 'has'>): QuoteMatch[] {
  return matches.filter((m) => {
    const speakers = lookup.speakersOf(m.quoteId);
    return speakers === null || speakers.some((id) => nearby.has(id));
  });
}
