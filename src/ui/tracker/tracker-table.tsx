/** The positions grid: actors down the side (grouped by side), regions and topics across. */
import type { TrackerModel } from '../../core/tracker-model';
import { PositionEntry } from './position-entry';
import { t } from '../../shared/i18n';

/** The grid of a tracker model; an explanatory line when the filter leaves nothing. */
export function TrackerTable({ model }: { model: TrackerModel }) {
  if (model.positionCount === 0) {
    return <p class="empty">{t('tracker.noMatch')}</p>;
  }
  return (
    <div class="table-wrap">
      <table class="tracker" data-columns={model.columns.length}>
        <caption>
          {t('tracker.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="corner">
              {t('tracker.actor')}
            </th>
            {model.columns.map((c) => (
              <th scope="col" key={c.key} class={`col-${c.kind}`} data-column={c.key}>
                <span class="col-kind">{t(c.kind === 'region' ? 'tracker.region' : 'tracker.topic')}</span>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        {model.groups.map((group) => (
          <tbody key={group.side} data-side={group.side}>
            <tr class="side-row">
              <th scope="rowgroup" colSpan={model.columns.length + 1}>
                {t(`side.${group.side}`)}
              </th>
            </tr>
            {group.rows.map((row) => {
              // A position about several regions is given in full under the first of them and
              // briefly (type and summary) under the others, so a row does not repeat its quotes.
              const firstColumn = new Map<string, string>();
              return (
                <tr key={row.id} data-actor={row.id}>
                  <th scope="row" class="actor">
                    <span class="actor-name">{row.name}</span>
                    <span class="actor-role">{row.role}</span>
                  </th>
                  {model.columns.map((c) => {
                    const positions = model.cell(row.id, c.key);
                    return (
                      <td key={c.key} data-cell={c.key} class={positions.length === 0 ? 'blank' : undefined}>
                        {positions.map((p) => {
                          const first = firstColumn.get(p.id);
                          if (first === undefined) firstColumn.set(p.id, c.label);
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
