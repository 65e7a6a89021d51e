/**
 * The fuzzy stage of quotation matching: a word-level local alignment (Smith–Waterman) of one quote
 * against a bounded window of page words. Local, so a page that quotes only part of a quotation
 * (a trimmed start or end) aligns with that part; gaps and mismatches, so a word added, removed or
 * changed costs a little instead of breaking the match.
 */

/** Score of two equal words. */
const MATCH = 2;
/** Score of a word replaced by another. */
const MISMATCH = -1;
/** Score of a word present on one side only. */
const GAP = -1;

let scoreBuffer = new Int32Array(4096);

/** Where a quote aligns in a window: page words [pageFrom, pageTo), quote words [quoteFrom, quoteTo). */
export interface LocalAlignment {
  pageFrom: number;
  pageTo: number;
  quoteFrom: number;
  quoteTo: number;
  /** Aligned pairs of equal words. */
  same: number;
}

/**
 * Best local alignment of `quote` against page words [from, to). Words are compared as integer ids;
 * a page word id below 0 (a word no quote contains) never matches. Returns null when no word matches.
 * Cost: (to − from) × quote.length cells, which the caller keeps bounded.
 */
export function alignLocal(page: ArrayLike<number>, from: number, to: number, quote: ArrayLike<number>): LocalAlignment | null {
  const rows = to - from;
  const cols = quote.length;
  if (rows <= 0 || cols === 0) return null;
  const width = cols + 1;
  const cells = (rows + 1) * width;
  // One matrix reused across calls (thousands of windows per page): no garbage per window.
  if (scoreBuffer.length < cells) scoreBuffer = new Int32Array(cells * 2);
  const score = scoreBuffer;
  score.fill(0, 0, width);
  for (let i = 1; i <= rows; i++) score[i * width] = 0;
  let best = 0;
  let bestCell = -1;
  for (let i = 1; i <= rows; i++) {
    // A page word below 0 equals no quote word; −2 is no quote word's id either, so the cells need no test for it.
    const word = page[from + i - 1]! < 0 ? -2 : page[from + i - 1]!;
    const row = i * width;
    const up = row - width;
    // The cell to the left and the one diagonally up-left, carried along the row instead of read back.
    let left = 0;
    let diagonal = 0;
    for (let j = 1; j <= cols; j++) {
      const above = score[up + j]!;
      let value = diagonal + (word === quote[j - 1] ? MATCH : MISMATCH);
      if (above + GAP > value) value = above + GAP;
      if (left + GAP > value) value = left + GAP;
      if (value < 0) value = 0;
      score[row + j] = value;
      if (value > best) {
        best = value;
        bestCell = row + j;
      }
      left = value;
      diagonal = above;
    }
  }
  if (bestCell < 0) return null;
  let i = Math.floor(bestCell / width);
  let j = bestCell % width;
  const pageTo = from + i;
  const quoteTo = j;
  let same = 0;
  // Back along the moves that made each score, preferring a diagonal step, then a page word alone, then a quote word
  // alone (the order the scores were compared in when the matrix kept its moves).
  while (i > 0 && j > 0 && score[i * width + j]! > 0) {
    const value = score[i * width + j]!;
    const equal = page[from + i - 1] === quote[j - 1];
    if (score[(i - 1) * width + j - 1]! + (equal ? MATCH : MISMATCH) === value) {
      if (equal) same++;
      i--;
      j--;
    } else if (score[(i - 1) * width + j]! + GAP === value) i--;
    else j--;
  }
  return { pageFrom: from + i, pageTo, quoteFrom: j, quoteTo, same };
}
