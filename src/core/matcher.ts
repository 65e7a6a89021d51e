/**
 * The mention finder: one regular expression compiled once from the whole dictionary, run once over
 * the text. Rules (documented in docs/matching.md): whole words with Unicode boundaries, names match
 * as written (case-sensitive) plus an upper-case form for aliases of 4+ letters, typographic variants
 * (’ ' – - É E, soft hyphens, decomposed accents) treated alike, leftmost-longest, never overlapping.
 */
import type { Category } from '../data/schema';
import { aliasPatternSource } from './alias-pattern';
import type { MatchEntry } from './entity-index';
import { foldKey, letterCount } from './normalize';

/** One mention found in text. Offsets index the original text (UTF-16 code units, end exclusive). */
export interface Mention {
  start: number;
  end: number;
  /** The text as written at [start, end). */
  text: string;
  id: string;
  name: string;
  category: Category;
  /** The alias of the data set this mention was matched as (as written in the data). */
  alias: string;
}

/** Options of `compileMatcher`. */
export interface MatcherOptions {
  /** "Not this": alias texts never matched (compared case- and accent-insensitively). */
  excludedAliases?: readonly string[];
}

/** A compiled dictionary. */
export interface Matcher {
  /** Every mention in `text`, sorted by start, never overlapping. */
  scan(text: string): Mention[];
  /** How many distinct alias forms the matcher looks for (after exclusions; upper-case forms not counted). */
  readonly aliasCount: number;
}

interface AliasTarget {
  entry: MatchEntry;
  alias: string;
}

/** Aliases of at least this many letters also match their all-caps form (PUTIN, MOSCOW, but not US). */
export const ALL_CAPS_MIN_LETTERS = 4;

/**
 * Compile the dictionary into a matcher. When two entries share an alias text, the FIRST entry in
 * `entries` keeps it (buildMatchEntries already applies the data's `sharedAliases` resolution).
 */
export function compileMatcher(entries: readonly MatchEntry[], options: MatcherOptions = {}): Matcher {
  const excluded = new Set((options.excludedAliases ?? []).map((a) => foldKey(a).toLowerCase()));
  const targets = new Map<string, AliasTarget>();
  for (const entry of entries) {
    for (const { text } of entry.aliases) {
      const key = foldKey(text);
      if (key.length === 0 || excluded.has(key.toLowerCase()) || targets.has(key)) continue;
      targets.set(key, { entry, alias: text });
    }
  }
  const aliasCount = targets.size;
  // Upper-case forms come second so that an explicit alias always wins over a derived form.
  for (const [key, target] of [...targets]) {
    if (letterCount(key) < ALL_CAPS_MIN_LETTERS) continue;
    const upper = foldKey(key.toUpperCase());
    if (!targets.has(upper)) targets.set(upper, target);
  }
  // Longest keys first: not needed for correctness (the trie is greedy) but keeps the source stable.
  const keys = [...targets.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(aliasPatternSource(keys), 'gu');

  return {
    aliasCount,
    scan(text: string): Mention[] {
      const mentions: Mention[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const written = m[0];
        // Fast path: the text is written exactly as the alias key (the common case).
        const target = targets.get(written) ?? targets.get(foldKey(written));
        if (!target) continue; // cannot happen: the pattern only matches keys' variants
        mentions.push({
          start: m.index,
          end: m.index + written.length,
          text: written,
          id: target.entry.id,
          name: target.entry.name,
          category: target.entry.category,
          alias: target.alias,
        });
      }
      return mentions;
    },
  };
}
