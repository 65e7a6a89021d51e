/**
 * Finding a saved passage again in a page's text, W3C Web Annotation style: the TextQuoteSelector's exact text,
 * told apart from its other occurrences by the prefix and suffix around it and by the TextPositionSelector's
 * offset; when the page changed and the exact text is gone, a fuzzy match (the known-quotation matcher: a word
 * added, removed or changed, punctuation and case ignored); otherwise "not found".
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../data/reader-dossier-schema';
import { compileQuoteMatcher } from '../quote-matcher';
import type { WordDiffOp } from '../word-diff';

/** How a passage was found: at its saved offset, as the only or best-placed exact occurrence, or by a fuzzy match. */
export type AnchorHow = 'position' | 'exact' | 'context' | 'fuzzy';

/** Where a saved passage is in the text now. */
export type Anchor =
  | { found: true; start: number; end: number; how: AnchorHow; diff?: WordDiffOp[] }
  | { found: false };

/** A fuzzy match must give at least this share of the saved passage's words to count as the passage. */
export const MIN_FUZZY_COVERAGE = 0.6;
/** Exact occurrences compared by context; a page repeating a passage more often is scored on the first ones. */
const MAX_OCCURRENCES = 1_000;

/** Length of the longest common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the longest common prefix of a and b. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Finds the passage the selectors describe in `text` (see the module comment for the order of the attempts). */
export function anchorPassage(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchor {
  const { exact, prefix, suffix } = quote;
  const occurrences: number[] = [];
  for (let at = text.indexOf(exact); at >= 0 && occurrences.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) occurrences.push(at);

  if (occurrences.length > 0) {
    let best = -1;
    let bestScore = -1;
    let bestDistance = Infinity;
    for (const at of occurrences) {
      const score = commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonPrefix(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
      const distance = position ? Math.abs(at - position.start) : 0;
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = at;
        bestScore = score;
        bestDistance = distance;
      }
    }
    const atPosition = position != null && best === position.start && position.end - position.start === exact.length;
    const how: AnchorHow = atPosition ? 'position' : occurrences.length === 1 ? 'exact' : 'context';
    return { found: true, start: best, end: best + exact.length, how };
  }

  // The exact text is gone: the page was edited, re-punctuated, or renders its whitespace differently.
  const matcher = compileQuoteMatcher([{ id: 'saved', text: exact, sentence: `${prefix}${exact}${suffix}` }]);
  let pick: ReturnType<typeof matcher.find>[number] | null = null;
  for (const m of matcher.find(text)) {
    if (m.coverage < MIN_FUZZY_COVERAGE) continue;
    const better =
      !pick ||
      m.score > pick.score ||
      (m.score === pick.score && position != null && Math.abs(m.start - position.start) < Math.abs(pick.start - position.start));
    if (better) pick = m;
  }
  if (!pick) return { found: false };
  return { found: true, start: pick.start, end: pick.end, how: 'fuzzy', diff: pick.diff };
}
