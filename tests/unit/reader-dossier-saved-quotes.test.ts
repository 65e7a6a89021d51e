import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { SAVED_QUOTE_LABEL, savedItemIdOf, savedPageQuotes, savedQuoteCard } from '../../src/core/reader-dossier/saved-quotes';
import { readerPageDataFor } from '../../src/shared/reader-dossier-storage';
import { REUTERS, savedFrom } from './reader-dossier-fixtures';

const PESKOV = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';
const REWORDED = 'Peskov also said that no call between Putin and Zelenskiy was being discussed at present.';

describe('saved quotations as known quotations', () => {
  const quote = savedFrom(REUTERS, PESKOV, { id: 'item-quote0001', url: 'https://news.example/a' });
  const reported = savedFrom(REUTERS, PESKOV, { id: 'item-repo0001', url: 'https://news.example/a', kind: 'reported' });
  const shortOfReader = savedFrom(REUTERS, 'Peskov also said', { id: 'item-short001', url: 'https://news.example/a', actor: { type: 'reader', id: 'reader-abc' } });
  const shortOfPutin = savedFrom(REUTERS, 'Peskov also said', { id: 'item-short002', url: 'https://news.example/a' });

  it('only quotations, with their saved wording, context and bundled speaker; none from this very page', () => {
    expect(savedPageQuotes([quote, reported], 'https://other.example/b')).toEqual([
      {
        id: 'saved:item-quote0001',
        text: PESKOV,
        sentence: `${quote.target.selector[0].prefix}${PESKOV}${quote.target.selector[0].suffix}`,
        label: SAVED_QUOTE_LABEL,
        speakers: ['vladimir-putin'],
      },
    ]);
    expect(savedPageQuotes([quote], 'https://news.example/a#part-2')).toEqual([]);
  });

  it('a short quotation is kept only when its speaker is a bundled actor (matched near its name)', () => {
    expect(savedPageQuotes([shortOfReader, shortOfPutin], 'https://other.example/b').map((q) => q.id)).toEqual(['saved:item-short002']);
  });

  it('the quote matcher finds a saved quotation exact and reworded, with the differences', () => {
    const matcher = compileQuoteMatcher(savedPageQuotes([quote], 'https://other.example/b'));
    const [exact] = matcher.find(`Asked about contacts, the Kremlin was brief. ${PESKOV} Nothing more.`);
    expect(exact).toMatchObject({ quoteId: 'saved:item-quote0001', exact: true, text: PESKOV.slice(0, -1) });
    const [reworded] = matcher.find(`Meanwhile, ${REWORDED}`);
    expect(reworded).toMatchObject({ quoteId: 'saved:item-quote0001', exact: false });
    expect(reworded!.diff.filter((d) => d.op !== 'same')).toEqual([{ op: 'added', text: 'that' }]);
  });

  it('reads quotations only from the stored value, skipping damaged and other entries', () => {
    const raw = { actors: [], items: [quote, reported, { ...quote, id: 'BAD' }, null, 7] };
    expect(readerPageDataFor(raw, 'https://other.example/b').quotes.map((q) => q.id)).toEqual(['saved:item-quote0001']);
    expect(readerPageDataFor(undefined, 'https://other.example/b').quotes).toEqual([]);
  });

  it("the card is built from the mention alone: the item's id and the comparison, nothing of what was saved", () => {
    const matcher = compileQuoteMatcher(savedPageQuotes([quote], 'https://other.example/b'));
    const [m] = matcher.find(REWORDED);
    const card = savedQuoteCard({ id: m!.quoteId, text: m!.text, alias: m!.text, match: m! })!;
    expect(card).toMatchObject({ kind: 'saved-quote', itemId: 'item-quote0001', title: SAVED_QUOTE_LABEL, matchedText: m!.text });
    expect(card.wording).toMatchObject({ exact: false, reworded: true });
    expect(JSON.stringify({ ...card, wording: undefined })).not.toContain('news.example');
    expect(savedQuoteCard({ id: 'vladimir-putin', text: 'Putin', alias: 'Putin' })).toBeNull();
    expect(savedItemIdOf('q-putin-1')).toBeNull();
  });
});
