/**
 * What compiling a dictionary into a matcher works out, as plain data: every key the patterns match and what it stands
 * for, the patterns' sources and the characters that cut a text for folding. `compileMatcher` plans and builds in one
 * go; the background plans the bundled dictionary once and hands the plan to the pages that scan with it
 * (`PageExtras.plan`), so that a page builds its matcher from the plan (maps and regular expressions, a few ms on a cold
 * JIT) instead of working it out (folding every alias, the upper-case forms, the prefix trees: three to five times
 * as long, on every page).
 */
import type { Category, NameContexts } from '../data/schema';
import { planPatterns, SEPARATOR_CLASS, type PatternPlan } from './alias-pattern';
import type { MatchEntry } from './entity-index';
import { aliasShape } from './name-context';
import { aliasKey, foldKey, letterCount } from './normalize';
import { cutCharacters } from './scan-segments';

/** Aliases of at least this many letters also match their all-caps form (PUTIN, MOSCOW, but not US). */
export const ALL_CAPS_MIN_LETTERS = 4;

/** Who a key names: an entry of the dictionary, or a not-mention phrase (`id` null). */
export interface PlannedEntry {
  /** null for a phrase that contains an alias but is not a mention (`MatcherOptions.notMentions`). */
  id: string | null;
  name: string;
  category: Category;
}

/** What a matched key stands for: the fields every mention of it shares. */
export interface PlannedTarget {
  /** Its index in `MatcherPlan.entries`. */
  entry: number;
  alias: string;
  /** SHAPE_* flags of name-context.ts (place, code, surname). */
  shape: number;
  /** For a surname: the other words of the person's names ("Vladimir", "V"), which may stand before it. */
  own?: string[];
}

/** A dictionary worked out for the matcher (plain data: it crosses from the background to the pages). */
export interface MatcherPlan {
  /** How many distinct alias forms are matched (after exclusions; upper-case forms and not-mentions not counted). */
  aliasCount: number;
  entries: PlannedEntry[];
  targets: PlannedTarget[];
  /** Every key the patterns match, in the order compiling met them, and the index in `targets` of each. */
  keys: string[];
  keyTargets: number[];
  /** The passes' patterns (`planPatterns`), without the source a pass after a separator rebuilds from `bare`. */
  passes: PlannedPass[];
  /** The punctuation that appears in no key (`cutCharacters`). */
  cuts: string;
  /** The words of the context rules, or null for none. */
  nameContexts: NameContexts | null;
}

/** A pass of `planPatterns` as the plan keeps it: its source is `bare`, after `SEPARATOR_CLASS` if `afterSeparator`. */
export type PlannedPass = Omit<PatternPlan, 'source'>;

/** The source of a planned pass. */
export function passSource(pass: PlannedPass): string {
  return pass.afterSeparator ? `${SEPARATOR_CLASS}${pass.bare}` : pass.bare;
}

/** The dictionary a matcher is compiled from: entries, with the data's not-mention phrases and rule words attached. */
export type MatchDictionaryLike = readonly MatchEntry[] & { readonly notMentions?: readonly string[]; readonly nameContexts?: NameContexts };

/** Options of planning (see `MatcherOptions`). */
export interface PlanOptions {
  excludedAliases?: readonly string[];
  notMentions?: readonly string[];
  nameContexts?: NameContexts;
}

/**
 * Works out the matcher for `entries`. When two entries share an alias text, the FIRST entry keeps it
 * (buildMatchEntries already applies the data's `sharedAliases` resolution).
 */
export function planMatcher(entries: MatchDictionaryLike, options: PlanOptions = {}): MatcherPlan {
  const excluded = new Set((options.excludedAliases ?? []).map(aliasKey));
  const planned: PlannedEntry[] = [];
  const targets: PlannedTarget[] = [];
  const byKey = new Map<string, number>();
  for (const entry of entries) {
    const at = planned.push({ id: entry.id, name: entry.name, category: entry.category }) - 1;
    const multiWord = entry.category === 'people' ? entry.aliases.filter((a) => /\s/.test(a.text)).map((a) => a.text) : [];
    for (const { text, place } of entry.aliases) {
      const key = foldKey(text);
      if (key.length === 0 || (excluded.size > 0 && excluded.has(key.toLowerCase())) || byKey.has(key)) continue; // key.toLowerCase() is aliasKey(text)
      // A lone surname: a one-word alias that ends a longer name of the same person.
      const surname = !/\s/.test(text) && multiWord.some((m) => m.endsWith(` ${text}`));
      const own = surname ? [...new Set(multiWord.flatMap((m) => m.split(/\s+/).map((w) => w.replace(/\.$/, ''))).filter((w) => w !== text))] : undefined;
      const target: PlannedTarget = { entry: at, alias: text, shape: aliasShape(text, place === true, surname) };
      if (own) target.own = own;
      byKey.set(key, targets.push(target) - 1);
    }
  }
  const aliasCount = byKey.size;
  // A name that contains an alias but names something else (a newspaper is not its city's government).
  for (const phrase of options.notMentions ?? entries.notMentions ?? []) {
    const key = foldKey(phrase);
    if (!byKey.has(key)) byKey.set(key, targets.push({ entry: planned.push({ id: null, name: phrase, category: 'people' }) - 1, alias: phrase, shape: 0 }) - 1);
  }
  // Upper-case forms come second so that an explicit alias always wins over a derived form.
  for (const [key, target] of [...byKey]) {
    if (letterCount(key) < ALL_CAPS_MIN_LETTERS) continue;
    const upper = foldKey(key.toUpperCase());
    if (!byKey.has(upper)) byKey.set(upper, target);
  }
  const keys = [...byKey.keys()];
  return {
    aliasCount,
    entries: planned,
    targets,
    keys,
    keyTargets: [...byKey.values()],
    passes: planPatterns(keys).map(({ source: _source, ...pass }) => pass),
    cuts: cutCharacters(keys),
    nameContexts: options.nameContexts ?? entries.nameContexts ?? null,
  };
}
