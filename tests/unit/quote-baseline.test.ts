import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { dataset } from '../../src/data/dataset';
import { quoteCorpora } from './quote-corpus';

// What the matcher found before it read each text's words once as ids (commit 9462027): every match of every block
// (offsets, quote, score, exact, coverage, the diff), as a count and a SHA-256 of the results. The faster matcher must
// find exactly the same, not fewer. To see a difference, run that commit's matcher over `quoteCorpora()` beside this one.
const baseline = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'quote-baseline', 'matcher-9462027.json'), 'utf8')) as Record<
  string,
  { blocks: number; matches: number; sha256: string }
>;
const matcher = compileQuoteMatcher(dataset.quotes);
const corpora = quoteCorpora();

describe('the quotation matcher finds what it found before, block by block', () => {
  for (const [name, blocks] of Object.entries(corpora)) {
    it(`${name}: ${baseline[name]!.blocks} blocks, ${baseline[name]!.matches} matches`, () => {
      const results = blocks.map((b) => matcher.find(b));
      expect({ blocks: blocks.length, matches: results.reduce((n, r) => n + r.length, 0) }).toEqual({ blocks: baseline[name]!.blocks, matches: baseline[name]!.matches });
      expect(createHash('sha256').update(JSON.stringify(results)).digest('hex')).toBe(baseline[name]!.sha256);
    });
  }

  it('findInBlock gives find’s result where the prefilter lets the text through and none elsewhere, from its cache the second time', () => {
    const fresh = compileQuoteMatcher(dataset.quotes);
    for (const blocks of Object.values(corpora)) {
      for (const b of blocks) {
        const first = fresh.findInBlock(b);
        expect(first).toEqual(fresh.mayMatch(b) ? matcher.find(b) : []);
        expect(fresh.cached(b)).toBe(first);
        expect(fresh.findInBlock(b)).toBe(first);
      }
    }
  });
});
