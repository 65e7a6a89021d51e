/**
 * The real-page baseline: 41 saved news and web pages (tests/fixtures/realpages, README there) opened in Chromium
 * with the built extension. Fails on any highlight that must not be (or that nobody has judged yet), on any true
 * mention that is not highlighted (rendered mentions and the listed misses), on an error of Dossier's and on a
 * change to the visible text. `npm run eval:pages` prints the same comparison as a report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPageData } from '../../src/core/page-data';
import { dataset } from '../../src/data/dataset';
import { entityLookup, loadCorpus, runCorpus, scorePage, type PageScore } from '../../scripts/lib/realpages';

const corpus = loadCorpus();
const names = Object.keys(corpus.expected.pages);
const entityOf = entityLookup(buildPageData(dataset));
const scores = new Map<string, PageScore>();

describe('real pages (Chromium)', () => {
  beforeAll(async () => {
    for (const run of await runCorpus(corpus)) {
      scores.set(run.name, scorePage(run, corpus.expected.pages[run.name]!, corpus.storedText(run.name), entityOf));
    }
  }, 240_000);
  afterAll(() => scores.clear());

  it.each(names)('%s: every true mention highlighted, nothing that must not be', (name) => {
    const s = scores.get(name)!;
    expect(s.failure).toBeUndefined();
    const show = (verdicts: string[]) =>
      s.problems.filter((p) => verdicts.includes(p.verdict)).map((p) => `${p.verdict} ${p.category}: …${p.before}[${p.text}]${p.after}…`);
    expect(show(['wrong', 'unjudged'])).toEqual([]);
    expect(show(['missed'])).toEqual([]);
    expect(s.dossierErrors).toEqual([]);
    expect(s.visibleTextChanged).toBe(false);
    expect(s.unlocated).toBe(0);
  });
});
