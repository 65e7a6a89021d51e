/**
 * What the content script needs of the popover before the card's code is loaded into the frame (the card, Preact and
 * Floating UI come on the reader's first gesture: src/content/lazy-popover.ts): the hover-intent delay and the shape of
 * a card request, so that the card can be asked for while the code is on its way.
 */
import type { Mention } from '../../core/matcher';

/** A quote mention's match as the card shows it: how the page words the quotation, without offsets or score. */
export interface CardRequestMatch {
  exact: boolean;
  coverage: number;
  diff: { op: 'same' | 'added' | 'removed'; text: string }[];
}

/** What the popover sends for a card: the mention's fields the card shows (see `cardRequest`). */
export interface CardRequest {
  id: string;
  category: Mention['category'];
  alias: string;
  text: string;
  match?: CardRequestMatch;
}

/** Hover-intent delay: long enough that sweeping the pointer across a paragraph opens nothing. */
export const SHOW_DELAY_MS = 250;

/** The part of a mention its card depends on, plain (a quote's match without its offsets and score). */
export function cardRequest(m: Mention & { match?: CardRequestMatch }): CardRequest {
  const { id, category, alias, text, match } = m;
  return {
    id,
    category,
    alias,
    text,
    ...(match ? { match: { exact: match.exact, coverage: match.coverage, diff: match.diff.map(({ op, text }) => ({ op, text })) } } : {}),
  };
}
