/** The "Briefing" tab: the state of the talks, every known position grouped by side, and where the sources disagree. */
import type { BriefingSide } from '../../core/summary';
import type { DisagreementView } from '../../core/tracker-model';
import { Disagreements } from './disagreements';
import { PositionList } from './position-item';
import { t } from '../../shared/i18n';

/** Renders the briefing: positions by side, then where the sources disagree. */
export function Briefing({ sides, asOf, disagreements = [] }: { sides: BriefingSide[]; asOf: string; disagreements?: DisagreementView[] }) {
  return (
    <div class="briefing">
      <p class="muted">{t('popup.briefingLede', { asOf })}</p>
      {sides.map((s) => (
        <section key={s.side} class="side" aria-labelledby={`side-${s.side}`}>
          <h2 id={`side-${s.side}`}>
            {t(`side.${s.side}`)} <span class="count">{s.positions.length}</span>
          </h2>
          <PositionList positions={s.positions} empty={t('popup.noPositions')} />
        </section>
      ))}
      <Disagreements items={disagreements} />
    </div>
  );
}
