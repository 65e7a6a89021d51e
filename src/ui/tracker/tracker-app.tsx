/** The positions tracker page: filters (kept in the URL), the grid, and where the sources disagree. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildTracker, disagreementsView, type TrackerFilter } from '../../core/tracker-model';
import type { ReaderDossier } from '../../data/reader-dossier-schema';
import type { Dataset } from '../../data/schema';
import { DisagreementsSection } from './disagreements-section';
import { TrackerControls } from './tracker-controls';
import { parseTrackerQuery, trackerQuery } from './tracker-query';
import { TrackerPrintList } from './tracker-print-list';
import { TrackerTable } from './tracker-table';
import { t } from '../../shared/i18n';

/**
 * The whole page for a data set and, beside it, what the reader saved (`reader`). The filter is read from and
 * written to `location.search`.
 */
export function TrackerApp({ data, reader }: { data: Dataset; reader?: ReaderDossier | undefined }) {
  const [filter, setFilter] = useState<TrackerFilter>(() => parseTrackerQuery(location.search));
  const model = useMemo(() => buildTracker(data, filter, reader), [data, filter, reader]);
  const disagreements = useMemo(() => disagreementsView(data), [data]);

  // Back and Forward restore earlier filters.
  useEffect(() => {
    const onPop = () => setFilter(parseTrackerQuery(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const change = (next: TrackerFilter) => {
    setFilter(next);
    // Each filter change is a history entry, so a view can be linked and Back undoes a change.
    history.pushState(null, '', `${location.pathname}${trackerQuery(next)}${location.hash}`);
  };

  return (
    <>
      <header class="page-head">
        <h1>{t('tracker.title')}</h1>
        <p class="lede">
          {t('tracker.lede')} <a href="#disagreements">{t('tracker.whereSourcesDisagree')}</a>
        </p>
        <p class="data-version">
          {t('tracker.data', { version: data.version, asOf: data.asOf })}
        </p>
      </header>
      <TrackerControls
        options={model.options}
        filter={model.filter}
        onChange={change}
        shown={model.positionCount}
        total={data.positions.length}
        savedShown={model.savedCount}
        savedHidden={model.savedHidden}
      />
      <main>
        <TrackerTable model={model} />
        <TrackerPrintList model={model} />
        <DisagreementsSection items={disagreements} />
      </main>
    </>
  );
}
