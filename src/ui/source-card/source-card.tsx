/**
 * The source card page: for each bundled source (or the one asked for), who published it, its headline and
 * dateline, whom it credits, and the verbatim excerpts Dossier's data rests on. Never the whole article.
 */
import type { Dataset, Source } from '../../data/schema';
import { dataLine } from '../../core/card-model';
import { sourceName } from '../../core/labels';
import { collectExcerpts } from '../../core/excerpts';
import { dataLineText } from '../data-line';
import { supportText } from './support-text';
import { plural, t } from '../../shared/i18n';
import { sourceNameText } from '../source-name';

function SourceEntry({ data, source }: { data: Dataset; source: Source }) {
  const excerpts = collectExcerpts(data, source.id);
  return (
    <article class="sc-source" id={source.id} aria-labelledby={`${source.id}-title`}>
      <p class="sc-outlet">{sourceNameText(sourceName(source))}</p>
      <h2 class="sc-title" id={`${source.id}-title`}>
        {source.headline ?? t('sources.untitled')}
      </h2>
      <dl class="sc-facts">
        {source.dateline ? (
          <>
            <dt>{t('sources.dateline')}</dt>
            <dd>{source.dateline}</dd>
          </>
        ) : null}
        {source.byline ? (
          <>
            <dt>{t('sources.byline')}</dt>
            <dd>{source.byline}</dd>
          </>
        ) : null}
        <dt>{t('sources.credits')}</dt>
        <dd>{source.credits.length > 0 ? source.credits.join(', ') : t('sources.noneGiven')}</dd>
        {source.notes.length > 0 ? (
          <>
            <dt>{t('sources.notes')}</dt>
            <dd>
              <ul class="sc-notes">
                {source.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <h3 class="sc-excerpts-title">{t('sources.excerpts', { n: excerpts.length })}</h3>
      <ol class="sc-excerpts">
        {excerpts.map((x) => (
          <li class={`sc-excerpt sc-${x.kind}`} id={x.anchor} key={x.anchor} tabIndex={-1}>
            <blockquote class="sc-text">{x.text}</blockquote>
            <p class="sc-supports">
              {x.kind === 'quote' ? t('sources.quotation') : ''}
              {t('sources.supports', { what: x.supports.map(supportText).join('; ') })}
            </p>
          </li>
        ))}
      </ol>
    </article>
  );
}

/** The page body: one source when `id` names one, otherwise all of them (an unknown id says so, then lists all). */
export function SourceCardPage({ data, id }: { data: Dataset; id?: string | null }) {
  const one = id ? data.sources.find((s) => s.id === id) : undefined;
  const shown = one ? [one] : data.sources;
  return (
    <main class="sc-page">
      <header class="sc-head">
        <h1>{t('sources.title')}</h1>
        <p class="sc-sub">
          {plural(one ? 'sources.oneOf' : 'sources.articles', data.sources.length)} · {dataLineText(dataLine(data))}
          {one ? (
            <>
              {' · '}
              <a href="?">{t('sources.showAll')}</a>
            </>
          ) : null}
        </p>
        {id && !one ? <p class="sc-warn">{t('sources.unknown', { id })}</p> : null}
      </header>
      {shown.map((s) => (
        <SourceEntry key={s.id} data={data} source={s} />
      ))}
    </main>
  );
}
