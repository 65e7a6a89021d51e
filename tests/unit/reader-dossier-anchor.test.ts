import { describe, expect, it } from 'vitest';
import { anchorPassage } from '../../src/core/reader-dossier/anchor';
import { selectorsFor } from '../../src/core/reader-dossier/selectors';
import { NEWSX, REUTERS } from './reader-dossier-fixtures';

const PESKOV = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';
const PUTIN = '“Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease,” Putin told reporters.';

function selectorsOf(text: string, exact: string, nth = 0) {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`not found: ${exact}`);
  return selectorsFor(text, start, start + exact.length);
}

describe('selectorsFor', () => {
  it('keeps the exact text with 32 characters of context each side and its offsets', () => {
    const [quote, position] = selectorsOf(REUTERS, PESKOV);
    expect(quote.exact).toBe(PESKOV);
    expect(REUTERS.slice(position.start, position.end)).toBe(PESKOV);
    expect(quote.prefix).toBe(REUTERS.slice(position.start - 32, position.start));
    expect(quote.suffix).toBe(REUTERS.slice(position.end, position.end + 32));
  });

  it('refuses an empty or out-of-range passage', () => {
    expect(() => selectorsFor(REUTERS, 10, 10)).toThrow(RangeError);
    expect(() => selectorsFor(REUTERS, 0, REUTERS.length + 1)).toThrow(RangeError);
  });
});

describe('anchorPassage', () => {
  it('exact: finds the passage where it was saved', () => {
    const [quote, position] = selectorsOf(NEWSX, PUTIN);
    const a = anchorPassage(NEWSX, quote, position);
    expect(a).toEqual({ found: true, start: position.start, end: position.end, how: 'position' });
  });

  it('moved: finds the passage when the page gained text above it', () => {
    const [quote, position] = selectorsOf(NEWSX, PUTIN);
    const page = `Breaking news banner. Subscribe to our newsletter.\n${NEWSX}`;
    const a = anchorPassage(page, quote, position);
    expect(a.found).toBe(true);
    if (!a.found) return;
    expect(a.how).toBe('exact');
    expect(page.slice(a.start, a.end)).toBe(PUTIN);
  });

  it('repeated text: the prefix and suffix pick the saved occurrence, not the first one', () => {
    // "Peskov said" occurs several times in the Reuters report; save the second one.
    const exact = 'Peskov said';
    const [quote, position] = selectorsOf(REUTERS, exact, 1);
    const first = REUTERS.indexOf(exact);
    expect(position.start).not.toBe(first);
    const moved = `An editor's note.\n${REUTERS}`;
    const a = anchorPassage(moved, quote, position);
    expect(a).toMatchObject({ found: true, how: 'context', start: position.start + "An editor's note.\n".length });
  });

  it('changed: a reworded passage is found by a fuzzy match, with the differences', () => {
    const [quote, position] = selectorsOf(REUTERS, PESKOV);
    const edited = REUTERS.replace(PESKOV, 'Peskov also said that no call between Putin and Zelenskiy was being discussed at present.');
    const a = anchorPassage(edited, quote, position);
    expect(a.found).toBe(true);
    if (!a.found) return;
    expect(a.how).toBe('fuzzy');
    expect(edited.slice(a.start, a.end)).toContain('no call between Putin and Zelenskiy was being discussed');
    expect(a.diff?.filter((d) => d.op === 'added').map((d) => d.text.trim())).toEqual(expect.arrayContaining(['that']));
  });

  it('changed whitespace: a passage split over lines by the page is still found', () => {
    const [quote, position] = selectorsOf(REUTERS, PESKOV);
    const rewrapped = REUTERS.replace(PESKOV, PESKOV.replace(' between ', '\n   between '));
    const a = anchorPassage(rewrapped, quote, position);
    expect(a).toMatchObject({ found: true, how: 'fuzzy' });
  });

  it('gone: a page without the passage reports it not found', () => {
    const [quote, position] = selectorsOf(REUTERS, PESKOV);
    expect(anchorPassage(NEWSX, quote, position)).toEqual({ found: false });
    expect(anchorPassage(REUTERS.replace(PESKOV, ''), quote, position)).toEqual({ found: false });
  });

  it('gone: a page that keeps only a few of its words does not count as the passage', () => {
    const [quote, position] = selectorsOf(REUTERS, PESKOV);
    const a = anchorPassage('Peskov said he was being discussed.', quote, position);
    expect(a).toEqual({ found: false });
  });
});
