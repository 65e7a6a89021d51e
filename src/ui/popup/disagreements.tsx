/**
 * The briefing's "Where the sources disagree": every disagreement of the data set, its versions side by side, each
 * with the passage it comes from (verbatim) and links to the source cards of the outlets that give it.
 * The popup is an extension page, so plain links to `sources.html` open (no message to the background needed).
 */
import type { DisagreementView } from '../../core/tracker-model';
import { excerptAnchor } from '../../core/excerpts';
import { sourceCardPath } from '../../core/source-links';
import { t } from '../../shared/i18n';
import { sourceNameText } from '../source-name';

/** The source card URL of a version's source, at the evidence passage when this source is the one it quotes. */
function sourceUrl(sourceId: string, evidence: DisagreementView['versions'][number]['evidence']): string {
  return sourceCardPath(sourceId, evidence.source.id === sourceId ? excerptAnchor(evidence.text) : undefined);
}

/** Renders the disagreements; nothing when the sources agree on everything. */
export function Disagreements({ items }: { items: DisagreementView[] }) {
  if (items.length === 0) return null;
  return (
    <section class="disagreements" aria-labelledby="disagreements-title">
      <h2 id="disagreements-title">
        {t('popup.whereSourcesDisagree')} <span class="count">{items.length}</span>
      </h2>
      <ul class="dlist">
        {items.map((d) => (
          <li key={d.id} class="disagreement" data-disagreement={d.id}>
            <div class="dhead">
              <span class="dtopic">{d.topic}</span>
              <span class="differs">{t('popup.sourcesDiffer')}</span>
            </div>
            <ul class="versions">
              {d.versions.map((v, i) => (
                <li key={i} class="version">
                  <strong class="vvalue">{v.value}</strong>
                  <q class="vevidence">{v.evidence.text}</q>
                  <span class="vsources">
                    {v.sources.map((s, j) => (
                      <span key={s.id}>
                        {j > 0 ? ', ' : ''}
                        <a class="source-link" href={sourceUrl(s.id, v.evidence)} target="_blank" rel="noopener noreferrer">
                          {sourceNameText(s.outlet)}
                        </a>
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
            {d.note ? <p class="dnote muted">{d.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
