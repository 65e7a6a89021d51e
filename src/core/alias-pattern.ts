/**
 * Compiles a set of folded alias keys into ONE regular expression source: a prefix tree (trie) written
 * as nested groups, so the regex engine never retries alternatives that share a prefix, and every
 * character written as the class of its variants (É/E, ’/', –/-), so the raw text is scanned directly
 * and match offsets are offsets in the original text.
 */
import { IGNORABLE_CHARS, takesCombiningMarks, variantsOf } from './normalize';

interface TrieNode {
  terminal: boolean;
  children: Map<string, TrieNode>;
}

/** Unicode-aware word boundaries (JS `\b` is ASCII-only even with the `u` flag). */
export const BEFORE_WORD = '(?<![\\p{L}\\p{N}\\p{M}])';
export const AFTER_WORD = '(?![\\p{L}\\p{N}\\p{M}])';

/** Invisible characters allowed between two letters of a name ("Dnipro\u00ADpetrovsk"). */
const IGNORABLE_RUN = `[${IGNORABLE_CHARS}]*`;
/** Decomposed accents after a Latin letter ("E\u0301lyse\u0301e"). */
const MARK_RUN = '[\\u0300-\\u036f]*';
/** A space in an alias: any run of horizontal white space (no line breaks: a block boundary ends a name). */
const SPACE_RUN = `[ ${variantsOf(' ').slice(1).join('')}]+`;

function escapeClassChar(ch: string): string {
  return /[\\\]\[^-]/.test(ch) ? `\\${ch}` : ch;
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Pattern for one key character: the class of its variants, plus decomposed spellings where needed. */
function charPattern(key: string): string {
  if (key === ' ') return SPACE_RUN;
  const variants = variantsOf(key);
  const klass = variants.length === 1 ? escapeLiteral(key) : `[${variants.map(escapeClassChar).join('')}]`;
  if (takesCombiningMarks(key)) return klass + MARK_RUN;
  // A letter like й or ї that has a decomposed spelling (и + combining breve) but is not folded.
  const decomposed = key.normalize('NFD');
  if (decomposed !== key) return `(?:${klass}|${escapeLiteral(decomposed)})`;
  return klass;
}

function emit(node: TrieNode, depth: number): string {
  const branches: string[] = [];
  for (const [key, child] of node.children) {
    // Invisible characters may sit between letters, never before the first one.
    const lead = depth > 0 && key !== ' ' ? IGNORABLE_RUN : '';
    branches.push(lead + charPattern(key) + emit(child, depth + 1));
  }
  if (branches.length === 0) return '';
  const body = branches.length === 1 && !node.terminal ? branches[0]! : `(?:${branches.join('|')})`;
  // Greedy `?`: the longer alias is tried first; backtracking falls back to the shorter one when the
  // longer one is not followed by a word boundary. This is what makes the match leftmost-longest.
  return node.terminal ? `${body}?` : body;
}

/**
 * The regex source that matches any of `keys` as a whole word (leftmost-longest), or a pattern that
 * never matches when `keys` is empty. Use with the `gu` flags.
 */
export function aliasPatternSource(keys: Iterable<string>): string {
  const root: TrieNode = { terminal: false, children: new Map() };
  let count = 0;
  for (const key of keys) {
    if (key.length === 0) continue;
    let node = root;
    for (const ch of key) {
      let next = node.children.get(ch);
      if (!next) {
        next = { terminal: false, children: new Map() };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.terminal = true;
    count++;
  }
  if (count === 0) return '(?!)';
  return `${BEFORE_WORD}${emit(root, 0)}${AFTER_WORD}`;
}
