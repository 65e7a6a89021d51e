/**
 * Word-level diff between the wording on a page and the wording of the source, for marking what a
 * page changed in a quotation. Words are compared by key (case, punctuation and accents ignored);
 * the ops carry the words as written: the page's for `same` and `added`, the source's for `removed`.
 */
import { tokenizeWords } from './quote-tokens';

/** One run of the diff. `added`: on the page, not in the source; `removed`: in the source, not on the page. */
export interface WordDiffOp {
  op: 'same' | 'added' | 'removed';
  /** The words of the run, joined by single spaces. */
  text: string;
}

/** A word to diff: its comparison key and how it is written. */
export interface DiffWord {
  key: string;
  text: string;
}

/**
 * Diff two word lists by their longest common subsequence (dynamic programming; quotations are
 * tens of words, so O(n·m) is a few thousand cells). Where a word was replaced, the `removed` run
 * comes before the `added` one. Consecutive words of one kind are merged into one op.
 */
export function diffWordLists(page: readonly DiffWord[], source: readonly DiffWord[]): WordDiffOp[] {
  const n = page.length;
  const m = source.length;
  // lcs[i][j] = LCS length of page[i..] and source[j..], flattened.
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        page[i]!.key === source[j]!.key
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  return diffOpsFromTable(lcs, n, m, (i, j) => page[i]!.key === source[j]!.key, (i) => page[i]!.text, (j) => source[j]!.text);
}

/**
 * The operations of a diff from its table (`lcs[i * (m + 1) + j]`: the longest common subsequence of page words
 * [i, n) and source words [j, m)), walked from the start: where a word was replaced, the `removed` run comes before the
 * `added` one, and consecutive words of one kind are merged into one op. `same(i, j)`: page word i is source word j.
 */
export function diffOpsFromTable(
  lcs: ArrayLike<number>,
  n: number,
  m: number,
  same: (i: number, j: number) => boolean,
  pageText: (i: number) => string,
  sourceText: (j: number) => string,
): WordDiffOp[] {
  const width = m + 1;
  const ops: WordDiffOp[] = [];
  const push = (op: WordDiffOp['op'], text: string): void => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ` ${text}`;
    else ops.push({ op, text });
  };
  let i = 0;
  let j = 0;
  // Removed and added words between two common words are collected and emitted removed-first.
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0) push('removed', removed.join(' '));
    if (added.length > 0) push('added', added.join(' '));
    removed = [];
    added = [];
  };
  while (i < n && j < m) {
    if (same(i, j)) {
      flush();
      push('same', pageText(i));
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      added.push(pageText(i));
      i++;
    } else {
      removed.push(sourceText(j));
      j++;
    }
  }
  for (; j < m; j++) removed.push(sourceText(j));
  for (; i < n; i++) added.push(pageText(i));
  flush();
  return ops;
}

/** The words of a text as diff words. */
export function diffWordsOf(text: string): DiffWord[] {
  const { keys, starts, ends } = tokenizeWords(text);
  return keys.map((key, k) => ({ key, text: text.slice(starts[k], ends[k]) }));
}

/** Word diff of two texts: the page wording against the source wording. */
export function diffWords(pageText: string, sourceText: string): WordDiffOp[] {
  return diffWordLists(diffWordsOf(pageText), diffWordsOf(sourceText));
}
