/**
 * The matcher's dictionary: every actor and region of the data set with the forms of its name to find.
 */
import type { Category, Dataset, Lang, NameContexts } from '../data/schema';
import { categoryOfActor } from '../data/categories';

/** One entity to find in text, with every alias it may be written as. */
export interface MatchEntry {
  id: string;
  name: string;
  category: Category;
  /**
   * `lang` is kept where the data set gives it; the page data drops it (the matcher reads only `text` and `place`).
   * `place`: a place name standing for the entity (a capital for its government), read with the place rules.
   */
  aliases: { text: string; lang?: Lang; place?: true }[];
}

/** Data that `buildMatchEntries` reads: actors and regions, and optionally shared aliases and not-mentions. */
export type MatchSource = Pick<Dataset, 'actors' | 'regions'> & Partial<Pick<Dataset, 'sharedAliases' | 'notMentions' | 'nameContexts'>>;

/**
 * The dictionary: one entry per entity, plus the data's not-mention phrases ("Moscow Times"), which
 * `compileMatcher` matches as blockers that emit nothing. They ride along on the list rather than as entries,
 * so code that walks the entries sees only entities, and every caller of `compileMatcher(buildMatchEntries(data))`
 * gets them without passing anything. (A copy made by spreading the list loses them; pass `notMentions` then.)
 */
export type MatchDictionary = MatchEntry[] & { readonly notMentions: readonly string[]; readonly nameContexts?: NameContexts };

/**
 * Build the dictionary from the data set: actors first, then regions, each in data order. Only the
 * data's aliases are matched, not the display name: a name like "the Kremlin" is a label, and a
 * mention span should not swallow the article.
 *
 * Shared aliases: when `sharedAliases` is given, an alias text declared there stays only on the FIRST
 * entity of its `entities` list and is removed from the others, so the data decides the resolution.
 * (Undeclared duplicates are resolved by `compileMatcher`: the first entry in this order wins.)
 *
 * Not-mentions: the texts of the data's `notMentions`, carried as the list's `notMentions` property; the words of
 * the context rules (`nameContexts`) ride along the same way.
 */
export function buildMatchEntries(dataset: MatchSource): MatchDictionary {
  const losers = new Map<string, Set<string>>(); // entity id → alias texts it must not claim
  for (const shared of dataset.sharedAliases ?? []) {
    for (const id of shared.entities.slice(1)) {
      const set = losers.get(id) ?? new Set<string>();
      set.add(shared.text.toLowerCase());
      losers.set(id, set);
    }
  }
  const entry = (
    id: string,
    name: string,
    category: Category,
    aliases: readonly { text: string; lang: Lang; place?: true }[],
  ): MatchEntry => {
    const dropped = losers.get(id);
    const list = aliases
      .filter((a) => !dropped?.has(a.text.toLowerCase()))
      .map((a) => (a.place ? { text: a.text, lang: a.lang, place: true as const } : { text: a.text, lang: a.lang }));
    return { id, name, category, aliases: list };
  };
  const entries = [
    ...dataset.actors.map((a) => entry(a.id, a.name, categoryOfActor(a.kind), a.aliases)),
    ...dataset.regions.map((r) => entry(r.id, r.name, 'regions', r.aliases)),
  ];
  const notMentions = (dataset.notMentions ?? []).map((n) => n.text);
  return Object.assign(entries, dataset.nameContexts ? { notMentions, nameContexts: dataset.nameContexts } : { notMentions });
}
