import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher, type QuoteMatch } from '../../src/core/quote-matcher';

// Quotations copied verbatim from assets/articles/*.txt (as the data set writes them: without the enclosing marks).
const QUOTES = [
  { id: 'putin-troops-withdraw', text: 'Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease' },
  { id: 'putin-liberate-by-force', text: 'Either we liberate these territories by force, or Ukrainian troops will leave these territories.' },
  { id: 'peskov-withdrawal', text: 'We are talking about the withdrawal of the regime’s armed forces from the Donbas' },
  {
    id: 'lavrov-agenda',
    text: 'On the agenda are the tasks of demilitarizing and denazifying Ukraine, lifting sanctions, lawsuits and arrest warrants, as well as returning Russian assets that are frozen in the West',
  },
  { id: 'merz-games', text: 'They are playing games, both with you and with us' },
  { id: 'trump-tango', text: 'it does take two to tango' },
  { id: 'lavrov-imperative', text: 'imperative' },
  { id: 'ushakov-no-compromise', text: 'no compromise' },
  { id: 'trump-reasonably-good', text: 'reasonably good' },
] as const;

const matcher = compileQuoteMatcher(QUOTES);

function only(matches: QuoteMatch[]): QuoteMatch {
  expect(matches).toHaveLength(1);
  return matches[0]!;
}

describe('compileQuoteMatcher: exact quotations', () => {
  it('finds a verbatim quotation with its offsets and score 1', () => {
    const text = 'Putin told reporters: “Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease,” in Moscow.';
    const m = only(matcher.find(text));
    expect(m.quoteId).toBe('putin-troops-withdraw');
    expect(m.exact).toBe(true);
    expect(m.score).toBe(1);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.text).toBe('Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease');
    expect(m.diff).toEqual([{ op: 'same', text: expect.stringContaining('Ukrainian troops') }]);
  });

  it('ignores straight vs curly marks, case and punctuation for "exact"', () => {
    const text = `He said: "we are talking about the withdrawal of the regime's armed forces - from the Donbas."`;
    const m = only(matcher.find(text));
    expect(m.quoteId).toBe('peskov-withdrawal');
    expect(m.exact).toBe(true);
  });

  it('finds the same quotation twice on one page', () => {
    const q = '“They are playing games, both with you and with us,” Merz said.';
    const text = `${q} Analysts noted the tone. Later the paper repeated it: ${q}`;
    const matches = matcher.find(text);
    expect(matches.map((m) => m.quoteId)).toEqual(['merz-games', 'merz-games']);
    expect(matches[0]!.end).toBeLessThan(matches[1]!.start);
  });
});

describe('compileQuoteMatcher: near quotations', () => {
  it('matches altered punctuation plus one word changed, and reports the changed word', () => {
    const text = 'In the interview Putin said: "Either we liberate those territories by force - or Ukrainian troops will leave these territories!"';
    const m = only(matcher.find(text));
    expect(m.quoteId).toBe('putin-liberate-by-force');
    expect(m.exact).toBe(false);
    expect(m.score).toBeGreaterThan(0.8);
    expect(m.score).toBeLessThan(1);
    expect(m.diff).toEqual([
      { op: 'same', text: 'Either we liberate' },
      { op: 'removed', text: 'these' },
      { op: 'added', text: 'those' },
      { op: 'same', text: 'territories by force or Ukrainian troops will leave these territories' },
    ]);
  });

  it('matches a word added and a word dropped', () => {
    const text = '“On the agenda are the tasks of demilitarizing and denazifying Ukraine, lifting all sanctions, lawsuits and arrest warrants, as well as returning Russian assets frozen in the West,” he said.';
    const m = only(matcher.find(text));
    expect(m.quoteId).toBe('lavrov-agenda');
    expect(m.diff).toContainEqual({ op: 'added', text: 'all' });
    expect(m.diff).toContainEqual({ op: 'removed', text: 'that are' });
  });

  it('matches a quotation whose end the page trims (the first two thirds)', () => {
    const text = 'Lavrov listed “the tasks of demilitarizing and denazifying Ukraine, lifting sanctions, lawsuits and arrest warrants” as goals.';
    const m = only(matcher.find(text));
    expect(m.quoteId).toBe('lavrov-agenda');
    expect(m.exact).toBe(false);
    expect(m.coverage).toBeLessThan(0.7);
    expect(m.text).toBe('the tasks of demilitarizing and denazifying Ukraine, lifting sanctions, lawsuits and arrest warrants');
    expect(m.diff.every((op) => op.op === 'same')).toBe(true);
  });

  it('matches a quotation whose start the page trims', () => {
    const text = 'Putin warned that Russia would take the region “by force, or Ukrainian troops will leave these territories”.';
    // 9 of the quote's 14 words, all the same → match; the page's own words before the mark are not part of it.
    const m = only(matcher.find(text));
    expect(m.quoteId).toBe('putin-liberate-by-force');
    expect(m.text).toBe('by force, or Ukrainian troops will leave these territories');
    expect(m.coverage).toBeCloseTo(9 / 14, 2);
    expect(m.score).toBeGreaterThan(0.8);
  });
});

describe('compileQuoteMatcher: false near matches', () => {
  it('does not match a different sentence sharing a few words with a quote', () => {
    const text = 'Ukrainian troops will not withdraw from any territory, the general said, and the fighting continued.';
    expect(matcher.find(text)).toEqual([]);
    // Too little of a long quote: 6 of 14 words.
    expect(matcher.find('The war goes on until “Ukrainian troops will leave these territories”.')).toEqual([]);
  });

  it('does not match a sentence from an unrelated article', () => {
    const text = 'Dawn Sturgess, 44, died in 2018 after coming into contact with the nerve agent Novichok. The partnership aims to protect undersea cables.';
    expect(matcher.find(text)).toEqual([]);
  });

  it('does not match a short quote outside quotation marks, nor with a word changed', () => {
    expect(matcher.find('It is imperative that the ceasefire holds, and there will be no compromise on that.')).toEqual([]);
    expect(matcher.find('The results were reasonably good for the team.')).toEqual([]);
    expect(matcher.find('Ushakov said the talks brought “no real compromise” at all.')).toEqual([]);
  });

  it('matches short quotes only exactly, inside quotation marks', () => {
    const text = 'Trump called the talks “reasonably good,” while Ushakov said they yielded "no compromise". Recognition was "imperative".';
    expect(matcher.find(text).map((m) => m.quoteId)).toEqual(['trump-reasonably-good', 'ushakov-no-compromise', 'lavrov-imperative']);
  });
});

describe('compileQuoteMatcher: on the bundled articles', () => {
  const dir = join(import.meta.dirname, '..', '..', 'assets', 'articles');
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

  it('finds every fixture quotation in the articles it comes from, exactly', () => {
    const found = matcher.find(all);
    for (const q of QUOTES) {
      expect(found.some((m) => m.quoteId === q.id && m.exact), q.id).toBe(true);
    }
  });

  it('marks nothing but the quotations: every match is exact on the original articles', () => {
    expect(matcher.find(all).filter((m) => !m.exact)).toEqual([]);
  });
});
