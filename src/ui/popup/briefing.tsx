/** The "Briefing" tab: the state of the talks, every known position grouped by side. */
import type { BriefingSide } from '../../core/summary';
import { PositionList } from './position-item';

/** Renders the briefing. */
export function Briefing({ sides, asOf }: { sides: BriefingSide[]; asOf: string }) {
  return (
    <div class="briefing">
      <p class="muted">State of the talks as reported by the bundled sources (as of {asOf}).</p>
      {sides.map((s) => (
        <section key={s.side} class="side" aria-labelledby={`side-${s.side}`}>
          <h2 id={`side-${s.side}`}>
            {s.label} <span class="count">{s.positions.length}</span>
          </h2>
          <PositionList positions={s.positions} empty="No known positions." />
        </section>
      ))}
    </div>
  );
}
