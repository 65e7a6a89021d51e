/** One item the reader saved, in a tracker cell: marked as theirs, the passage verbatim, where and when it was saved. */
import type { TrackerSavedItem } from '../../core/tracker-model';
import { t } from '../../shared/i18n';

/** A saved item: "Yours · Quote", the passage as text, a link back to its page, the site and the day it was saved. */
export function SavedEntry({ item }: { item: TrackerSavedItem }) {
  return (
    <article class={`saved-entry kind-${item.kind}`} data-saved-id={item.id}>
      <p class="saved-head">
        <span class="saved-badge">{t('tracker.yours')}</span> <span class="saved-kind">{t(`dossier.kind.${item.kind}`)}</span>
      </p>
      <blockquote cite={item.href}>“{item.text}”</blockquote>
      {item.note && <p class="saved-note">{item.note}</p>}
      <p class="saved-meta">
        {t('tracker.savedFrom')}{' '}
        <a href={item.href} target="_blank" rel="noreferrer noopener" class="saved-source">
          {item.site || item.title.trim() || item.href}
        </a>{' '}
        {t('tracker.savedOn')} <time dateTime={item.savedAt}>{item.savedOn}</time>
      </p>
    </article>
  );
}
