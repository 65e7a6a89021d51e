/**
 * Quotations on a page often run across several text nodes (a link or an emphasis inside the quote).
 * The content controller matches the text of a whole block (its text nodes joined in order) and this
 * splits each match back into one mention per text node. Pure: it works on the nodes' lengths.
 */
import type { Mention } from './matcher';
import type { QuoteMatch } from './quote-matcher';

/** One text node's share of a quotation: offsets into that node's text. */
export interface QuotePiece {
  /** Index of the text node in the block (the order of `segmentLengths`). */
  segment: number;
  mention: Mention;
  /** The whole match this piece belongs to (score, exact, diff). */
  match: QuoteMatch;
}

/**
 * Split matches found in the joined text of consecutive segments (text nodes) into per-segment
 * mentions of category `quotes`, `id` = the quote id (the popover's quote card looks it up), `name`
 * from `nameOf(quoteId)` (e.g. "Vladimir Putin, quoted"), `alias` = the page text of the whole match.
 * Whitespace-only pieces are dropped: highlighting the space between two nodes helps nobody.
 */
export function quotePieces(
  matches: readonly QuoteMatch[],
  segmentLengths: readonly number[],
  joined: string,
  nameOf: (quoteId: string) => string,
): QuotePiece[] {
  const pieces: QuotePiece[] = [];
  let segment = 0;
  let segmentStart = 0;
  for (const match of matches) {
    // Matches are sorted by start: advance to the segment holding the match's start.
    while (segment < segmentLengths.length && segmentStart + segmentLengths[segment]! <= match.start) {
      segmentStart += segmentLengths[segment]!;
      segment++;
    }
    let s = segment;
    let sStart = segmentStart;
    while (s < segmentLengths.length && sStart < match.end) {
      const sEnd = sStart + segmentLengths[s]!;
      const from = Math.max(match.start, sStart);
      const to = Math.min(match.end, sEnd);
      const text = joined.slice(from, to);
      if (to > from && text.trim() !== '') {
        pieces.push({
          segment: s,
          match,
          mention: {
            start: from - sStart,
            end: to - sStart,
            text,
            id: match.quoteId,
            name: nameOf(match.quoteId),
            category: 'quotes',
            alias: match.text,
          },
        });
      }
      sStart = sEnd;
      s++;
    }
  }
  return pieces;
}
