import { describe, expect, it } from 'vitest';
import { diffWordIds } from '../../src/core/quote-diff';
import { diffWordLists, type DiffWord } from '../../src/core/word-diff';

/** Deterministic pseudo-random numbers in [0, 1) (the test is the same every run). */
function numbers(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
}

const VOCABULARY = ['the', 'talks', 'will', 'continue', 'in', 'Istanbul', 'next', 'week', 'peace', 'deal'];

describe('diffWordIds: the diff of a match from its word ids', () => {
  it('gives exactly what diffWordLists gives for the same words, page words outside the vocabulary included', () => {
    const random = numbers(3);
    for (let run = 0; run < 2000; run++) {
      // Ids −1 (a page word no quote has, keyed by a space as the matcher keys it) to 9; texts differ from keys in case.
      const quote = Int32Array.from({ length: 1 + Math.floor(random() * 14) }, () => Math.floor(random() * 10));
      const page = Int32Array.from({ length: Math.floor(random() * 18) }, () => Math.floor(random() * 11) - 1);
      const source: DiffWord[] = Array.from(quote, (id) => ({ key: VOCABULARY[id]!.toLowerCase(), text: VOCABULARY[id]! }));
      const pageText = (i: number): string => (page[i]! < 0 ? `other${i}` : VOCABULARY[page[i]!]!.toUpperCase());
      const pageWords: DiffWord[] = Array.from(page, (id, i) => ({ key: id < 0 ? ' ' : VOCABULARY[id]!.toLowerCase(), text: pageText(i) }));
      const pageFrom = Math.floor(random() * (page.length + 1));
      const pageTo = pageFrom + Math.floor(random() * (page.length - pageFrom + 1));
      const quoteFrom = Math.floor(random() * quote.length);
      const quoteTo = quoteFrom + 1 + Math.floor(random() * (quote.length - quoteFrom));
      expect(diffWordIds(page, pageFrom, pageTo, quote, quoteFrom, quoteTo, pageText, source)).toEqual(
        diffWordLists(pageWords.slice(pageFrom, pageTo), source.slice(quoteFrom, quoteTo)),
      );
    }
  });
});
