/** The positions grid: actors down the side (grouped by side), regions and topics across. */
import type { TrackerModel, TrackerSavedItem } from '../../core/tracker-model';
import { PositionEntry } from './position-entry';
import { SavedEntry } from './saved-entry';

/** The words of the saved items' column, in one place. */
export const savedColumnStrings = {
  kind: 'Yours',
  label: 'Your reading',
  empty: 'No position or saved item matches these filters.',
  caption: 'Your reading, beside the actor, is what you saved in your dossier.',
};

/**
 * The grid of a tracker model; an explanatory line when the filter leaves nothing. The reader's saved items, when
 * shown, take the first column, beside the actor's name, where they are seen without scrolling the wide grid.
 */
export function TrackerTable({ model }: { model: TrackerModel }) {
  if (model.positionCount === 0 && model.savedCount === 0) {
    return <p class="empty">{model.savedShown || model.options.savedTotal > 0 ? savedColumnStrings.empty : 'No position matches these filters.'}</p>;
  }
  return (
    <div class="table-wrap">
      <table class="tracker" data-columns={model.columns.length + (model.savedShown ? 1 : 0)}>
        <caption>
          Positions by actor (rows) and by region or topic (columns). A position about a region stands under that
          region; the others stand under their topics.{model.savedShown && ` ${savedColumnStrings.caption}`}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="corner">
              Actor
            </th>
            {model.savedShown && (
              <th scope="col" class="col-saved" data-column="saved">
                <span class="col-kind">{savedColumnStrings.kind}</span>
                {savedColumnStrings.label}
              </th>
            )}
            {model.columns.map((c) => (
              <th scope="col" key={c.key} class={`col-${c.kind}`} data-column={c.key}>
                <span class="col-kind">{c.kind === 'region' ? 'Region' : 'Topic'}</span>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        {model.groups.map((group) => (
          <tbody key={group.side} data-side={group.side}>
            <tr class="side-row">
              <th scope="rowgroup" colSpan={model.columns.length + (model.savedShown ? 2 : 1)}>
                {group.label}
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
                    <span class="actor-role">{row.role}</span>
                  </th>
                  {model.savedShown && <SavedCell items={model.saved(row.id)} />}
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
