/**
 * The quotation matcher built from a plan (`planQuoteMatcher`, the compile's first half, plain data) after a JSON round
 * trip finds exactly what the matcher compiled in one go finds: the pinned baseline's hashes on every corpus.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planQuoteMatcher, quoteMatcherFromPlan, type QuotePlan } from '../../src/core/quote-matcher';
import { dataset } from '../../src/data/dataset';
import { quoteCorpora } from './quote-corpus';

const baseline = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'quote-baseline', 'matcher-9462027.json'), 'utf8')) as Record<
  string,
  { blocks: number; matches: number; sha256: string }
>;
const sent = (plan: QuotePlan): QuotePlan => JSON.parse(JSON.stringify(plan)) as QuotePlan;

describe('the quotation matcher from a plan', () => {
  const fromPlan = quoteMatcherFromPlan(sent(planQuoteMatcher(dataset.quotes)), dataset.quotes);

  for (const [name, blocks] of Object.entries(quoteCorpora())) {
    it(`${name}: the baseline's matches, byte for byte`, () => {
      const results = blocks.map((b) => fromPlan.find(b));
      expect(createHash('sha256').update(JSON.stringify(results)).digest('hex')).toBe(baseline[name]!.sha256);
    });
  }

  it('refuses a plan of quotations it was not given', () => {
    const plan = planQuoteMatcher(dataset.quotes);
    expect(() => quoteMatcherFromPlan(plan, dataset.quotes.slice(1))).toThrow(/quote plan/);
  });
});
