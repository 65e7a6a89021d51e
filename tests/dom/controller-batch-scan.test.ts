/**
 * The scan loop matches 16 text nodes per matcher call (`scanTexts`): the mentions a user sees must be exactly
 * those of one call per text node, never a name joined across two nodes, wherever the nodes are cut.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTexts } from '../../src/content/controller';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { dataset } from '../../src/data/dataset';

const ARTICLES = join(import.meta.dirname, '../../assets/articles');
const articles = readdirSync(ARTICLES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(ARTICLES, f), 'utf8'));
const matcher = compileMatcher(buildMatchEntries(dataset));

/** Cuts `text` every `step` characters, so names are split mid-word and at their spaces too. */
const cut = (text: string, step: number) => Array.from({ length: Math.ceil(text.length / step) }, (_, i) => text.slice(i * step, (i + 1) * step));

describe('scanTexts: one matcher call for a batch of text nodes', () => {
  it('finds exactly the mentions of one scan per text, in all five articles cut at many places', () => {
    let found = 0;
    for (const article of articles) {
      for (const step of [7, 23, 61, 400]) {
        const pieces = cut(article, step);
        for (let i = 0; i < pieces.length; i += 16) {
          const batch = pieces.slice(i, i + 16);
          const expected = batch.map((t) => matcher.scan(t));
          expect(scanTexts(matcher, batch)).toEqual(expected);
          found += expected.flat().length;
        }
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('does not join "Donald" and "Trump" from two nodes, nor take a node-initial lower-case alias for less', () => {
    const got = scanTexts(matcher, ['Donald', 'Trump met', 'dirigeants européens et', 'Kyiv']);
    expect(got.map((ms) => ms.map((m) => `${m.text}@${m.start}`))).toEqual([[], ['Trump@0'], ['dirigeants européens@0'], ['Kyiv@0']]);
  });

  it('falls back to one scan per text when an alias holds the separator', () => {
    const odd = compileMatcher([{ id: 'x', name: 'X', category: 'people', aliases: [{ text: '(Kiev)', lang: 'en' }] }]);
    // Joined, "in Kyiv " + "Kiev) today" reads "in Kyiv (Kiev) today": a match across the two nodes, which must not count.
    const texts = ['in Kyiv ', 'Kiev) today', 'said (Kiev) here'];
    expect(odd.scan(texts.join('('))).toHaveLength(2);
    expect(scanTexts(odd, texts)).toEqual(texts.map((t) => odd.scan(t)));
    expect(scanTexts(odd, texts).map((ms) => ms.map((m) => m.text))).toEqual([[], [], ['(Kiev)']]);
  });
});
