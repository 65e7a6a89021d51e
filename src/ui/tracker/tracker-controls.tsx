/** Filter controls of the tracker: side, actor, region, topic; clear; print. */
import type { SavedHiddenReason, TrackerFilter, TrackerOptions } from '../../core/tracker-model';
import { plural, t } from '../../shared/i18n';
import { topicName } from './topic-name';

/** The filters chosen from a list. */
type SelectKey = Exclude<keyof TrackerFilter, 'saved'>;

interface Props {
  options: TrackerOptions;
  filter: TrackerFilter;
  onChange(filter: TrackerFilter): void;
  shown: number;
  total: number;
  /** Saved items shown, and why the reader's items are hidden when they are. */
  savedShown: number;
  savedHidden?: SavedHiddenReason | undefined;
}


/** The count line: positions shown, then the reader's saved items. */
function countLine(shown: number, total: number, savedShown: number, hidden: SavedHiddenReason | undefined): string {
  const positions = shown === total ? plural('tracker.allPositions', total) : plural('tracker.shownOf', shown, { total });
  if (hidden === 'region-or-topic') return positions + t('tracker.savedNoRegionOrTopic');
  return savedShown > 0 ? positions + plural('tracker.savedCount', savedShown) : positions;
}

/** One labelled select; the empty value means "all". */
function FilterSelect(props: {
  name: SelectKey;
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
export function TrackerControls({ options, filter, onChange, shown, total, savedShown, savedHidden }: Props) {
  const set = (key: SelectKey) => (value: string | undefined) => {
    const next: TrackerFilter = { ...filter };
    if (value) (next as Record<string, string>)[key] = value;
    else delete next[key];
    onChange(next);
  };
  // The saved-items switch is not a filter that Clear filters resets: it is the reader's choice of what to see.
  const active = (['side', 'actor', 'region', 'topic'] as const satisfies SelectKey[]).some((k) => filter[k] !== undefined);
  const clear = () => onChange(filter.saved === false ? { saved: false } : {});
  const toggleSaved = (on: boolean) => {
    const next: TrackerFilter = { ...filter };
    if (on) delete next.saved;
    else next.saved = false;
    onChange(next);
  };
  // One row per filter: only the name, the words and the choices differ.
  const selects: { name: SelectKey; label: string; all: string; choices: { value: string; label: string }[] }[] = [
    { name: 'side', label: t('tracker.side'), all: t('tracker.allSides'), choices: options.sides.map((s) => ({ value: s.value, label: t(`side.${s.value}`) })) },
    { name: 'actor', label: t('tracker.actor'), all: t('tracker.allActors'), choices: options.actors.map((a) => ({ value: a.id, label: a.name })) },
    { name: 'region', label: t('tracker.region'), all: t('tracker.allRegions'), choices: options.regions.map((r) => ({ value: r.id, label: r.name })) },
    { name: 'topic', label: t('tracker.topic'), all: t('tracker.allTopics'), choices: options.topics.map((id) => ({ value: id, label: topicName(id) })) },
  ];
  return (
    <form class="controls" role="search" aria-label={t('tracker.filterPositions')} onSubmit={(e) => e.preventDefault()}>
      {selects.map((s) => (
        <FilterSelect key={s.name} {...s} value={filter[s.name]} onChange={set(s.name)} />
      ))}
      {options.savedTotal > 0 && (
        <div class="filter saved-toggle">
          <label>
            <input type="checkbox" id="filter-saved" checked={filter.saved !== false} onChange={(e) => toggleSaved(e.currentTarget.checked)} />{' '}
            {t('tracker.savedToggle', { n: options.savedTotal })}
          </label>
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={() => clear} disabled={!active}>
          {t('tracker.clearFilters')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('tracker.print')}
        </button>
      </div>
      <p class="count" role="status" aria-live="polite">
        {countLine(shown, total, savedShown, savedHidden)}
      </p>
    </form>
  );
}
