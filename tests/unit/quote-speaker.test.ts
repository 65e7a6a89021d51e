import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { buildPageData } from '../../src/core/page-data';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { withSpeakerNearby } from '../../src/core/quote-speaker';
import { dataset } from '../../src/data/dataset';
import { whyHighlighted } from '../../src/core/card-model';

const page = buildPageData(dataset);
const quotes = compileQuoteMatcher(page.quotes);
const names = compileMatcher(buildMatchEntries(dataset));

/** The quotations a page shows in `block`, with `before` the block before it (the rule's reading of "nearby"). */
function quoted(block: string, before = ''): string[] {
  const nearby = new Set([...names.scan(block), ...names.scan(before)].map((m) => m.id));
  return withSpeakerNearby(quotes.find(block), quotes, nearby).map((m) => `${m.text}=${m.quoteId}`);
}

describe('short known quotations need their speaker nearby', () => {
  it('drops a one-word quotation in an unrelated story (a real page: the South Korean president)', () => {
    expect(quoted('Yoon said in a televised address that it had become “impossible” for him to carry out his normal presidential duties.')).toEqual([]);
    expect(quotes.find('it had become “impossible” for him').length).toBe(1); // found, then dropped by the rule
  });

  it('keeps it when the speaker is named in the same block', () => {
    expect(quoted('Zelensky said elections under martial law were “impossible” for now.')).toEqual([
      expect.stringMatching(/^impossible=/),
    ]);
  });

  it('keeps it when the speaker is named in the block before, not two blocks away', () => {
    const said = 'Volodymyr Zelensky spoke to reporters in Kyiv on Monday.';
    expect(quoted('Holding a vote now would be “impossible”, he said.', said)).toEqual([expect.stringMatching(/^impossible=/)]);
    expect(quoted('Holding a vote now would be “impossible”, he said.', 'The weather in Seoul was mild.')).toEqual([]);
  });

  it('keeps long quotations wherever they stand', () => {
    const long = dataset.quotes.find((q) => q.text.split(/\s+/).length >= 8)!;
    expect(quoted(`“${long.text}”`).map((s) => s.split('=')[1])).toEqual([long.id]);
    expect(quotes.speakersOf(long.id)).toBeNull();
  });

  it('lists the speakers of short quotations only', () => {
    const short = dataset.quotes.filter((q) => q.text.trim().split(/\s+/).length < 4);
    expect(short.length).toBeGreaterThan(0);
    for (const q of short) expect(quotes.speakersOf(q.id)).toContain(q.speaker);
  });
});

describe('the card says what a quotation is', () => {
  it('calls a quotation words of its speaker, never a name', () => {
    const why = whyHighlighted('impossible', 'impossible', 'Volodymyr Zelensky, quoted', 'Volodymyr Zelensky');
    expect(why).not.toMatch(/is a name of/);
    expect(why).toBe('The page quotes words of Volodymyr Zelensky that Dossier’s data records.');
    expect(whyHighlighted('Peskov', 'Peskov', 'Dmitry Peskov')).toBe('“Peskov” is a name of Dmitry Peskov in Dossier’s data.');
    expect(whyHighlighted('Putin', 'PUTIN', 'Vladimir Putin')).toBe('“PUTIN” matches “Putin”, a name of Vladimir Putin in Dossier’s data.');
  });
});
