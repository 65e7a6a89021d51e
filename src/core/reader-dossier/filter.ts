/**
 * The "Your dossier" page's list: which saved items a search and the filters (actor, site, date range) keep, newest
 * first, and the values each filter offers.
 */
import type { SavedItem } from '../../data/reader-dossier-schema';
import { foldKey } from '../normalize';
import { actorName, refKey, type ActorChoice } from './actors';

/** The page's filters; empty strings mean "any". Dates are YYYY-MM-DD, inclusive, compared in UTC. */
export interface ItemFilter {
  query: string;
  /** `refKey` of an actor. */
  actor: string;
  site: string;
  from: string;
  to: string;
}

/** No filter. */
export const NO_FILTER: ItemFilter = { query: '', actor: '', site: '', from: '', to: '' };

const key = (text: string) => foldKey(text).toLowerCase();

/** The items the filter keeps, newest first. The search looks in the passage, the note, the page title, the site and the actor's name. */
export function filterItems(items: readonly SavedItem[], choices: readonly ActorChoice[], filter: ItemFilter): SavedItem[] {
  const q = key(filter.query.trim());
  return items
    .filter((item) => {
      if (filter.actor && refKey(item.actor) !== filter.actor) return false;
      if (filter.site && item.target.site !== filter.site) return false;
      const day = item.savedAt.slice(0, 10);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      if (!q) return true;
      const haystack = [item.target.selector[0].exact, item.note ?? '', item.target.title, item.target.site, actorName(choices, item.actor)];
      return haystack.some((h) => key(h).includes(q));
    })
    .sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
}

/** The actors and sites that saved items have, for the filter menus: actors by name, sites alphabetically. */
export function filterOptions(items: readonly SavedItem[], choices: readonly ActorChoice[]): { actors: { key: string; name: string; count: number }[]; sites: string[] } {
  const actors = new Map<string, { key: string; name: string; count: number }>();
  const sites = new Set<string>();
  for (const item of items) {
    const k = refKey(item.actor);
    const entry = actors.get(k) ?? { key: k, name: actorName(choices, item.actor), count: 0 };
    entry.count++;
    actors.set(k, entry);
    if (item.target.site) sites.add(item.target.site);
  }
  return { actors: [...actors.values()].sort((a, b) => a.name.localeCompare(b.name)), sites: [...sites].sort() };
}
