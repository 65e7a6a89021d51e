/**
 * The page side's share of the data set. The content script runs on every page, so it carries only what finding
 * mentions needs: the match dictionary (with its not-mention phrases), the quotations the quote matcher compiles, and
 * the title of each quotation's mention. Everything a card shows is built in the background from the full data set.
 * Plain JSON: the build computes it once (scripts/lib/vite-page-data.ts) and inlines it in the content script.
 */
import type { Dataset, NameContexts } from '../data/schema';
import { buildMatchEntries, type MatchDictionary, type MatchEntry, type MatchSource } from './entity-index';
import type { MatcherPlan } from './matcher-plan';
import { foldKey } from './normalize';
import type { QuoteInput } from './quote-matcher';

/** One known quotation as the page side needs it: what `compileQuoteMatcher` reads, and the mention's name. */
export interface PageQuote extends QuoteInput {
  /** The source sentence around the quotation (tells apart quotes that share their wording). */
  sentence: string;
  /** The name of its mentions ("Vladimir Putin, quoted", or "Quotation" when the speaker is unknown). */
  label: string;
}

/** Everything the content script needs of the data set. */
export interface PageData {
  /** The matcher's dictionary, as `buildMatchEntries` gives it (shared aliases resolved). */
  entries: MatchEntry[];
  /** Phrases that contain an alias but are not mentions ("The Moscow Times"). */
  notMentions: string[];
  /** The words of the matcher's context rules, when the data set has them. */
  nameContexts?: NameContexts;
  /** The known quotations, in data order. */
  quotes: PageQuote[];
}

/**
 * The part of the page data that frames ask the background for instead of carrying it (every frame loads the rest):
 * the known quotations, the words of the context rules and the aliases in other scripts than Latin (Путин, Київ:
 * half of the names' bytes, which a page in English never needs). Only frames that scan ask, and their first scan
 * waits for it.
 */
export type PageExtras = Pick<PageData, 'quotes' | 'nameContexts'> & {
  /** Per entry of the page data's `entries`, in order: its aliases in other scripts (`otherScript`). */
  aliases?: PageData['entries'][number]['aliases'][];
  /**
   * The names matcher of the page data with these extras (`dictionaryWithExtras`), planned by the background for
   * pages that exclude no alias and hold no name of the reader's (`planMatcher`; the others plan their own).
   */
  plan?: MatcherPlan;
  /** The plan's fingerprint (`planFingerprint`): a frame sends it with `findNames`, to be answered for this plan only. */
  planKey?: string;
};

/** Whether an alias is written in another script than Latin: its folded first letter is not ASCII (as the matcher groups them). */
function otherScript(text: string): boolean {
  return foldKey(text).charCodeAt(0) >= 0x80;
}

/** The page data without its extras: what the script every frame loads carries. */
export function withoutExtras(page: PageData): PageData {
  const { nameContexts: _contexts, ...rest } = page;
  return { ...rest, entries: page.entries.map((e) => ({ ...e, aliases: e.aliases.filter((a) => !otherScript(a.text)) })), quotes: [] };
}

/** The extras of some page data. */
export function extrasOf(page: PageData): PageExtras {
  const aliases = page.entries.map((e) => e.aliases.filter((a) => otherScript(a.text)));
  return page.nameContexts ? { quotes: page.quotes, nameContexts: page.nameContexts, aliases } : { quotes: page.quotes, aliases };
}

/**
 * The entries of page data that came without its extras, with the extras' aliases back in place (each entry's own
 * after its Latin ones: an entry keeps every alias it had, and entries keep their order, so the same entry wins a
 * shared alias). Null when the extras add none.
 */
export function withExtraAliases(entries: readonly MatchEntry[], extras: PageExtras): MatchEntry[] | null {
  const more = extras.aliases;
  if (!more || more.length !== entries.length || more.every((list) => list.length === 0)) return null;
  return entries.map((e, i) => (more[i]!.length === 0 ? e : { ...e, aliases: [...e.aliases, ...more[i]!.filter((a) => !e.aliases.some((b) => b.text === a.text))] }));
}

/**
 * The match dictionary of page data that came without its extras, with them: their aliases back in place and their
 * rule words. What the content script compiles once the extras are there.
 */
export function dictionaryWithExtras(dictionary: MatchDictionary, extras: PageExtras): MatchDictionary {
  const nameContexts = extras.nameContexts ?? dictionary.nameContexts;
  return Object.assign(withExtraAliases(dictionary, extras) ?? [...dictionary], { notMentions: dictionary.notMentions, ...(nameContexts ? { nameContexts } : {}) });
}

/** The data `buildPageData` reads. */
export type PageDataSource = MatchSource & Pick<Dataset, 'quotes'>;

/** The title of a quotation's mention: its speaker's name, or "Quotation" when the data does not know the speaker. */
export function quoteLabel(speakerName: string | undefined): string {
  return speakerName ? `${speakerName}, quoted` : 'Quotation';
}

/** The aliases without repeats (same text, same place rule), first occurrence kept. */
function uniqueAliases<A extends { text: string; place?: unknown }>(aliases: A[]): A[] {
  const seen = new Set<string>();
  return aliases.filter((a) => {
    const key = JSON.stringify([a.text, a.place ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Extracts the page side's data from the data set. */
export function buildPageData(data: PageDataSource): PageData {
  const dictionary = buildMatchEntries(data);
  const names = new Map(data.actors.map((a) => [a.id, a.name]));
  return {
    // A plain array: JSON would drop the list's notMentions property, so it travels as its own field. Aliases
    // travel without their language, which the matcher never reads (~10 KB less in every page's script), and so
    // once per entry ("Putin" is the same word in five of its languages).
    entries: dictionary.map((e) => ({ ...e, aliases: uniqueAliases(e.aliases.map(({ text, place }) => (place ? { text, place } : { text }))) })),
    notMentions: [...dictionary.notMentions],
    ...(dictionary.nameContexts ? { nameContexts: dictionary.nameContexts } : {}),
    quotes: data.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      sentence: q.sentence,
      label: quoteLabel(names.get(q.speaker)),
      speakers: [q.speaker, ...(q.coSpeakers ?? [])],
    })),
  };
}

/** The match dictionary of page data, ready for `compileMatcher` (with its not-mentions attached, as `buildMatchEntries` does). */
export function pageDictionary(page: PageData): MatchDictionary {
  return Object.assign([...page.entries], page.nameContexts ? { notMentions: page.notMentions, nameContexts: page.nameContexts } : { notMentions: page.notMentions });
}
