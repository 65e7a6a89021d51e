/**
 * What the background sends the frames that scan (`pageExtras`), in a module of its own: it plans the names matcher,
 * and the content script, which uses the rest of the page data's helpers, need not carry the planner.
 */
import { dictionaryWithExtras, extrasOf, pageDictionary, withoutExtras, type PageData, type PageExtras } from './page-data';
import { planMatcher } from './matcher-plan';
import { planFingerprint } from './names-found';

/**
 * What the background sends the frames that scan: the extras of `page`, with the names matcher planned for the page
 * data the content script carries plus these extras, exactly as the content script would plan it.
 */
export function pageExtras(page: PageData): PageExtras {
  const extras = extrasOf(page);
  const plan = planMatcher(dictionaryWithExtras(pageDictionary(withoutExtras(page)), extras));
  return { ...extras, plan, planKey: planFingerprint(plan) };
}

