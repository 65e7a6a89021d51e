/** Links to source cards ("Sources: BBC, NewsX"). */
import type { TrackerSourceRef } from '../../core/tracker-model';
import { t } from '../../shared/i18n';
import { sourceNameText } from '../source-name';

/** The sources of a position or a version, each a link to its source card page. */
export function SourceLinks({ sources, label = t('tracker.sources') }: { sources: readonly TrackerSourceRef[]; label?: string }) {
  if (sources.length === 0) return null;
  return (
    <span class="sources">
      {label}:{' '}
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 && ', '}
          <a href={s.href} data-source-id={s.id}>
            {sourceNameText(s.outlet)}
          </a>
        </span>
      ))}
    </span>
  );
}
