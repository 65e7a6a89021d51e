/**
 * The matcher's plan: a matcher built from a plan that crossed a message (structured clone) finds exactly what the
 * matcher compiled in one go finds, and the plan the background sends with the extras (`pageExtras`) is the names
 * matcher of the whole data set, with the context rules, on the articles and the saved real pages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher, matcherFromPlan } from '../../src/core/matcher';
import { planMatcher } from '../../src/core/matcher-plan';
import { buildPageData, dictionaryWithExtras, extrasOf, pageDictionary, withoutExtras } from '../../src/core/page-data';
import { pageExtras } from '../../src/core/page-extras';
import { dataset } from '../../src/data/dataset';

const ROOT = join(import.meta.dirname, '..', '..');

function texts(): { name: string; text: string }[] {
  const articles = join(ROOT, 'assets', 'articles');
  const pages = join(ROOT, 'tests', 'fixtures', 'realpages', 'text');
  return [
    ...readdirSync(articles)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ name: f, text: readFileSync(join(articles, f), 'utf8') })),
    ...readdirSync(pages)
      .filter((f) => f.endsWith('.gz'))
      .map((f) => ({ name: f, text: gunzipSync(readFileSync(join(pages, f))).toString('utf8') })),
  ];
}

const all = texts();
const full = compileMatcher(buildMatchEntries(dataset));

describe('matcher plan', () => {
  it('a matcher built from a cloned plan finds what the matcher compiled in one go finds', () => {
    const dictionary = buildMatchEntries(dataset);
    const built = matcherFromPlan(structuredClone(planMatcher(dictionary)));
    expect(built.aliasCount).toBe(full.aliasCount);
    let mentions = 0;
    for (const { name, text } of all) {
      const found = built.scan(text);
      mentions += found.length;
      expect(found, name).toEqual(full.scan(text));
    }
    expect(mentions).toBeGreaterThan(500);
  });

  it('plans the exclusions: an excluded alias is not matched, its upper-case form neither', () => {
    const plan = planMatcher(buildMatchEntries(dataset), { excludedAliases: ['putin'] });
    expect(plan.keys).not.toContain('Putin');
    expect(plan.keys).not.toContain('PUTIN');
    const m = matcherFromPlan(plan);
    expect(m.scan('Putin met PUTIN and Vladimir Putin.').map((x) => x.text)).toEqual(['Vladimir Putin']);
    expect(full.scan('Putin met PUTIN.').map((x) => x.text)).toEqual(['Putin', 'PUTIN']);
  });

  it('keeps the context rules in the plan (a name inside a longer name, a dateline, page furniture)', () => {
    const plan = structuredClone(planMatcher(buildMatchEntries(dataset)));
    expect(plan.nameContexts).not.toBeNull();
    const m = matcherFromPlan(plan);
    const texts = ['MOSCOW (Reuters) - The talks', 'the Trump Tower', 'University of Washington', 'FOLLOW US'];
    expect(texts.flatMap((t) => m.scan(t))).toEqual([]);
    expect(m.scan('Trump visited Moscow.').map((x) => x.text)).toEqual(['Trump', 'Moscow']);
    // Without the rules' words the same plan would take each of them for a mention.
    const bare = matcherFromPlan({ ...plan, nameContexts: null });
    expect(texts.map((t) => bare.scan(t).map((x) => x.text))).toEqual([['MOSCOW'], ['Trump'], ['Washington'], ['US']]);
  });
});

describe('the plan the background sends with the extras', () => {
  const page = buildPageData(dataset);
  const sent = structuredClone(pageExtras(page));

  it('is the plan of the page data the content script carries plus these extras', () => {
    expect(sent.plan).toEqual(planMatcher(dictionaryWithExtras(pageDictionary(withoutExtras(page)), extrasOf(page))));
  });

  it('finds what the whole data set finds, on the articles and the real pages', () => {
    const fromPlan = matcherFromPlan(sent.plan!);
    for (const { name, text } of all) expect(fromPlan.scan(text), name).toEqual(full.scan(text));
    // Other scripts too: the extras' aliases are in the plan.
    expect(fromPlan.scan('Путін і Зеленський у Києві.').map((x) => x.id)).toEqual(full.scan('Путін і Зеленський у Києві.').map((x) => x.id));
    expect(fromPlan.scan('Путін і Зеленський у Києві.').length).toBeGreaterThan(1);
  });
});
