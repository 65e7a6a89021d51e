/** "Where the sources disagree": every disagreement, its versions side by side with their sources. */
import type { DisagreementView } from '../../core/tracker-model';
import { SourceLinks } from './source-links';
import { t } from '../../shared/i18n';

/** One disagreement: what is disputed, then one column per version. */
export function DisagreementCard({ item }: { item: DisagreementView }) {
  return (
    <section class="disagreement" data-disagreement-id={item.id} aria-labelledby={`d-${item.id}`}>
      <h3 id={`d-${item.id}`}>
        <span class="kind">{t(`disagreementKind.${item.kind}`)}</span> {item.topic}
      </h3>
      {item.subjects.length > 0 && <p class="subjects">{t('tracker.about', { names: item.subjects.map((s) => s.name).join(', ') })}</p>}
      <div class="versions" style={{ '--versions': String(item.versions.length) }}>
        {item.versions.map((v, i) => (
          <div class="version" key={i} data-version={i}>
            <p class="value">{v.value}</p>
            <blockquote cite={v.evidence.source.href}>“{v.evidence.text}”</blockquote>
            <SourceLinks sources={v.sources} label={t(v.sources.length > 1 ? 'tracker.sources' : 'tracker.source')} />
          </div>
        ))}
      </div>
      {item.note && <p class="note">{item.note}</p>}
    </section>
  );
}

/** The whole section; says so when the sources agree on everything. */
export function DisagreementsSection({ items }: { items: readonly DisagreementView[] }) {
  return (
    <section id="disagreements" class="disagreements" aria-labelledby="disagreements-title">
      <h2 id="disagreements-title">{t('tracker.whereSourcesDisagree')}</h2>
      {items.length === 0 ? (
        <p class="empty">{t('tracker.noDisagreement')}</p>
      ) : (
        items.map((item) => <DisagreementCard key={item.id} item={item} />)
      )}
    </section>
  );
}
