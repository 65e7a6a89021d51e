/**
 * "Appears in N of the bundled sources": which sources mention an entity, found by the matcher that finds mentions
 * on pages (whole words with Unicode boundaries, typographic variants, the case rules, phrases that are not
 * mentions), over every verbatim passage the data quotes from each source. A card and a page then agree on what
 * counts as naming someone.
 */
import type { Dataset } from '../data/schema';
import { buildMatchEntries, type MatchSource } from './entity-index';
import { collectExcerpts } from './excerpts';
import { compileMatcher } from './matcher';

/** A verbatim passage of one source. */
export interface SourcePassage {
  source: string;
  text: string;
}

/** Every passage the data quotes, with its source (what a source card shows). */
export function sourcePassages(data: Dataset): SourcePassage[] {
  return data.sources.flatMap((s) => collectExcerpts(data, s.id).map((x) => ({ source: s.id, text: x.text })));
}

/** Entity id → the ids of the sources with a passage that mentions it. */
export function sourcesMentioning(dictionary: MatchSource, passages: readonly SourcePassage[]): Map<string, Set<string>> {
  const matcher = compileMatcher(buildMatchEntries(dictionary));
  const found = new Map<string, Set<string>>();
  for (const passage of passages) {
    for (const mention of matcher.scan(passage.text)) {
      let sources = found.get(mention.id);
      if (!sources) found.set(mention.id, (sources = new Set()));
      sources.add(passage.source);
    }
  }
  return found;
}
