/**
 * Compiles folded alias keys into regular expression sources: a prefix tree (trie) written as nested
 * groups of literal characters. Measured (docs/matching.md): V8's irregexp runs a trie of literals at
 * ~500 MB/s, while character classes for variants (É|E) inside the pattern cut it to < 100 MB/s, which
 * is why the text is folded instead. Irregexp also stops optimising a pattern whose source exceeds
 * 20 KB (kRegExpTooLargeToOptimize; measured 30× slower), so a big dictionary is cut into several
 * sources below that size (`aliasPatternSources`), which the matcher runs side by side.
 */

import { APOSTROPHE_CLASS, DASH_CLASS } from './normalize';

/** Unicode-aware end of word (JS `\b` is ASCII-only even with the `u` flag). */
export const AFTER_WORD = '(?![\\p{L}\\p{N}\\p{M}])';

/** A space in an alias matches any run of white space (a line break inside an HTML text node renders as a space). */
const SPACE_RUN = '\\s+';

function escapeLiteral(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * One key character as a pattern: a space matches any white-space run, `'` and `-` any apostrophe
 * or dash they fold from (the matcher leaves these punctuation variants unfolded in the text: see
 * `foldForScan`), anything else itself.
 */
function literalSource(ch: string): string {
  if (ch === ' ') return SPACE_RUN;
  if (ch === "'") return APOSTROPHE_CLASS;
  if (ch === '-') return DASH_CLASS;
  return escapeLiteral(ch);
}

/**
 * The prefix tree of `keys[lo…hi)` below their common prefix of `depth` code units, as a pattern: the keys sorted and
 * without duplicates, so that a node's children are neighbouring runs of keys and a key that ends at the node comes
 * first. Written from the sorted list directly rather than through a tree of maps: the content script compiles this
 * on every page, with a cold JIT.
 */
function emitRange(keys: readonly string[], lo: number, hi: number, depth: number): string {
  const terminal = keys[lo]!.length === depth;
  const branches: string[] = [];
  for (let i = terminal ? lo + 1 : lo; i < hi; ) {
    const key = keys[i]!;
    const width = key.codePointAt(depth)! > 0xffff ? 2 : 1;
    let j = i + 1;
    while (j < hi && sameUnitsAt(keys[j]!, key, depth, width)) j++;
    branches.push(literalSource(key.slice(depth, depth + width)) + emitRange(keys, i, j, depth + width));
    i = j;
  }
  if (branches.length === 0) return '';
  const body = branches.length === 1 && !terminal ? branches[0]! : `(?:${branches.join('|')})`;
  // Greedy `?`: the longer alias is tried first; backtracking falls back to the shorter one when the
  // longer one is not followed by a word boundary. This is what makes the match leftmost-longest.
  return terminal ? `${body}?` : body;
}

function sameUnitsAt(a: string, b: string, at: number, width: number): boolean {
  return a.charCodeAt(at) === b.charCodeAt(at) && (width === 1 || a.charCodeAt(at + 1) === b.charCodeAt(at + 1));
}

/** The keys sorted by code unit, without duplicates and empty keys. */
function sortedKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].filter((k) => k.length > 0).sort();
}

/**
 * The regex source that matches any of `keys` followed by an end of word, longest alias first, or a
 * pattern that never matches when `keys` is empty. Use with the `gu` flags. The start-of-word check is
 * left to the caller (a lookbehind halves irregexp's speed; one char test per match does not).
 */
export function aliasPatternSource(keys: Iterable<string>): string {
  return sortedSource(sortedKeys(keys));
}

/** `aliasPatternSource` of keys already sorted by `sortedKeys`. */
function sortedSource(sorted: readonly string[]): string {
  return sorted.length === 0 ? '(?!)' : `${emitRange(sorted, 0, sorted.length, 0)}${AFTER_WORD}`;
}

/** Source length kept under irregexp's 20 KB optimisation limit, with a margin. */
export const MAX_SOURCE_LENGTH = 16_000;

/**
 * Characters that may come right before an alias that starts with a lower-case letter, consumed by
 * the pattern as a literal first character (see `PatternPlan.afterSeparator`). Not "[": with it in
 * the class irregexp loses its skip table again (measured 6× slower). The scanned text keeps ’ and
 * dashes as written (`foldForScan`), so they are listed here, but only those that keep the skip
 * table: adding ` or the small/full-width hyphen-minus (U+FE63, U+FF0D) made this pass 8× slower,
 * the prime and the acute accent 1.6× (measured on 2 MB of article text); none of these is
 * plausible right before a foreign-language phrase.
 */
export const SEPARATOR_CLASS = String.raw`[ \t\n\r\u00a0\u202f«"“„'‘’(/\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]`;

/** One pass of the matcher: a pattern source and how to run it. */
export interface PatternPlan {
  /** Regex source, for the `gu` flags. */
  source: string;
  /**
   * When true the source starts with one separator character (a space, a quote, ...) that is not
   * part of the mention, and `bare` is the source without it, to try at offset 0. Used for aliases
   * that start with a lower-case letter ("dirigeants européens"): any common letter could start
   * them, which stops irregexp from skipping ahead (measured 4× slower); a literal space in front
   * gives it back its speed.
   */
  afterSeparator: boolean;
  bare: string;
  /** A character class source; the pass only runs on texts that contain one (e.g. Cyrillic letters). */
  requires: string | null;
}

function classOf(chars: Iterable<string>): string {
  return `[${[...new Set(chars)].map((c) => (/[\\\]\[^-]/.test(c) ? `\\${c}` : c)).join('')}]`;
}

/** The characters of a class made by `classOf` (a pass's `requires`). */
export function classChars(source: string): string[] {
  return [...source.slice(1, -1).replace(/\\(.)/gu, '$1')];
}

/**
 * Split the keys into passes that irregexp runs fast: keys starting with an ASCII capital (most
 * names); keys starting with a lower-case letter; keys starting with a non-ASCII letter (Cyrillic,
 * ...), which only run on texts holding such a letter since mixing scripts in one pattern defeats
 * irregexp's skip table (measured 6× slower on English text). Each group is cut below
 * `maxLength`. `scan` merges the passes exactly as one pattern would.
 */
export function planPatterns(keys: Iterable<string>, maxLength = MAX_SOURCE_LENGTH): PatternPlan[] {
  const groups = new Map<string, string[]>();
  for (const key of new Set(keys)) {
    if (key.length === 0) continue;
    const first = String.fromCodePoint(key.codePointAt(0)!);
    const ascii = first.charCodeAt(0) < 0x80;
    const lower = first !== first.toUpperCase() && first === first.toLowerCase();
    const group = `${ascii ? 'ascii' : 'other'}-${lower ? 'lower' : 'upper'}`;
    const list = groups.get(group);
    if (list) list.push(key);
    else groups.set(group, [key]);
  }
  const plans: PatternPlan[] = [];
  for (const [group, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const afterSeparator = group.endsWith('lower');
    const requires = group.startsWith('other') ? classOf(list.map((k) => String.fromCodePoint(k.codePointAt(0)!))) : null;
    for (const bare of aliasPatternSources(list, maxLength - 64)) {
      plans.push({ source: afterSeparator ? `${SEPARATOR_CLASS}${bare}` : bare, afterSeparator, bare, requires });
    }
  }
  return plans;
}

/**
 * The keys as one or more pattern sources (see `aliasPatternSource`), each at most `maxLength` long
 * unless a single key is longer. Keys are sorted so that each source holds neighbouring prefixes.
 */
export function aliasPatternSources(keys: Iterable<string>, maxLength = MAX_SOURCE_LENGTH): string[] {
  const sorted = sortedKeys(keys);
  const build = (list: string[]): string[] => {
    const source = sortedSource(list);
    if (source.length <= maxLength || list.length <= 1) return [source];
    const half = Math.ceil(list.length / 2);
    return [...build(list.slice(0, half)), ...build(list.slice(half))];
  };
  return build(sorted);
}
