/**
 * "Copy with citation": one line for any quotation, bundled or saved — “…” — speaker, context, outlet as the source
 * names it, URL where known. The text is copied verbatim (only the outer quotation marks the page may have kept are
 * dropped, since the citation adds its own).
 */
import type { Dataset } from '../../data/schema';
import type { SavedItem } from '../../data/reader-dossier-schema';
import type { QuoteItem } from '../card-model';
import { englishSourceName, sourceName, type SourceName } from '../labels';

/** What a citation is made of; parts that are unknown are left out, never guessed. */
export interface CitableQuotation {
  text: string;
  speaker: string;
  context?: string;
  outlet?: string;
  url?: string;
}

const OUTER_MARKS = /^[\s"“”„«»‹›‘’']+|[\s"“”„«»‹›‘’']+$/g;

/** `“text” — speaker, context, outlet, url`. */
export function formatCitation(q: CitableQuotation): string {
  const parts = [q.speaker, q.context, q.outlet, q.url].map((p) => p?.trim()).filter((p): p is string => !!p);
  return `“${q.text.replace(OUTER_MARKS, '')}” — ${parts.join(', ')}`;
}

/** The outlet part of a citation, in English like the rest of it; none when the source names no outlet at all. */
function outletOf(name: SourceName): string | undefined {
  return name.kind === 'outlet' || name.kind === 'credited' ? englishSourceName(name) : undefined;
}

/**
 * The citation of a bundled quote: its speaker's name, its context, and its source as the cards label it (the outlet,
 * or the wire the text credits: "Reuters (credited)"). The bundled articles have no URL.
 */
export function bundledCitation(data: Pick<Dataset, 'actors' | 'quotes' | 'sources'>, quoteId: string): CitableQuotation | null {
  const quote = data.quotes.find((q) => q.id === quoteId);
  if (!quote) return null;
  const speaker = data.actors.find((a) => a.id === quote.speaker)?.name ?? quote.speaker;
  return { text: quote.text, speaker, context: quote.context, outlet: outletOf(sourceName(data.sources.find((s) => s.id === quote.source))) };
}

/** The citation of a quotation as a card shows it (the same parts as `bundledCitation`, from the card model). */
export function cardQuoteCitation(quote: Pick<QuoteItem, 'text' | 'speaker' | 'context' | 'source'>): CitableQuotation {
  return { text: quote.text, speaker: quote.speaker, context: quote.context, outlet: outletOf(quote.source.outlet) };
}

/** What the reader's kinds of item say in a citation's context. */
const KIND_CONTEXT: Record<SavedItem['kind'], string | undefined> = { quote: undefined, reported: 'as reported', note: 'about' };

/** The citation of a saved item: its actor, the page's title (or site) as the outlet, the page's URL. */
export function savedCitation(item: SavedItem, actorName: string): CitableQuotation {
  const { title, site, source } = item.target;
  return { text: item.target.selector[0].exact, speaker: actorName, context: KIND_CONTEXT[item.kind], outlet: title.trim() || site || undefined, url: source };
}
