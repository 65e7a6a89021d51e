/**
 * What a page looks for in the reader's dossier, read from the stored value one entry at a time, so that a full
 * dossier can be validated in slices rather than in one long task on every page load.
 */
import { ReaderActor, SavedItem } from '../../data/reader-dossier-schema';
import { readerActorEntries, type ReaderPageData } from './reader-names';
import { savedPageQuotes } from './saved-quotes';

/**
 * What the page at `url` looks for in a stored value, one entry at a time: the valid reader actors' match entries,
 * and the saved quotations (see savedPageQuotes), of which only entries whose kind is a quotation are validated. The
 * generator yields after each entry, so a full dossier can be read in slices (src/shared/reader-dossier-storage.ts).
 */
export function* readerPageDataSteps(raw: unknown, url: string): Generator<void, ReaderPageData, void> {
  const r = raw !== null && typeof raw === 'object' ? (raw as { actors?: unknown; items?: unknown }) : {};
  const actors: ReaderActor[] = [];
  if (Array.isArray(r.actors)) {
    for (const a of r.actors) {
      const p = ReaderActor.safeParse(a);
      if (p.success) actors.push(p.data);
      yield;
    }
  }
  const quotes: SavedItem[] = [];
  if (Array.isArray(r.items)) {
    for (const entry of r.items) {
      if ((entry as { kind?: unknown } | null)?.kind !== 'quote') continue;
      const p = SavedItem.safeParse(entry);
      if (p.success) quotes.push(p.data);
      yield;
    }
  }
  return { quotes: savedPageQuotes(quotes, url), entries: readerActorEntries(actors) };
}

