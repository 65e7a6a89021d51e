/**
 * The mention finder: one regular expression compiled once from the whole dictionary, run once over
 * the folded text. Rules (documented in docs/matching.md): whole words with Unicode boundaries, names
 * match as written (case-sensitive) plus an upper-case form for aliases of 4+ letters, typographic
 * variants (’ ' – - É E, soft hyphens, decomposed accents) treated alike, leftmost-longest, never
 * overlapping.
 */
import type { Category } from '../data/schema';
import { planPatterns } from './alias-pattern';
import type { MatchEntry } from './entity-index';
import { foldKey, foldText, letterCount } from './normalize';

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
  /**
   * Phrases that contain an alias but are not mentions ("Moscow Times"): matched like aliases, so
   * leftmost-longest consumes them whole, then dropped. Default: the `notMentions` that
   * `buildMatchEntries` attaches to its list (the data set's), or none.
   */
  notMentions?: readonly string[];
}

/** A compiled dictionary. */
export interface Matcher {
  /** Every mention in `text`, sorted by start, never overlapping. */
  scan(text: string): Mention[];
  /** How many distinct alias forms the matcher looks for (after exclusions; upper-case forms not counted). */
  readonly aliasCount: number;
}

interface AliasTarget {
  /** null for a phrase that contains an alias but is not a mention (MatcherOptions.notMentions). */
  entry: MatchEntry | null;
  alias: string;
}

/** Aliases of at least this many letters also match their all-caps form (PUTIN, MOSCOW, but not US). */
export const ALL_CAPS_MIN_LETTERS = 4;

/**
 * Compile the dictionary into a matcher. When two entries share an alias text, the FIRST entry in
 * `entries` keeps it (buildMatchEntries already applies the data's `sharedAliases` resolution).
 * Not-mention phrases come from `options.notMentions`, else from the list (`buildMatchEntries` attaches the data's).
 */
export function compileMatcher(
  entries: readonly MatchEntry[] & { readonly notMentions?: readonly string[] },
  options: MatcherOptions = {},
): Matcher {
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
  // A name that contains an alias but names something else (a newspaper is not its city's government).
  for (const phrase of options.notMentions ?? entries.notMentions ?? []) {
    const key = foldKey(phrase);
    if (!targets.has(key)) targets.set(key, { entry: null, alias: phrase });
  }
  // Upper-case forms come second so that an explicit alias always wins over a derived form.
  for (const [key, target] of [...targets]) {
    if (letterCount(key) < ALL_CAPS_MIN_LETTERS) continue;
    const upper = foldKey(key.toUpperCase());
    if (!targets.has(upper)) targets.set(upper, target);
  }
  const passes: Pass[] = planPatterns(targets.keys()).map((plan) => ({
    pattern: new RegExp(plan.source, 'gu'),
    atStart: plan.afterSeparator ? new RegExp(plan.bare, 'uy') : null,
    requires: plan.requires === null ? null : new RegExp(plan.requires, 'u'),
  }));
  // One test for all the other-script passes: on an English page a single quick pass says "none".
  const otherScripts = passes.flatMap((pass) => (pass.requires === null ? [] : [pass.requires.source]));
  const anyOtherScript = otherScripts.length === 0 ? null : new RegExp(otherScripts.join('|'), 'u');
  const latinPasses = passes.filter((pass) => pass.requires === null);

  return {
    aliasCount,
    scan(text: string): Mention[] {
      const folded = foldText(text);
      const scanned = folded.text;
      const map = folded.map;
      const mentions: Mention[] = [];
      const active =
        anyOtherScript === null || !anyOtherScript.test(scanned)
          ? latinPasses
          : passes.filter((pass) => pass.requires === null || pass.requires.test(scanned));
      forEachLeftmostLongest(active, scanned, (m) => {
        const written = m.text;
        // Fast path: the key is written with single spaces (the common case).
        const target = targets.get(written) ?? targets.get(written.replace(WHITESPACE_RUN, ' '));
        if (!target) throw new Error(`matcher: no alias for matched text ${JSON.stringify(written)}`);
        const entry = target.entry;
        if (entry === null) return;
        let start = m.index;
        let end = m.index + written.length;
        if (map) {
          start = map[start]!;
          end = map[end - 1]! + 1;
          while (end < text.length && isCombiningMark(text.charCodeAt(end))) end++;
        }
        mentions.push({
          start,
          end,
          text: text.slice(start, end),
          id: entry.id,
          name: entry.name,
          category: entry.category,
          alias: target.alias,
        });
      });
      return mentions;
    },
  };
}

const WHITESPACE_RUN = /\s+/g;

/** One compiled pattern (see PatternPlan in alias-pattern.ts). */
interface Pass {
  pattern: RegExp;
  /** For a pattern that consumes a separator before the alias: the alias alone, sticky, for offset 0. */
  atStart: RegExp | null;
  /** The pass runs only on texts this matches. */
  requires: RegExp | null;
}

/** A match in the folded text: where the alias starts and how it is written. */
interface Found {
  index: number;
  text: string;
}

/** The first whole-word match of `pass` that starts at or after `from`. */
function nextMatch(pass: Pass, text: string, from: number): Found | null {
  const { pattern, atStart } = pass;
  if (atStart !== null) {
    if (from === 0) {
      atStart.lastIndex = 0;
      const m = atStart.exec(text);
      if (m !== null) return { index: 0, text: m[0] };
    }
    // The separator is a non-word character, so it is the start-of-word check.
    pattern.lastIndex = Math.max(0, from - 1);
    const m = pattern.exec(text);
    return m === null ? null : { index: m.index + 1, text: m[0].slice(1) };
  }
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // The start-of-word check, done here: a lookbehind in the pattern halves irregexp's speed.
    if (!isWordCharBefore(text, m.index)) return { index: m.index, text: m[0] };
    pattern.lastIndex = m.index + 1; // inside a longer word ("AntiPutin"): retry one character later
  }
  return null;
}

/**
 * Leftmost-longest, non-overlapping matches of several passes, exactly as one pattern holding all
 * their alternatives would give them: at each step the leftmost start wins, then the longest; a
 * pass whose pending match was overtaken searches again from the new position.
 */
function forEachLeftmostLongest(passes: readonly Pass[], text: string, onMatch: (m: Found) => void): void {
  if (passes.length === 1) {
    const pass = passes[0]!;
    for (let m = nextMatch(pass, text, 0); m !== null; m = nextMatch(pass, text, m.index + m.text.length)) onMatch(m);
    return;
  }
  const pending = passes.map((pass) => nextMatch(pass, text, 0));
  let position = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < passes.length; i++) {
      let m = pending[i] ?? null;
      if (m !== null && m.index < position) m = pending[i] = nextMatch(passes[i]!, text, position);
      if (m === null) continue;
      const b = best < 0 ? null : pending[best]!;
      if (b === null || m.index < b.index || (m.index === b.index && m.text.length > b.text.length)) best = i;
    }
    if (best < 0) return;
    const m = pending[best]!;
    onMatch(m);
    position = m.index + m.text.length;
    pending[best] = nextMatch(passes[best]!, text, position);
  }
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** Whether the character before `index` is a letter, digit or mark (so `index` is not a start of word). */
function isWordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const c = text.charCodeAt(index - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  const isLowSurrogate = c >= 0xdc00 && c <= 0xdfff && index >= 2;
  const ch = isLowSurrogate ? String.fromCodePoint(text.codePointAt(index - 2)!) : text[index - 1]!;
  return WORD_CHAR.test(ch);
}

function isCombiningMark(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}
