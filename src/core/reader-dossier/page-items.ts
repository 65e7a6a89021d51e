/** Which saved items belong to a page: matched by address, without the #fragment (the same rule as duplicates). */
import type { ReaderDossier, SavedItem } from '../../data/reader-dossier-schema';

/** A page address without its #fragment. */
export function pageKey(url: string): string {
  return url.replace(/#.*$/s, '');
}

/** The saved items of the page at `url`, in the order they were saved. */
export function itemsForPage(dossier: Pick<ReaderDossier, 'items'>, url: string): SavedItem[] {
  const key = pageKey(url);
  return dossier.items.filter((i) => pageKey(i.target.source) === key);
}
