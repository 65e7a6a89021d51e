import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashVocabulary, tokenizeIds, tokenizeWords, wordKey } from '../../src/core/quote-tokens';

// `tokenizeIds` hashes an ASCII word's character codes instead of making its key; the id it finds must be the one
// the vocabulary gives the word's `wordKey`, and −1 exactly when the vocabulary lacks that key.
function vocabularyOf(keys: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const key of keys) if (!ids.has(key)) ids.set(key, ids.size);
  return ids;
}

/** The ids the word keys give, the slow way: a key per word, looked up in the Map. */
function expectedIds(text: string, ids: ReadonlyMap<string, number>): number[] {
  return tokenizeWords(text).keys.map((key) => ids.get(key) ?? -1);
}

function idsOf(text: string, ids: ReadonlyMap<string, number>): number[] {
  const words = tokenizeIds(text, hashVocabulary(ids), new Uint8Array(ids.size));
  return Array.from(words.ids.subarray(0, words.count));
}

describe('tokenizeIds: hashed words', () => {
  it('gives a word folded by case and apostrophe the id of its key, and −1 to a word the vocabulary lacks', () => {
    const ids = vocabularyOf(["don't", "russia's", 'u', 's', 'backed', 'kyiv', 'cafe', 'zelensky']);
    const text = "DON’T Don't donʼt Russia’s RUSSIAʼS russia U.S.-backed Kyiv KYIV Café cafe Zelenskyy Zelensky don";
    expect(idsOf(text, ids)).toEqual(expectedIds(text, ids));
    expect(idsOf(text, ids)).toEqual([0, 0, 0, 1, 1, -1, 2, 3, 4, 5, 5, 6, 6, -1, 7, -1]);
  });

  it('agrees with the word keys over every word of the articles, in a vocabulary of half of them (collisions probed)', () => {
    const dir = join(import.meta.dirname, '..', '..', 'assets', 'articles');
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const keys = [...new Set(tokenizeWords(text).keys)];
    const ids = vocabularyOf(keys.filter((_, k) => k % 2 === 0));
    const got = idsOf(text, ids);
    expect(got).toEqual(expectedIds(text, ids));
    expect(got.filter((id) => id >= 0).length).toBeGreaterThan(1000);
    expect(got.filter((id) => id < 0).length).toBeGreaterThan(1000);
  });

  it('tells apart two longer words whose codes are the same (the code keeps only its low bits)', () => {
    // "qdsxkd" and "gnobax" have the same 24-bit code: only comparing the characters tells them apart.
    expect(idsOf('gnobax QDSXKD qdsxkd Gnobax', vocabularyOf(['qdsxkd']))).toEqual([-1, 0, 0, -1]);
    expect(idsOf('gnobax QDSXKD qdsxkd Gnobax', vocabularyOf(['qdsxkd', 'gnobax']))).toEqual([1, 0, 0, 1]);
  });

  it('keys a word the same as wordKey whatever its length or script', () => {
    const words = ['a', 'I', "it's", 'Ukraine’s', 'façade', 'Мирні', 'x'.repeat(300)];
    const ids = vocabularyOf(words.map(wordKey));
    expect(idsOf(words.join(' '), ids)).toEqual(words.map((_, k) => k));
  });
});
