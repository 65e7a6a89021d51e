/**
 * The names of a frame's texts, found here for a whole-page scan (`findNames`): one names matcher, built from the plan
 * every frame gets (`PageExtras.plan`), compiled once and warm across pages. The frame's own matcher, built from the
 * same plan, turns the answers back into mentions (src/core/names-found.ts). A frame that matches with another
 * dictionary (excluded aliases, the reader's own names) never asks: it finds its names itself.
 */
import { matcherFromPlan, type Matcher } from '../core/matcher';
import type { PageExtras } from '../core/page-data';
import { findNamesIn, type FoundNames } from '../core/names-found';
import { onMessage } from '../shared/messages';

/** What the finder needs from the background. */
export interface NameFinderDeps {
  /** The page data's extras (with the plan and its fingerprint), as the frames get them. */
  extras(): PageExtras;
  now?(): number;
}

/** The finder's answer to one `findNames`; throws when the frame's plan is not the one matched with here. */
export function createNameFinder(deps: NameFinderDeps) {
  let matcher: Matcher | null = null;
  const now = deps.now ?? (() => performance.now());
  return {
    find(texts: readonly string[], planKey: string): FoundNames {
      const { plan, planKey: ours } = deps.extras();
      if (!plan || planKey !== ours) throw new Error('findNames: the frame matches with another plan of names');
      matcher ??= matcherFromPlan(plan);
      return findNamesIn(matcher, texts, now);
    },
  };
}

/** Answers `findNames` from the content scripts. Returns the remover. */
export function startNameFinder(deps: NameFinderDeps): () => void {
  const finder = createNameFinder(deps);
  return onMessage('findNames', ({ texts, plan }) => finder.find(texts, plan));
}
