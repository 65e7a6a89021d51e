/**
 * The tracker as printed: the grid has a column per region and topic (twenty and more), too many for
 * a sheet of paper, so print shows the same cells as a three-column table (actor, region or topic,
 * positions), one row per non-empty cell. Hidden on screen; the grid is hidden in print.
 */
import type { TrackerModel, TrackerRow, TrackerSavedItem } from '../../core/tracker-model';
import { PositionEntry } from './position-entry';
import { t } from '../../shared/i18n';
import { SavedEntry } from './saved-entry';
import { groupLabel, rowRole } from './tracker-words';
import { columnLabel } from './topic-name';

/** Every non-empty cell of the model, one table row each, grouped by side and actor. */
export function TrackerPrintList({ model }: { model: TrackerModel }) {
  if (model.positionCount === 0 && model.savedCount === 0) return null;
  return (
    <table class="tracker-list" aria-hidden="true">
      <thead>
        <tr>
          <th scope="col">{t('tracker.actor')}</th>
          <th scope="col">{t('tracker.regionOrTopic')}</th>
          <th scope="col">{t('tracker.positions')}</th>
        </tr>
      </thead>
      {model.groups.map((group) => (
        <tbody key={group.side}>
          <tr class="side-row">
            <th colSpan={3}>{groupLabel(group.side)}</th>
          </tr>
          {group.rows.flatMap((row) => {
            const cells = model.columns
              .map((c) => ({ column: c, positions: model.cell(row.id, c.key) }))
              .filter((c) => c.positions.length > 0);
            const firstColumn = new Map<string, string>();
            const saved = model.saved(row.id);
            const rows = cells.map(({ column, positions }, i) => (
              <tr key={`${row.id}|${column.key}`}>
                <th scope="row" class="actor">
                  {i === 0 ? (
                    <>
                      <span class="actor-name">{row.name}</span>
                      <span class="actor-role">{rowRole(row)}</span>
                    </>
                  ) : (
                    <span class="actor-again">{row.name}</span>
                  )}
                </th>
                <td class="list-column">
                  <span class="col-kind">{t(column.kind === 'region' ? 'tracker.region' : 'tracker.topic')}</span>
                  {columnLabel(column)}
                </td>
                <td>
                  {positions.map((p) => {
                    const first = firstColumn.get(p.id);
                    if (first === undefined) firstColumn.set(p.id, columnLabel(column));
                    return <PositionEntry key={p.id} position={p} rowId={row.id} seeAlso={first} />;
                  })}
                </td>
              </tr>
            ));
            return saved.length === 0 ? rows : [...rows, <SavedListRow key={`${row.id}|saved`} row={row} items={saved} first={cells.length === 0} />];
          })}
        </tbody>
      ))}
    </table>
  );
}

/** The row of an actor's saved items in the printed list; `first` when the actor has no position row above it. */
function SavedListRow({ row, items, first }: { row: TrackerRow; items: readonly TrackerSavedItem[]; first: boolean }) {
  return (
    <tr class="saved-row">
      <th scope="row" class="actor">
        <span class={first ? 'actor-name' : 'actor-again'}>{row.name}</span>
        {first && <span class="actor-role">{rowRole(row)}</span>}
      </th>
      <td class="list-column">
        <span class="col-kind">{t('tracker.yours')}</span>
        {t('tracker.yourReading')}
      </td>
      <td>
        {items.map((item) => (
          <SavedEntry key={item.id} item={item} />
        ))}
      </td>
    </tr>
  );
}
