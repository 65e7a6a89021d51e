/**
 * The background's names finder: it answers a frame that matches with its plan, with the mentions the frame's own
 * matcher would find; it refuses a frame whose plan is another, and texts whose lengths do not cut the text sent;
 * `findNames` messages are validated before it sees them.
 */
import { describe, expect, it, vi } from 'vitest';
import { createNameFinder } from '../../src/background/name-finder';
import { matcherFromPlan } from '../../src/core/matcher';
import { FoundNamesReader, packTexts } from '../../src/core/names-found';
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
      const answer = structuredClone(finder.find(packTexts(texts), extras.planKey!));
      const reader = new FoundNamesReader(answer.found, frame);
      for (const text of texts) expect(reader.next(text)).toEqual(frame.scan(text));
      expect(reader.done).toBe(true);
    }
    expect(frame.scan(texts[1]!)).toEqual([]);
  });

  it('refuses a frame whose plan is not its own, and lengths that do not cut the text', () => {
    const finder = createNameFinder({ extras: () => extras });
    expect(() => finder.find(packTexts(texts), 'another-plan')).toThrow(/another plan/);
    const packed = packTexts(texts);
    expect(() => finder.find({ ...packed, text: packed.text.slice(3) }, extras.planKey!)).toThrow(/lengths/);
    expect(() => createNameFinder({ extras: () => ({ quotes: [] }) }).find(packed, extras.planKey!)).toThrow(/another plan/);
  });

  it('takes only messages within the bounds of one: text, lengths and plan', () => {
    const ok = { ...packTexts(texts), plan: extras.planKey! };
    expect(FindNamesData.safeParse(ok).success).toBe(true);
    expect(FindNamesData.safeParse({ ...ok, text: 'x'.repeat(FIND_QUOTES_CHARS + 1) }).success).toBe(false);
    expect(FindNamesData.safeParse({ ...ok, plan: '' }).success).toBe(false);
    expect(FindNamesData.safeParse({ ...ok, lengths: 3 }).success).toBe(false);
    expect(FindNamesData.safeParse({ texts, plan: ok.plan }).success).toBe(false);
  });
});
