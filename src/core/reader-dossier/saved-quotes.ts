/**
 * The reader's saved quotations as known quotations: they join the quote matcher on every page (`savedPageQuotes`),
 * and a match gets a card built from the mention alone (`savedQuoteCard`); the saved text, site and date stay in
 * extension storage until the card's closed part reads them.
 */
import type { SavedItem } from '../../data/reader-dossier-schema';
import { quoteWording, type MentionRef, type SavedQuoteCard } from '../card-model';
import type { PageQuote } from '../page-data';
import { SHORT_QUOTE_WORDS } from '../quote-matcher';
import { pageKey } from './page-items';

/** Quote ids of saved items start with this; bundled quotation ids are kebab-case and never contain a colon. */
export const SAVED_QUOTE_PREFIX = 'saved:';

/** The card title and mention name of a saved quotation. */
export const SAVED_QUOTE_LABEL = 'Your saved quotation';

/** The saved item's id behind a quote id, or null when the id is not a saved quotation's. */
export function savedItemIdOf(quoteId: string): string | null {
  return quoteId.startsWith(SAVED_QUOTE_PREFIX) ? quoteId.slice(SAVED_QUOTE_PREFIX.length) : null;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * The quotations (kind `quote`) the reader saved, as the quote matcher's input. Items saved on the page at
 * `pageUrl` are left out: there the saved passage itself is marked by its selector. A short quotation is matched
 * only near its speaker's name, so one without a bundled speaker (whose name the page matcher may not know) is
 * left out rather than matched wherever its few words appear.
 */
export function savedPageQuotes(items: readonly SavedItem[], pageUrl: string): PageQuote[] {
  const here = pageKey(pageUrl);
  const out: PageQuote[] = [];
  for (const item of items) {
    if (item.kind !== 'quote' || pageKey(item.target.source) === here) continue;
    const { exact, prefix, suffix } = item.target.selector[0];
    const speakers = item.actor.type === 'bundled' ? [item.actor.id] : [];
    if (speakers.length === 0 && wordCount(exact) < SHORT_QUOTE_WORDS) continue;
    out.push({ id: SAVED_QUOTE_PREFIX + item.id, text: exact, sentence: `${prefix}${exact}${suffix}`, label: SAVED_QUOTE_LABEL, speakers });
  }
  return out;
}

/** The card of a saved quotation's mention, or null when the mention is not one. */
export function savedQuoteCard(mention: MentionRef): SavedQuoteCard | null {
  const itemId = savedItemIdOf(mention.id);
  if (!itemId) return null;
  const wording = quoteWording(mention.match);
  return {
    kind: 'saved-quote',
    entityId: mention.id,
    itemId,
    title: SAVED_QUOTE_LABEL,
    matchedAlias: typeof mention.alias === 'string' ? mention.alias : mention.alias.text,
    matchedText: mention.text,
    why: 'The page quotes words you saved in your dossier.',
    appearsIn: { count: 0, total: 0 },
    footer: null,
    ...(wording ? { wording } : {}),
  };
}
