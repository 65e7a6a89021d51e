/**
 * The names a frame's whole-page scan asks of the background (`findNames`): the frame's matcher, built from the plan
 * the background sent, turns the background's numbers back into exactly the mentions it would have found itself, on
 * the articles and the saved real pages (context rules, other scripts, folded letters included); the numbers cross a
 * message as one string with no character a message could damage; a malformed answer reads as "find them here".
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { matcherFromPlan } from '../../src/core/matcher';
import { decodeNumbers, encodeNumbers, findNamesIn, FoundNamesReader, planFingerprint } from '../../src/core/names-found';
import { buildPageData } from '../../src/core/page-data';
import { pageExtras } from '../../src/core/page-extras';
import { dataset } from '../../src/data/dataset';

const ROOT = join(import.meta.dirname, '..', '..');

/** The articles and the saved real pages, as paragraphs (what a page's text nodes hold). */
function paragraphs(): string[] {
  const articles = join(ROOT, 'assets', 'articles');
  const pages = join(ROOT, 'tests', 'fixtures', 'realpages', 'text');
  const all = [
    ...readdirSync(articles).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(articles, f), 'utf8')),
    ...readdirSync(pages).filter((f) => f.endsWith('.gz')).map((f) => gunzipSync(readFileSync(join(pages, f))).toString('utf8')),
  ];
  return all.flatMap((t) => t.split(/\n+/)).filter((p) => p.trim().length > 0);
}

const extras = pageExtras(buildPageData(dataset));
const plan = extras.plan!;
const now = () => 0;

describe('names found by the background', () => {
  it('reads back, with a matcher built from the plan a message carried, every mention the frame finds itself', () => {
    const texts = [
      ...paragraphs(),
      // Rules, folding, other scripts, a name at either end of a text, and texts with none.
      'WASHINGTON (AP) — The Washington Post said Melania Trump met Donald Trump.',
      'Zelensky',
      'Путін і Зеленський говорили про Донбас.',
      'Le président Emmanuel Macron a parlé à l’Élysée de l’Ukraine.',
      'Volodymyr Zelens\u00adky and Vladimir Pu\u0301tin',
      '',
      'Nothing to see here.',
    ];
    const background = matcherFromPlan(structuredClone(plan));
    const answer = structuredClone(findNamesIn(background, texts, now));
    const frame = matcherFromPlan(structuredClone(plan));
    const reader = new FoundNamesReader(answer.found, frame);
    let mentions = 0;
    for (const text of texts) {
      const found = reader.next(text);
      const own = frame.scan(text);
      expect(found).toEqual(own);
      mentions += own.length;
    }
    expect(reader.done).toBe(true);
    expect(mentions).toBeGreaterThan(500);
  });

  it('sends numbers as characters that survive a message: no surrogate, no control character', () => {
    const numbers = [0, 1, 0x3fff, 0x4000, 0x4001, 65_535, 65_536, 1_000_000, 2 ** 31 - 1];
    const encoded = encodeNumbers(numbers);
    for (let i = 0; i < encoded.length; i++) {
      const c = encoded.charCodeAt(i);
      expect(c >= 0x100 && c < 0xd800).toBe(true);
    }
    expect(decodeNumbers(encoded)).toEqual(numbers);
    expect(decodeNumbers(JSON.parse(JSON.stringify(encoded)) as string)).toEqual(numbers);
    expect(decodeNumbers('')).toEqual([]);
    // A character it never writes, and a number cut short.
    expect(decodeNumbers('\u0041')).toBeNull();
    expect(decodeNumbers('\u4105')).toBeNull();
  });

  it('reads an answer that does not fit the texts as "find them here", for that text and every one after it', () => {
    const frame = matcherFromPlan(plan);
    const text = 'Putin met Zelensky in Kyiv.';
    const putin = frame.scanRecords(text).slice(0, 3);
    const answer = (numbers: number[]) => new FoundNamesReader(encodeNumbers(numbers), frame);
    // Well formed: one name, then a text with none.
    const good = answer([1, putin[0]!, putin[1]! - putin[0]!, putin[2]!, 0]);
    expect(good.next(text)!.map((m) => m.text)).toEqual(['Putin']);
    expect(good.next('nothing')).toEqual([]);
    expect(good.done).toBe(true);
    // A key no plan has, a name past the end of its text, an empty name, fewer numbers than announced.
    for (const bad of [
      [1, 0, 5, plan.keys.length],
      [1, 25, 5, putin[2]!],
      [1, 0, 0, putin[2]!],
      [2, 0, 5, putin[2]!],
    ]) {
      const reader = answer([...bad, 0]);
      expect(reader.next(text)).toBeNull();
      expect(reader.next('nothing')).toBeNull();
    }
    // Not a string of numbers at all.
    expect(new FoundNamesReader('xyz', frame).next(text)).toBeNull();
  });

  it('fingerprints a plan by its keys and what each names', () => {
    expect(extras.planKey).toBe(planFingerprint(plan));
    expect(planFingerprint(structuredClone(plan))).toBe(extras.planKey);
    expect(planFingerprint({ keys: [...plan.keys, 'Someone Else'], keyTargets: [...plan.keyTargets, 0] })).not.toBe(extras.planKey);
    const swapped = [...plan.keyTargets];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(planFingerprint({ keys: plan.keys, keyTargets: swapped })).not.toBe(extras.planKey);
  });
});
