import { describe, expect, it } from 'vitest';
import { findQuotations, quotationCore } from '../../src/core/quotation-finder';

const texts = (s: string) => findQuotations(s).map((q) => q.text);

describe('findQuotations', () => {
  it('finds curly and straight quotations with offsets that index the original text', () => {
    const s = 'He said “no compromise” and "imperative" twice.';
    const found = findQuotations(s);
    expect(found.map((q) => q.text)).toEqual(['no compromise', 'imperative']);
    expect(found.map((q) => q.style)).toEqual(['curly', 'straight']);
    for (const q of found) expect(s.slice(q.start, q.end)).toBe(q.text);
  });

  it('does not take apostrophes inside words for quotation marks', () => {
    expect(texts('Putin was “wasting the world’s time.” Russia’s position, Zelensky\'s decree.')).toEqual([
      'wasting the world’s time.',
    ]);
  });

  it('pairs straight quotes within a paragraph and never across lines', () => {
    expect(texts('"demilitarizing" and "denazyfing" Ukraine\n"neo-Nazi regime"')).toEqual([
      'demilitarizing',
      'denazyfing',
      'neo-Nazi regime',
    ]);
  });

  it('reports a quotation left open at the end of its paragraph', () => {
    const [q] = findQuotations('“We will continue. \nNext paragraph.');
    expect(q).toMatchObject({ text: 'We will continue.', closed: false });
  });

  it('handles German and French marks', () => {
    expect(texts('Merz sagte: „Sie spielen Spiele“. Macron : « pas dans ces termes »')).toEqual([
      'Sie spielen Spiele',
      'pas dans ces termes',
    ]);
  });
});

describe('quotationCore', () => {
  it('drops the reporting sentence’s comma or full stop kept inside the marks', () => {
    expect(quotationCore('We are talking about the withdrawal,')).toBe('We are talking about the withdrawal');
    expect(quotationCore('extremely careful in the coming days.')).toBe('extremely careful in the coming days');
    expect(quotationCore(' two\n to tango ')).toBe('two to tango');
  });
});
