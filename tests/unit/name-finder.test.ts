/**
 * The background's names finder: it answers a frame that matches with its plan, with the mentions the frame's own
 * matcher would find; it refuses a frame whose plan is another; `findNames` messages are validated before it sees
 * them.
 */
import { describe, expect, it, vi } from 'vitest';
import { createNameFinder } from '../../src/background/name-finder';
import { matcherFromPlan } from '../../src/core/matcher';
import { FoundNamesReader } from '../../src/core/names-found';
import { buildPageData } from '../../src/core/page-data';
import { pageExtras } from '../../src/core/page-extras';
import { FIND_QUOTES_CHARS } from '../../src/core/quotes-found';
import { FindNamesData } from '../../src/shared/messages';
import { dataset } from '../../src/data/dataset';

const extras = pageExtras(buildPageData(dataset));
const texts = ['Kremlin spokesman Dmitry Peskov said Moscow would answer.', 'The Washington Post reported it first.', 'Путін мовчав.'];

describe('the background’s names finder', () => {
  it('answers with the mentions the frame finds itself, and builds its matcher once', () => {
    const read = vi.fn(() => extras);
    const finder = createNameFinder({ extras: read, now: () => 0 });
    const frame = matcherFromPlan(structuredClone(extras.plan!));
    for (let round = 0; round < 2; round++) {
      const answer = structuredClone(finder.find(structuredClone(texts), extras.planKey!));
      const reader = new FoundNamesReader(answer.found, frame);
      for (const text of texts) expect(reader.next(text)).toEqual(frame.scan(text));
      expect(reader.done).toBe(true);
    }
    expect(frame.scan(texts[1]!)).toEqual([]);
  });

  it('refuses a frame whose plan is not its own', () => {
    const finder = createNameFinder({ extras: () => extras });
    expect(() => finder.find(texts, 'another-plan')).toThrow(/another plan/);
    expect(() => createNameFinder({ extras: () => ({ quotes: [] }) }).find(texts, extras.planKey!)).toThrow(/another plan/);
  });

  it('takes only messages within the bounds of one: texts and plan', () => {
    const ok = { texts, plan: extras.planKey! };
    expect(FindNamesData.safeParse(ok).success).toBe(true);
    expect(FindNamesData.safeParse({ ...ok, texts: ['x'.repeat(FIND_QUOTES_CHARS / 2), 'y'.repeat(FIND_QUOTES_CHARS / 2 + 1)] }).success).toBe(false);
    expect(FindNamesData.safeParse({ ...ok, plan: '' }).success).toBe(false);
    expect(FindNamesData.safeParse({ ...ok, texts: texts.join('') }).success).toBe(false);
    expect(FindNamesData.safeParse({ texts: [1, 2], plan: ok.plan }).success).toBe(false);
  });
});
