/**
 * The tracker's filter lives in the URL query (`tracker.html?side=russia&region=donbas`), so a view
 * can be linked, bookmarked and restored with Back. Unknown keys and values are dropped here or by
 * `sanitizeFilter` in the model. The reader's saved items are shown unless the query says `saved=off`.
 */
import { isSide } from '../../core/domain-order';
import type { TrackerFilter } from '../../core/tracker-model';

const KEYS = ['side', 'actor', 'region', 'topic'] as const;

/** The filter a query string (with or without its leading `?`) asks for. */
export function parseTrackerQuery(search: string): TrackerFilter {
  const params = new URLSearchParams(search);
  const filter: TrackerFilter = {};
  const side = params.get('side');
  if (side && isSide(side)) filter.side = side;
  for (const key of ['actor', 'region', 'topic'] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  if (params.get('saved') === 'off') filter.saved = false;
  return filter;
}

/** The query string of a filter: `?side=russia&region=donbas`, or '' when nothing is filtered. */
export function trackerQuery(filter: TrackerFilter): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (filter.saved === false) params.set('saved', 'off');
  const query = params.toString();
  return query ? `?${query}` : '';
}
