/** Filter controls of the tracker: side, actor, region, topic; clear; print. */
import type { TrackerFilter, TrackerOptions } from '../../core/tracker-model';
import type { Side } from '../../data/schema';

interface Props {
  options: TrackerOptions;
  filter: TrackerFilter;
  onChange(filter: TrackerFilter): void;
  shown: number;
  total: number;
}

/** One labelled select; the empty value means "all". */
function FilterSelect(props: {
  name: keyof TrackerFilter;
  label: string;
  all: string;
  value: string | undefined;
  choices: { value: string; label: string }[];
  onChange(value: string | undefined): void;
}) {
  const id = `filter-${props.name}`;
  return (
    <div class="filter">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value || undefined)}
      >
        <option value="">{props.all}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The controls bar (hidden when printing). */
export function TrackerControls({ options, filter, onChange, shown, total }: Props) {
  const set = (key: keyof TrackerFilter) => (value: string | undefined) => {
    const next: TrackerFilter = { ...filter };
    if (value) (next as Record<string, string>)[key] = value;
    else delete next[key];
    onChange(next);
  };
  const active = Object.keys(filter).length > 0;
  return (
    <form class="controls" role="search" aria-label="Filter positions" onSubmit={(e) => e.preventDefault()}>
      <FilterSelect
        name="side"
        label="Side"
        all="All sides"
        value={filter.side}
        choices={options.sides.map((s) => ({ value: s.value, label: s.label }))}
        onChange={(v) => set('side')(v as Side | undefined)}
      />
      <FilterSelect
        name="actor"
        label="Actor"
        all="All actors"
        value={filter.actor}
        choices={options.actors.map((a) => ({ value: a.id, label: a.name }))}
        onChange={set('actor')}
      />
      <FilterSelect
        name="region"
        label="Region"
        all="All regions"
        value={filter.region}
        choices={options.regions.map((r) => ({ value: r.id, label: r.name }))}
        onChange={set('region')}
      />
      <FilterSelect
        name="topic"
        label="Topic"
        all="All topics"
        value={filter.topic}
        choices={options.topics.map((t) => ({ value: t.id, label: t.name }))}
        onChange={set('topic')}
      />
      <div class="actions">
        <button type="button" onClick={() => onChange({})} disabled={!active}>
          Clear filters
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p class="count" role="status" aria-live="polite">
        {shown === total ? `All ${total} positions` : `${shown} of ${total} positions`}
      </p>
    </form>
  );
}
