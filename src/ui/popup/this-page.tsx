/**
 * The "This page" tab: counts, the actors and regions found (click to jump to them on the page),
 * the positions in play and the known positions the page does not mention.
 */
import { useState } from 'preact/hooks';
import { CATEGORY_STYLES } from '../../shared/categories';
import type { PageSummary, PositionBrief } from '../../core/summary';
import { PositionItem, PositionList } from './position-item';
import { plural, t } from '../../shared/i18n';

/** Props of ThisPage. */
export interface ThisPageProps {
  summary: PageSummary;
  /** Jump to the next mention of an entity on the page. */
  onJump(id: string): void;
  /** Id of the entity whose jump just failed (no mention any more), for a short notice. */
  missing: string | null;
}

function Dot({ category }: { category: keyof typeof CATEGORY_STYLES }) {
  const s = CATEGORY_STYLES[category];
  return <span class="dot" style={{ '--c': s.accent }} title={t(`category.${category}`)} aria-hidden="true" />;
}

function JumpButton({ id, name, count, onJump }: { id: string; name: string; count: number; onJump(id: string): void }) {
  return (
    <button type="button" class="jump" data-entity={id} onClick={() => onJump(id)} title={t('popup.goToNext', { name })}>
      <span class="ename">{name}</span>
      <span class="count" aria-label={plural('popup.mentionCount', count)}>
        {count}
      </span>
    </button>
  );
}

/** The first positions (most involved), with a button for the rest: a page can put thirty in play. */
function ShortList({ positions, first, empty }: { positions: PositionBrief[]; first: number; empty: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? positions : positions.slice(0, first);
  return (
    <>
      <PositionList positions={shown} empty={empty} />
      {positions.length > shown.length && (
        <button type="button" class="more" onClick={() => setAll(true)}>
          {t('popup.showAll', { n: positions.length })}
        </button>
      )}
    </>
  );
}

/** Renders the page summary. */
export function ThisPage({ summary, onJump, missing }: ThisPageProps) {
  return (
    <div class="this-page">
      <p class="totals" data-testid="totals">
        <strong>{plural('popup.totals.mentions', summary.total)}</strong> {plural('popup.totals.ofEntities', summary.distinct)}
      </p>
      {missing && (
        <p class="notice" role="status">
          {t('popup.noneLeft')}
        </p>
      )}

      <section aria-labelledby="h-actors">
        <h2 id="h-actors">{t('popup.actors')}</h2>
        {summary.actors.length === 0 ? (
          <p class="muted">{t('popup.noActors')}</p>
        ) : (
          <ul class="entities" data-testid="actors">
            {summary.actors.map((a) => (
              <li key={a.id} class="entity">
                <div class="erow">
                  <Dot category={a.category} />
                  <JumpButton id={a.id} name={a.name} count={a.count} onJump={onJump} />
                </div>
                <div class="erole">{a.role}</div>
                {a.mainPosition && (
                  <div class="emain">
                    <PositionItem p={a.mainPosition} showHolders={false} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-regions">
        <h2 id="h-regions">{t('popup.regions')}</h2>
        {summary.regions.length === 0 ? (
          <p class="muted">{t('popup.noRegions')}</p>
        ) : (
          <ul class="entities" data-testid="regions">
            {summary.regions.map((r) => (
              <li key={r.id} class="entity">
                <div class="erow">
                  <Dot category="regions" />
                  <JumpButton id={r.id} name={r.name} count={r.count} onJump={onJump} />
                </div>
                <div class="erole">{r.description}</div>
                {r.control.length > 0 && (
                  <ul class="control">
                    {r.control.map((c, i) => (
                      <li key={i}>
                        {c.holder}: {c.figure}
                        {c.according ? ` (${c.according})` : ''}
                      </li>
                    ))}
                  </ul>
                )}
                {r.positions.length > 0 && (
                  <details class="about">
                    <summary>{t('popup.whatIsDemanded', { n: r.positions.length })}</summary>
                    <PositionList positions={r.positions} empty="" />
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-inplay">
        <h2 id="h-inplay">
          {t('popup.positionsInPlay')} <span class="count">{summary.inPlay.length}</span>
        </h2>
        <ShortList positions={summary.inPlay} first={5} empty={t('popup.noneInPlay')} />
      </section>

      <section aria-labelledby="h-missing">
        <h2 id="h-missing">
          {t('popup.notMentioned')} <span class="count">{summary.notMentioned.length}</span>
        </h2>
        <details class="about" data-testid="not-mentioned">
          <summary>{t('popup.leftOut')}</summary>
          <PositionList positions={summary.notMentioned} empty={t('popup.touchesEvery')} />
        </details>
      </section>
    </div>
  );
}
