/**
 * The curated data set: what a careful reader takes from the five bundled articles (assets/articles/*.txt),
 * and nothing they do not say. Every excerpt, quote and sentence is verbatim from its source; the build, `npm run
 * -s data:export` and the tests validate it (src/validation/validate.ts). Each collection has its own file under
 * collections/. Documentation and the procedure to add an article: docs/data.md.
 *
 * Written with every defaulted field filled in so that it `satisfies Dataset` without running zod: only `import
 * type` from the schema keeps zod out of the bundles that import it.
 */
import type { Dataset } from './schema';
import { actors } from './collections/actors';
import { disagreements } from './collections/disagreements';
import { nameContexts } from './collections/name-contexts';
import { notMentions } from './collections/not-mentions';
import { omissions } from './collections/omissions';
import { positions } from './collections/positions';
import { quotes } from './collections/quotes';
import { regions } from './collections/regions';
import { sources } from './collections/sources';

/** The bundled data set (validated at build time and in tests; see docs/data.md). */
export const dataset = {
  version: '2026.11.24',
  // The texts give weekdays and one calendar date (002: talks "in Geneva on November 23"), never a year.
  asOf: 'five undated reports; one date given: November 23, no year',
  sources,
  actors,
  regions,
  positions,
  quotes,
  disagreements,
  omissions,
  sharedAliases: [],
  notMentions,
  nameContexts,
} satisfies Dataset;
