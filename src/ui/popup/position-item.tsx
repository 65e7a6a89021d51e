/** One position (demand, refusal, proposal...) as a compact list item. */
import type { EntityRef, PositionBrief } from '../../core/summary';
import { plural, t } from '../../shared/i18n';


function names(refs: EntityRef[]) {
  return refs.map((r, i) => (
    <span key={r.id}>
      {i > 0 ? ', ' : ''}
      <span class={r.onPage ? 'on-page' : undefined}>{r.name}</span>
    </span>
  ));
}

/** A position with its type, summary, holders, regions and number of sources. `showHolders` false inside an actor's row. */
export function PositionItem({ p, showHolders = true }: { p: PositionBrief; showHolders?: boolean }) {
  return (
    <div class="position" data-position={p.id}>
      <span class={`ptype ptype-${p.type}`}>{t(`positionType.${p.type}`)}</span> <span class="psummary">{p.summary}</span>
      <div class="pmeta">
        {showHolders && p.holders.length > 0 && <span>{names(p.holders)}</span>}
        {p.regions.length > 0 && <span>{names(p.regions)}</span>}
        <span>{plural('popup.sources', p.sourceCount)}</span>
      </div>
    </div>
  );
}

/** A list of positions, or a line saying there are none. */
export function PositionList({ positions, empty }: { positions: PositionBrief[]; empty: string }) {
  if (positions.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="plist">
      {positions.map((p) => (
        <li key={p.id}>
          <PositionItem p={p} />
        </li>
      ))}
    </ul>
  );
}
