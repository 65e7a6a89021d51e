import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { dataset } from '../../src/data/dataset';
import { Dataset } from '../../src/data/schema';
import { createCardBuilder, quoteWording, type QuoteCard } from '../../src/core/card-model';
import { fixtureData, mentionOf } from '../dom/popover-fixture';

const matcher = compileQuoteMatcher(dataset.quotes);
// The altered paragraph of tests/fixtures/pages/quotes.html: punctuation changed and "these" → "those".
const ALTERED_PAGE =
  'the Russian president left little room for compromise. "Either we liberate those territories by force - or Ukrainian troops will leave these territories!" Putin said.';

describe('quoteWording', () => {
  it('says nothing without a match (nothing is known about the page’s wording)', () => {
    expect(quoteWording(undefined)).toBeUndefined();
  });

  it('a verbatim quotation has the exact wording, whole, with nothing marked', () => {
    const [m] = matcher.find('“They are playing games, both with you and with us,” Friedrich Merz reportedly said.');
    const w = quoteWording(m)!;
    expect(w).toMatchObject({ exact: true, reworded: false, label: 'Exact wording', percent: 100, runs: [] });
    expect(w.partial).toBeUndefined();
  });

  it('a changed word: the source’s word removed, the page’s added, everything else shared, in reading order', () => {
    const [m] = matcher.find(ALTERED_PAGE);
    expect(m?.quoteId).toBe('q-putin-liberate-by-force');
    const w = quoteWording(m)!;
    expect(w.label).toBe('Worded differently on this page');
    expect(w.reworded).toBe(true);
    expect(w.partial).toBeUndefined();
    expect(w.runs).toEqual([
      { op: 'same', text: 'Either we liberate' },
      { op: 'removed', text: 'these' },
      { op: 'added', text: 'those' },
      { op: 'same', text: 'territories by force or Ukrainian troops will leave these territories' },
    ]);
  });

  it('punctuation alone does not make a quotation worded differently', () => {
    const [m] = matcher.find('"Either we liberate these territories by force - or Ukrainian troops will leave these territories!"');
    expect(quoteWording(m)?.label).toBe('Exact wording');
  });

  it('part of a quotation says how much, never rounding to 0 % or 100 %', () => {
    const part = (coverage: number) => quoteWording({ exact: false, coverage, diff: [{ op: 'same', text: 'a b c' }] })!;
    expect(part(0.62)).toMatchObject({ partial: 'Part of the quotation (62\u00a0%)', percent: 62, reworded: false, runs: [] });
    expect(part(0.62).label).toBe('Same words as the source');
    expect(part(0.999).partial).toBe('Part of the quotation (99\u00a0%)');
    expect(part(0.001).partial).toBe('Part of the quotation (1\u00a0%)');
  });

  it('a trimmed and reworded quotation says both', () => {
    const w = quoteWording({
      exact: false,
      coverage: 0.5,
      diff: [
        { op: 'same', text: 'Either we liberate' },
        { op: 'removed', text: 'these' },
        { op: 'added', text: 'those' },
        { op: 'same', text: 'territories' },
      ],
    })!;
    expect(w.label).toBe('Worded differently on this page');
    expect(w.partial).toBe('Part of the quotation (50\u00a0%)');
    expect(w.runs.map((r) => r.op)).toEqual(['same', 'removed', 'added', 'same']);
  });
});

describe('quote card', () => {
  it('carries the wording of the mention’s match, the speaker, the context and the source', () => {
    const q = dataset.quotes.find((x) => x.id === 'q-putin-liberate-by-force')!;
    const [m] = matcher.find(ALTERED_PAGE);
    const card = createCardBuilder(Dataset.parse(dataset))({ ...mentionOf(q.id, m!.text), match: m }) as QuoteCard;
    expect(card.kind).toBe('quote');
    expect(card.wording?.label).toBe('Worded differently on this page');
    expect(card.speaker?.name).toBe('Vladimir Putin');
    expect(card.carriedBy.map((s) => s.id)).toEqual([q.source]);
    if (q.context) expect(card.quote.context).toBe(q.context);
  });

  it('has no wording line when the mention carries no match', () => {
    const card = createCardBuilder(fixtureData)(mentionOf('putin-force', 'If they don’t withdraw')) as QuoteCard;
    expect(card.wording).toBeUndefined();
    expect(card.carriedBy.map((s) => s.id)).toEqual(['kyiv-post']);
  });

  it('lists every bundled source that carries the same words, and counts them in "appears in"', () => {
    const putin = fixtureData.quotes.find((q) => q.id === 'putin-force')!;
    const data: typeof fixtureData = {
      ...fixtureData,
      quotes: [
        ...fixtureData.quotes,
        // Same words, other punctuation and case, from another source: the same quotation.
        { ...putin, id: 'putin-force-reuters', source: 'reuters-kremlin', text: 'if they don’t withdraw we’ll achieve this through military force.', sentence: 'Putin said: “if they don’t withdraw we’ll achieve this through military force.”' },
        // Another source, other words: not carried.
        { ...putin, id: 'putin-other', source: 'india-today', text: 'We will achieve this through military force', sentence: '“We will achieve this through military force”' },
      ],
    };
    const card = createCardBuilder(data)(mentionOf('putin-force', 'If they don’t withdraw')) as QuoteCard;
    expect(card.carriedBy.map((s) => s.id)).toEqual(['kyiv-post', 'reuters-kremlin']);
    expect(card.appearsIn.count).toBe(2);
  });
});
