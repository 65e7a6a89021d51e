/**
 * The names patterns run first on a subject long enough for V8 to compile them straight to machine code: a page's
 * first text node is usually shorter, and a large alternation run first on it is compiled twice (to bytecode, then to
 * machine code) and interpreted in between. What is checked: the first run of every large pattern of a matcher, on
 * a short text, is on a subject of at least 1,000 characters, and what the scan finds is the same.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher, matcherFromPlan } from '../../src/core/matcher';
import { planMatcher } from '../../src/core/matcher-plan';
import { dataset } from '../../src/data/dataset';
import { withCallsSeen } from './calls-seen';

/** V8 compiles a regular expression's first run to machine code at once from a subject this long. */
const EAGER_SUBJECT = 1000;
const SHORT_TEXT = 'Russian President Vladimir Putin said on Tuesday that Moscow would study the U.S. plan with Ukraine.';

/** The subject length of the first run of each regular expression whose source is longer than EAGER_SUBJECT. */
function firstRuns(run: () => void): Map<RegExp, number> {
  const first = new Map<RegExp, number>();
  const seen = (re: RegExp, subject: string) => {
    if (re.source.length > EAGER_SUBJECT && !first.has(re)) first.set(re, String(subject).length);
  };
  withCallsSeen(RegExp.prototype, 'exec', seen, run);
  return first;
}

afterEach(() => vi.restoreAllMocks());

describe('names patterns compiled on a long subject', () => {
  const entries = buildMatchEntries(dataset);

  it('runs every large pattern first on a long subject, for a compiled matcher and one built from a plan', () => {
    for (const make of [() => compileMatcher(entries), () => matcherFromPlan(structuredClone(planMatcher(entries)))]) {
      const matcher = make();
      const runs = firstRuns(() => matcher.scan(SHORT_TEXT));
      // The data set's Latin names alone make a pattern of several thousand characters.
      expect(runs.size).toBeGreaterThan(0);
      for (const length of runs.values()) expect(length).toBeGreaterThanOrEqual(EAGER_SUBJECT);
    }
  });

  it('finds the same mentions on the first scan and later ones', () => {
    const matcher = compileMatcher(entries);
    const first = matcher.scan(SHORT_TEXT);
    expect(first.map((m) => m.text)).toEqual(['Vladimir Putin', 'Moscow', 'U.S.', 'Ukraine']);
    expect(matcher.scan(SHORT_TEXT)).toEqual(first);
    // A text beginning with an alias: the compile run leaves no state behind in a pattern's lastIndex.
    expect(compileMatcher(entries).scan('Putin met Zelensky.').map((m) => m.text)).toEqual(['Putin', 'Zelensky']);
  });
});
