/**
 * Where a text has to be folded before the matcher scans it, so that the rest is scanned as it is. Folding a whole
 * text builds a copy as large as the text (for a 1 MB text, a fifth of the scan's time, measured), though on most
 * pages only a few words hold an accented letter.
 *
 * A cut is a character no alias contains that is not a letter, digit, mark, white space, apostrophe or dash: a
 * comma, a bracket, a quotation mark. No match crosses a cut, and a match beside one sees the same end of word as
 * at the start or end of a string. So the text between two cuts, folded and scanned alone, holds exactly the matches
 * a scan of the whole folded text finds there, and everywhere else the text is already as folding would leave it.
 */

/** Punctuation that may serve as a cut: those of them that appear in no alias key do (`cutTable`). */
const CANDIDATES = ',;:!?()[]{}<>|*"“”„«»‹›…¡¿';

/** The punctuation that may serve as a cut and appears in none of `keys` (the alias keys, as the matcher folds them). */
export function cutCharacters(keys: Iterable<string>): string {
  // One search per candidate in all the keys at once: the matcher is built on every page, with a cold JIT.
  const all = [...keys].join('\n');
  return [...CANDIDATES].filter((ch) => !all.includes(ch)).join('');
}

/** 1 for each UTF-16 code unit that is a cut: one of `cuts` (`cutCharacters`). */
export function cutTableOf(cuts: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < cuts.length; i++) table[cuts.charCodeAt(i)] = 1;
  return table;
}

/** 1 for each UTF-16 code unit that is a cut for these alias keys (as the matcher folds them). */
export function cutTable(keys: Iterable<string>): Uint8Array {
  return cutTableOf(cutCharacters(keys));
}

/**
 * The ranges around the characters at `positions` (ascending) that reach from the cut before to the cut after each,
 * one per stretch between two cuts, as [from, to, from, to, …]; null when together they would hold more than `budget` characters (folding the
 * whole text is then as cheap).
 */
export function dirtySegments(text: string, positions: readonly number[], cuts: Uint8Array, budget: number): number[] | null {
  const segments: number[] = [];
  let covered = 0;
  let total = 0;
  for (const p of positions) {
    if (p < covered) continue;
    let from = p;
    while (from > covered && cuts[text.charCodeAt(from - 1)] !== 1) from--;
    let to = p + 1;
    while (to < text.length && cuts[text.charCodeAt(to)] !== 1) to++;
    total += to - from;
    if (total > budget) return null;
    segments.push(from, to);
    covered = to;
  }
  return segments;
}
