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

const STOP = 0;
const DIAG = 1;
const PAGE_ONLY = 2;
const QUOTE_ONLY = 3;

let scoreBuffer = new Int32Array(4096);
let moveBuffer = new Uint8Array(4096);

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
  // One pair of matrices reused across calls (thousands of windows per page): no garbage per window.
  if (scoreBuffer.length < cells) {
    scoreBuffer = new Int32Array(cells * 2);
    moveBuffer = new Uint8Array(cells * 2);
  }
  const score = scoreBuffer;
  const move = moveBuffer;
  score.fill(0, 0, width);
  for (let i = 1; i <= rows; i++) score[i * width] = 0;
  let best = 0;
  let bestCell = -1;
  for (let i = 1; i <= rows; i++) {
    const word = page[from + i - 1]!;
    const row = i * width;
    const up = row - width;
    for (let j = 1; j <= cols; j++) {
      const diag = score[up + j - 1]! + (word >= 0 && word === quote[j - 1] ? MATCH : MISMATCH);
      const pageOnly = score[up + j]! + GAP;
      const quoteOnly = score[row + j - 1]! + GAP;
      let value = 0;
      let dir = STOP;
      if (diag > value) {
        value = diag;
        dir = DIAG;
      }
      if (pageOnly > value) {
        value = pageOnly;
        dir = PAGE_ONLY;
      }
      if (quoteOnly > value) {
        value = quoteOnly;
        dir = QUOTE_ONLY;
      }
      score[row + j] = value;
      move[row + j] = dir;
      if (value > best) {
        best = value;
        bestCell = row + j;
      }
    }
  }
  if (bestCell < 0) return null;
  let i = Math.floor(bestCell / width);
  let j = bestCell % width;
  const pageTo = from + i;
  const quoteTo = j;
  let same = 0;
  while (i > 0 && j > 0 && score[i * width + j]! > 0) {
    const dir = move[i * width + j];
    if (dir === DIAG) {
      if (page[from + i - 1] === quote[j - 1]) same++;
      i--;
      j--;
    } else if (dir === PAGE_ONLY) i--;
    else j--;
  }
  return { pageFrom: from + i, pageTo, quoteFrom: j, quoteTo, same };
}
