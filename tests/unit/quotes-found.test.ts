/**
 * The quotations the background finds for a frame: one answer per text as the matcher gives it, the speakers of the
 * short ones found, the saved set's key, and the split of a frame's texts into messages of bounded size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { FIND_QUOTES_CHARS, findQuotesBatches, findQuotesIn, receivedMatch, savedQuotesKey } from '../../src/core/quotes-found';
import { dataset } from '../../src/data/dataset';
import { FindQuotesData } from '../../src/shared/messages';

/** The articles' paragraphs, and the same with their spaces doubled and quotation marks straightened. */
function blocksOfTheArticles(): string[] {
  const dir = join(import.meta.dirname, '..', '..', 'assets', 'articles');
  const paragraphs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/));
  return [...paragraphs, ...paragraphs.map((p) => p.replace(/ /g, '  ').replace(/[“”]/g, '"'))];
}

const matcher = compileQuoteMatcher(dataset.quotes.map((q) => ({ ...q, speakers: [q.speaker] })));
const long = dataset.quotes.find((q) => q.text.split(' ').length > 8)!;
const short = dataset.quotes.find((q) => q.text.split(' ').length < 4)!;

describe('findQuotesIn', () => {
  it('answers each text as the matcher does, in order, an empty list where there is none', () => {
    const texts = [`He said: “${long.text}.”`, 'Nothing quoted here.', `“${short.text}”, she said.`];
    const found = findQuotesIn(matcher, texts, () => 0);
    expect(found.matches.map((list, i) => list.map((m) => receivedMatch(m, texts[i]!)))).toEqual(texts.map((t) => matcher.findInBlock(t)));
    expect(found.matches[0]!.map((m) => m.quoteId)).toEqual([long.id]);
    expect(found.matches[1]).toEqual([]);
    expect(found.matches[2]!.map((m) => m.quoteId)).toEqual([short.id]);
  });

  it('gives the speakers of the short quotations found, and no others', () => {
    const found = findQuotesIn(matcher, [`“${short.text}”, she said.`, `“${long.text}”`], () => 0);
    expect(found.speakers).toEqual({ [short.id]: [short.speaker] });
  });

  it('says how long the matcher took', () => {
    let t = 0;
    const found = findQuotesIn(matcher, ['a text'], () => (t += 7));
    expect(found.ms).toBe(7);
  });

  it('sends no word of the page: every match comes back whole from the text it was found in', () => {
    const texts = blocksOfTheArticles();
    const found = findQuotesIn(matcher, texts, () => 0);
    let exact = 0;
    let altered = 0;
    found.matches.forEach((list, i) => {
      expect(list.map((m) => receivedMatch(m, texts[i]!))).toEqual(matcher.findInBlock(texts[i]!));
      for (const m of list) {
        expect(m).not.toHaveProperty('text');
        if (m.diff === undefined) exact++;
        else altered++;
      }
    });
    expect(exact).toBeGreaterThan(10);
    expect(altered).toBeGreaterThan(0);
  });

  it('survives a message: the answer is plain data', () => {
    const found = findQuotesIn(matcher, [`He said: “${long.text}.”`], () => 0);
    expect(structuredClone(found)).toEqual(found);
    expect(JSON.parse(JSON.stringify(found))).toEqual(found);
  });
});

describe('savedQuotesKey', () => {
  const a = { id: 'saved:1', text: 'One thing said' };
  const b = { id: 'saved:2', text: 'Another thing said' };
  it('is the same for the same set, and changes when a quotation is added, removed, reworded or moved', () => {
    expect(savedQuotesKey([a, b])).toBe(savedQuotesKey([{ ...a }, { ...b }]));
    const keys = [savedQuotesKey([]), savedQuotesKey([a]), savedQuotesKey([a, b]), savedQuotesKey([b, a]), savedQuotesKey([a, { ...b, text: 'Another thing sad' }])];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fits the message', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: `saved:${i}`, text: `Quotation number ${i}` }));
    expect(FindQuotesData.safeParse({ texts: [], saved: savedQuotesKey(many) }).success).toBe(true);
  });
});

describe('findQuotesBatches', () => {
  it('keeps the order and puts every text in one batch within the bounds', () => {
    const texts = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(30), 'd'.repeat(10), 'e'.repeat(50)];
    const batches = findQuotesBatches(texts, 100, 3);
    expect(batches).toEqual([[0, 1], [2, 3, 4]]);
    expect(findQuotesBatches(texts, 1000, 2)).toEqual([[0, 1], [2, 3], [4]]);
    for (const batch of batches) expect(batch.reduce((n, i) => n + texts[i]!.length, 0)).toBeLessThanOrEqual(100);
  });

  it('leaves out a text longer than a whole message', () => {
    expect(findQuotesBatches(['x'.repeat(101), 'short'], 100)).toEqual([[1]]);
    expect(findQuotesBatches([])).toEqual([]);
  });

  it('makes batches the background accepts, and the background refuses more', () => {
    const texts = Array.from({ length: 30 }, (_, i) => String(i).repeat(FIND_QUOTES_CHARS / 20));
    const batches = findQuotesBatches(texts);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(FindQuotesData.safeParse({ texts: batch.map((i) => texts[i]), saved: '0:0' }).success).toBe(true);
    expect(FindQuotesData.safeParse({ texts, saved: '0:0' }).success).toBe(false);
    expect(FindQuotesData.safeParse({ texts: ['x'.repeat(FIND_QUOTES_CHARS + 1)], saved: '0:0' }).success).toBe(false);
    expect(FindQuotesData.safeParse({ texts: 'not a list', saved: '0:0' }).success).toBe(false);
  });
});
