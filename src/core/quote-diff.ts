/**
 * The word diff of a fuzzy quotation match, computed on the word ids the matcher already holds. It gives exactly what
 * `diffWordLists` (word-diff.ts) gives for the same words, with the same choices where several diffs are equally
 * short: two words have the same key exactly when they have the same id (a page word no quote contains has id −1 and
 * equals no quote word), so the table is filled by comparing integers instead of strings, in one buffer reused from
 * match to match, and a word's text is read only for the words the diff returns.
 */
import { diffOpsFromTable, type DiffWord, type WordDiffOp } from './word-diff';

let lcsBuffer = new Uint16Array(1024);

/**
 * The diff of page words [pageFrom, pageTo) (ids in `page`, text from `pageText(i)`) against quote words
 * [quoteFrom, quoteTo) (ids in `quote`, text in `source`, both indexed by position in the quote).
 */
export function diffWordIds(
  page: Int32Array,
  pageFrom: number,
  pageTo: number,
  quote: Int32Array,
  quoteFrom: number,
  quoteTo: number,
  pageText: (i: number) => string,
  source: readonly DiffWord[],
): WordDiffOp[] {
  const n = pageTo - pageFrom;
  const m = quoteTo - quoteFrom;
  // lcs[i * width + j] = LCS length of page[i..] and source[j..]; the last row and column are 0.
  const width = m + 1;
  if (lcsBuffer.length < (n + 1) * width) lcsBuffer = new Uint16Array((n + 1) * width * 2);
  const lcs = lcsBuffer;
  lcs.fill(0, n * width, (n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const word = page[pageFrom + i]!;
    const row = i * width;
    lcs[row + m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      const below = lcs[row + width + j]!;
      const right = lcs[row + j + 1]!;
      lcs[row + j] = word === quote[quoteFrom + j] ? lcs[row + width + j + 1]! + 1 : below >= right ? below : right;
    }
  }
  return diffOpsFromTable(
    lcs,
    n,
    m,
    (i, j) => page[pageFrom + i] === quote[quoteFrom + j],
    (i) => pageText(pageFrom + i),
    (j) => source[quoteFrom + j]!.text,
  );
}
