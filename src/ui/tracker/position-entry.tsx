/** One position in a tracker cell: its type, summary, the quotes verbatim with their speaker, and its sources. */
import type { TrackerPosition } from '../../core/tracker-model';
import { SourceLinks } from './source-links';
import { t } from '../../shared/i18n';
import { topicName } from './topic-name';
import { sourceNameText } from '../source-name';

/**
 * A position as the tracker prints it, in the row of `rowId`; the other holders are named. With
 * `seeAlso` (the column where the row already gives it in full) only its type and summary are shown.
 */
export function PositionEntry({ position, rowId, seeAlso }: { position: TrackerPosition; rowId: string; seeAlso?: string | undefined }) {
  const others = position.holders.filter((h) => h.id !== rowId);
  if (seeAlso !== undefined) {
    return (
      <article class={`position brief type-${position.type}`} data-position-id={position.id} data-side={position.side}>
        <p class="position-head">
          <span class="position-type">{t(`positionType.${position.type}`)}</span>
        </p>
        <p class="position-summary">{position.summary}</p>
        <p class="position-with">{t('tracker.quotesUnder', { column: seeAlso })}</p>
      </article>
    );
  }
  return (
    <article class={`position type-${position.type}`} data-position-id={position.id} data-side={position.side}>
      <p class="position-head">
        <span class="position-type">{t(`positionType.${position.type}`)}</span>
        {position.addressees.length > 0 && (
          <span class="position-to">{t('tracker.to', { names: position.addressees.map((a) => a.name).join(', ') })}</span>
        )}
      </p>
      <p class="position-summary">{position.summary}</p>
      {others.length > 0 && <p class="position-with">{t('tracker.with', { names: others.map((h) => h.name).join(', ') })}</p>}
      {position.quotes.map((q) => (
        <figure class="quote" key={q.id} data-quote-id={q.id}>
          <blockquote cite={q.source.href}>“{q.text}”</blockquote>
          <figcaption>
            — {q.speaker}
            {q.reported && <span class="reported">{t('tracker.reported')}</span>}
            {', '}
            <a href={q.source.href}>{sourceNameText(q.source.outlet)}</a>
          </figcaption>
        </figure>
      ))}
      <p class="position-meta">
        {position.topics.map((id) => (
          <span class="tag" key={id}>
            {topicName(id)}
          </span>
        ))}
        <SourceLinks sources={position.sources} />
      </p>
    </article>
  );
}
