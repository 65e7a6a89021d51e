/** The positions grid: actors down the side (grouped by side), regions and topics across. */
import type { TrackerModel, TrackerSavedItem } from '../../core/tracker-model';
import { PositionEntry } from './position-entry';
import { t } from '../../shared/i18n';
import { SavedEntry } from './saved-entry';
import { groupLabel, rowRole } from './tracker-words';
import { columnLabel } from './topic-name';

/**
 * The grid of a tracker model; an explanatory line when the filter leaves nothing. The reader's saved items, when
 * shown, take the first column, beside the actor's name, where they are seen without scrolling the wide grid.
 */
export function TrackerTable({ model }: { model: TrackerModel }) {
  if (model.positionCount === 0 && model.savedCount === 0) {
    return <p class="empty">{t(model.savedShown || model.options.savedTotal > 0 ? 'tracker.noMatchSaved' : 'tracker.noMatch')}</p>;
  }
  return (
    <div class="table-wrap">
      <table class="tracker" data-columns={model.columns.length + (model.savedShown ? 1 : 0)}>
        <caption>
          {t('tracker.caption')}
          {model.savedShown && ` ${t('tracker.savedCaption')}`}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="corner">
              {t('tracker.actor')}
            </th>
            {model.savedShown && (
              <th scope="col" class="col-saved" data-column="saved">
                <span class="col-kind">{t('tracker.yours')}</span>
                {t('tracker.yourReading')}
              </th>
            )}
            {model.columns.map((c) => (
              <th scope="col" key={c.key} class={`col-${c.kind}`} data-column={c.key}>
                <span class="col-kind">{t(c.kind === 'region' ? 'tracker.region' : 'tracker.topic')}</span>
                {columnLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        {model.groups.map((group) => (
          <tbody key={group.side} data-side={group.side}>
            <tr class="side-row">
              <th scope="rowgroup" colSpan={model.columns.length + (model.savedShown ? 2 : 1)}>
                {groupLabel(group.side)}
              </th>
            </tr>
            {group.rows.map((row) => {
              // A position about several regions is given in full under the first of them and
              // briefly (type and summary) under the others, so a row does not repeat its quotes.
              const firstColumn = new Map<string, string>();
              return (
                <tr key={row.id} data-actor={row.id} class={row.own ? 'own' : undefined}>
                  <th scope="row" class="actor">
                    <span class="actor-name">{row.name}</span>
                    <span class="actor-role">{rowRole(row)}</span>
                  </th>
                  {model.savedShown && <SavedCell items={model.saved(row.id)} />}
                  {model.columns.map((c) => {
                    const positions = model.cell(row.id, c.key);
                    return (
                      <td key={c.key} data-cell={c.key} class={positions.length === 0 ? 'blank' : undefined}>
                        {positions.map((p) => {
                          const first = firstColumn.get(p.id);
                          if (first === undefined) firstColumn.set(p.id, columnLabel(c));
                          return <PositionEntry key={p.id} position={p} rowId={row.id} seeAlso={first} />;
                        })}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The cell of a row's saved items (blank when the reader saved nothing about this actor). */
function SavedCell({ items }: { items: readonly TrackerSavedItem[] }) {
  return (
    <td data-cell="saved" class={items.length === 0 ? 'blank saved-cell' : 'saved-cell'}>
      {items.map((item) => (
        <SavedEntry key={item.id} item={item} />
      ))}
    </td>
  );
}
