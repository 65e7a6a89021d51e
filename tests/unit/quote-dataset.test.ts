import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { dataset } from '../../src/data/dataset';

const ARTICLES = join(import.meta.dirname, '..', '..', 'assets', 'articles');
const matcher = compileQuoteMatcher(dataset.quotes);

describe('the quote finder on the bundled articles and data set', () => {
  for (const source of dataset.sources) {
    // The data's sentences are verbatim up to whitespace (an article has no-break spaces).
    const text = readFileSync(join(ARTICLES, source.file), 'utf8').replace(/\s+/g, ' ');
    const own = dataset.quotes.filter((q) => q.source === source.id);

    it(`${source.id}: finds each of its ${own.length} quotations exactly, inside the sentence the data names, and nothing else`, () => {
      const found = matcher.find(text);
      expect(found.map((m) => m.quoteId).sort()).toEqual(own.map((q) => q.id).sort());
      for (const m of found) {
        const quote = own.find((q) => q.id === m.quoteId)!;
        expect(m.exact, quote.id).toBe(true);
        const sentenceAt = text.indexOf(quote.sentence.replace(/\s+/g, ' '));
        expect(sentenceAt, `sentence of ${quote.id}`).toBeGreaterThanOrEqual(0);
        expect(m.start).toBeGreaterThanOrEqual(sentenceAt);
        expect(m.end).toBeLessThanOrEqual(sentenceAt + quote.sentence.length);
      }
    });
  }
});
