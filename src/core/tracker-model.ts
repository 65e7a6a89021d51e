/**
 * The positions tracker as data: actors down one side, regions and topics across, each cell the
 * positions an actor holds about that region or topic; and the disagreements between sources as
 * versions side by side. Pure: the tracker page and the popover render what these functions return.
 *
 * Placement rule: a position that names regions stands under each of its regions (its topics are
 * shown on the entry); a position that names none stands under each of its topics. So "what does
 * Russia demand about Donbas" is one cell, and a sanctions demand is not repeated under every region.
 */
import type { ReaderDossier, SavedKind } from '../data/reader-dossier-schema';
import type { Actor, Dataset, Disagreement, Position, Side, Source } from '../data/schema';
import { SIDE_ORDER } from './domain-order';
import { sourceName, type SourceName } from './labels';
import { sourceCardPath } from './source-links';

/**
 * Filters of the tracker; every one optional. Values not in the data are ignored. `side` keeps the
 * actors of that side (rows) with every position they hold; `actor` keeps one row; `region` and
 * `topic` keep the positions about it. `saved: false` hides what the reader saved (shown by default).
 */
export interface TrackerFilter {
  side?: Side;
  actor?: string;
  region?: string;
  topic?: string;
  saved?: false;
}

/** A link to a source card. */
export interface TrackerSourceRef {
  id: string;
  /** The outlet, or the wires it credits when the outlet is unknown (the interface words it). */
  outlet: SourceName;
  /** The source card page. */
  href: string;
}

/** A quotation as the tracker prints it: verbatim, with its speaker and source. */
export interface TrackerQuote {
  id: string;
  text: string;
  speakerId: string;
  speaker: string;
  source: TrackerSourceRef;
  /** The source reports it second-hand. */
  reported: boolean;
  context?: string;
}

/** A named entity reference. */
export interface NamedRef {
  id: string;
  name: string;
}

/** One position in a cell. */
export interface TrackerPosition {
  id: string;
  type: Position['type'];
  side: Side;
  summary: string;
  holders: NamedRef[];
  addressees: NamedRef[];
  regions: NamedRef[];
  /** Topic ids; the interface names them. */
  topics: string[];
  quotes: TrackerQuote[];
  sources: TrackerSourceRef[];
}

/** A row: an actor holding at least one shown position, or with at least one shown saved item. */
export interface TrackerRow {
  id: string;
  name: string;
  /** The data's role; empty for the reader's own actors (the interface says where those were made). */
  role: string;
  side: Side | typeof READER_GROUP;
  kind: Actor['kind'];
  /** An actor the reader created (not in the bundled data). */
  own: boolean;
}

/** One thing the reader saved, as the tracker shows it beside the bundled positions. */
export interface TrackerSavedItem {
  id: string;
  kind: SavedKind;
  /** The saved passage, verbatim. */
  text: string;
  note?: string;
  /** The page it was saved from: its address, title and site. */
  href: string;
  title: string;
  site: string;
  /** When it was saved (ISO) and the day as YYYY-MM-DD. */
  savedAt: string;
  savedOn: string;
}

/** A column: a region or a topic. */
/** A column: a region, named by the data, or a topic, which the interface names (by its id) in the reader's language. */
export type TrackerColumn = { key: string; kind: 'region'; id: string; label: string } | { key: string; kind: 'topic'; id: string };

/** The group of the actors the reader created: they take no side in the data. */
export const READER_GROUP = 'reader';

/** Rows grouped under their side, sides in a fixed order; the reader's own actors last. */
export interface TrackerSideGroup {
  side: Side | typeof READER_GROUP;
  rows: TrackerRow[];
}

/** What the filter controls offer (everything the data has, whatever the current filter). */
export interface TrackerOptions {
  sides: { value: Side }[];
  /** Actors holding a position, then the reader's own actors that have saved items. */
  actors: NamedRef[];
  regions: NamedRef[];
  /** Topic ids, alphabetical; the interface names them. */
  topics: string[];
  /** How many items the reader saved (0: no saved-items switch). */
  savedTotal: number;
}

/** Why the saved items are not shown although the reader has some. */
export type SavedHiddenReason = 'switched-off' | 'region-or-topic';

/** The whole tracker grid. */
export interface TrackerModel {
  filter: TrackerFilter;
  groups: TrackerSideGroup[];
  columns: TrackerColumn[];
  /** Positions of a cell; an empty list for an empty cell. */
  cell(rowId: string, columnKey: string): TrackerPosition[];
  /** Distinct positions shown. */
  positionCount: number;
  /** The reader's saved items of a row, newest first; empty when they are hidden. */
  saved(rowId: string): TrackerSavedItem[];
  /** Whether the grid has the column of the reader's saved items. */
  savedShown: boolean;
  /** Saved items shown. */
  savedCount: number;
  /** Set when the reader has saved items that this filter hides. */
  savedHidden?: SavedHiddenReason;
  options: TrackerOptions;
}

/** One version of a disputed fact, with who reports it. */
export interface DisagreementVersion {
  value: string;
  sources: TrackerSourceRef[];
  /** The passage it comes from, verbatim, and its source. */
  evidence: { text: string; source: TrackerSourceRef };
}

/** A disagreement between sources, versions side by side. */
export interface DisagreementView {
  id: string;
  kind: Disagreement['kind'];
  topic: string;
  subjects: NamedRef[];
  versions: DisagreementVersion[];
  note?: string;
}

/** Sides in display order. */
export { SIDE_ORDER };


/** The link to a source card page. */
export const sourceHref = (id: string): string => sourceCardPath(id);


function sourceRef(data: Dataset, id: string): TrackerSourceRef {
  const source: Source | undefined = data.sources.find((s) => s.id === id);
  return { id, outlet: sourceName(source), href: sourceHref(id) };
}

function nameOf(data: Dataset, id: string): string {
  return data.actors.find((a) => a.id === id)?.name ?? data.regions.find((r) => r.id === id)?.name ?? id;
}

function distinct<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** A position with names resolved, quotes and sources attached. */
function positionView(data: Dataset, p: Position): TrackerPosition {
  const quotes: TrackerQuote[] = [];
  for (const qid of p.quotes) {
    const q = data.quotes.find((x) => x.id === qid);
    if (!q) continue;
    quotes.push({
      id: q.id,
      text: q.text,
      speakerId: q.speaker,
      speaker: nameOf(data, q.speaker),
      source: sourceRef(data, q.source),
      reported: q.reported,
      ...(q.context ? { context: q.context } : {}),
    });
  }
  return {
    id: p.id,
    type: p.type,
    side: p.side,
    summary: p.summary,
    holders: p.holders.map((id) => ({ id, name: nameOf(data, id) })),
    addressees: p.addressees.map((id) => ({ id, name: nameOf(data, id) })),
    regions: p.regions.map((id) => ({ id, name: nameOf(data, id) })),
    topics: p.topics,
    quotes,
    sources: distinct([...p.sources, ...quotes.map((q) => q.source.id)]).map((id) => sourceRef(data, id)),
  };
}

/** The column keys a position stands under (see the placement rule above). */
export function columnKeysOf(p: Pick<Position, 'regions' | 'topics'>): string[] {
  return p.regions.length > 0 ? p.regions.map((id) => `region:${id}`) : p.topics.map((id) => `topic:${id}`);
}

interface SavedRow {
  row: Omit<TrackerRow, 'id'>;
  items: TrackerSavedItem[];
}

/**
 * The rows the reader's saved items give: bundled actors by id and the reader's own actors, each with its items.
 * Items naming an actor that is in neither (a bundled actor gone from a later data set) are left out.
 */
function savedRows(data: Dataset, reader: ReaderDossier): Map<string, SavedRow> {
  const out = new Map<string, SavedRow>();
  const bundled = new Map(data.actors.map((a) => [a.id, a]));
  const own = new Map(reader.actors.map((a) => [a.id, a]));
  const newestFirst = [...reader.items].sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
  for (const item of newestFirst) {
    let row: Omit<TrackerRow, 'id'> | undefined;
    if (item.actor.type === 'bundled') {
      const a = bundled.get(item.actor.id);
      if (a) row = { name: a.name, role: a.role, side: a.side, kind: a.kind, own: false };
    } else {
      const a = own.get(item.actor.id);
      if (a) row = { name: a.name, role: '', side: READER_GROUP, kind: a.category === 'people' ? 'person' : 'institution', own: true };
    }
    if (!row) continue;
    const entry = out.get(item.actor.id) ?? { row, items: [] };
    const { source, title, site, selector } = item.target;
    entry.items.push({
      id: item.id,
      kind: item.kind,
      text: selector[0].exact,
      ...(item.note ? { note: item.note } : {}),
      href: source,
      title,
      site,
      savedAt: item.savedAt,
      savedOn: item.savedAt.slice(0, 10),
    });
    out.set(item.actor.id, entry);
  }
  return out;
}

/** Everything the filter controls can offer; with the reader's dossier, their actors with saved items too. */
export function trackerOptions(data: Dataset, reader?: ReaderDossier): TrackerOptions {
  const holders = new Set(data.positions.flatMap((p) => p.holders));
  const regionIds = new Set(data.positions.flatMap((p) => p.regions));
  const sides = new Set(data.actors.filter((a) => holders.has(a.id)).map((a) => a.side));
  const saved = reader ? savedRows(data, reader) : new Map<string, SavedRow>();
  for (const { row } of saved.values()) if (row.side !== READER_GROUP) sides.add(row.side);
  return {
    sides: SIDE_ORDER.filter((s) => sides.has(s)).map((value) => ({ value })),
    actors: [
      ...data.actors.filter((a) => holders.has(a.id) || saved.has(a.id)).map((a) => ({ id: a.id, name: a.name })),
      ...[...saved].filter(([, s]) => s.row.own).map(([id, s]) => ({ id, name: s.row.name })),
    ],
    regions: data.regions.filter((r) => regionIds.has(r.id)).map((r) => ({ id: r.id, name: r.name })),
    topics: distinct(data.positions.flatMap((p) => p.topics)).sort(),
    savedTotal: [...saved.values()].reduce((n, s) => n + s.items.length, 0),
  };
}

/** Keep only the filter values the data knows. */
export function sanitizeFilter(options: TrackerOptions, filter: TrackerFilter): TrackerFilter {
  const out: TrackerFilter = {};
  if (filter.side && options.sides.some((s) => s.value === filter.side)) out.side = filter.side;
  if (filter.actor && options.actors.some((a) => a.id === filter.actor)) out.actor = filter.actor;
  if (filter.region && options.regions.some((r) => r.id === filter.region)) out.region = filter.region;
  if (filter.topic && options.topics.includes(filter.topic)) out.topic = filter.topic;
  if (filter.saved === false) out.saved = false;
  return out;
}

/**
 * Build the grid for a filter. With the reader's dossier, what they saved stands beside the bundled positions: a
 * column of its own, in the rows of the actors it is attributed to (a bundled actor's row, or a row in the group of
 * the reader's own actors). Saved items carry no region or topic, so a region or topic filter hides them.
 */
export function buildTracker(data: Dataset, rawFilter: TrackerFilter = {}, reader?: ReaderDossier): TrackerModel {
  const options = trackerOptions(data, reader);
  const filter = sanitizeFilter(options, rawFilter);
  const sideOf = new Map(data.actors.map((a) => [a.id, a.side]));
  // Filtering by side shows the actors of that side and every position they hold (a position held
  // jointly, "Kyiv and its European allies", shows under each side's own actors).
  const holdersOf = (p: Position): string[] =>
    distinct(p.holders).filter((h) => (!filter.side || (sideOf.get(h) ?? 'other') === filter.side) && (!filter.actor || h === filter.actor));
  const shown = data.positions.filter(
    (p) =>
      holdersOf(p).length > 0 &&
      (!filter.region || p.regions.includes(filter.region)) &&
      (!filter.topic || p.topics.includes(filter.topic)),
  );

  const cells = new Map<string, TrackerPosition[]>();
  const rowIds = new Set<string>();
  const columnKeys = new Set<string>();
  const positionCounts = new Map<string, number>();
  for (const p of shown) {
    const view = positionView(data, p);
    const holders = holdersOf(p);
    const keys = columnKeysOf(p).filter((k) => !filter.region || k === `region:${filter.region}`);
    for (const holder of holders) {
      rowIds.add(holder);
      positionCounts.set(holder, (positionCounts.get(holder) ?? 0) + 1);
      for (const key of keys) {
        columnKeys.add(key);
        const list = cells.get(cellKey(holder, key)) ?? [];
        list.push(view);
        cells.set(cellKey(holder, key), list);
      }
    }
  }

  const savedHidden: SavedHiddenReason | undefined =
    options.savedTotal === 0 ? undefined : filter.saved === false ? 'switched-off' : filter.region || filter.topic ? 'region-or-topic' : undefined;
  const savedByRow = new Map<string, TrackerSavedItem[]>();
  const savedRowInfo = new Map<string, Omit<TrackerRow, 'id'>>();
  if (reader && options.savedTotal > 0 && !savedHidden) {
    for (const [id, { row, items }] of savedRows(data, reader)) {
      if (filter.side && row.side !== filter.side) continue;
      if (filter.actor && id !== filter.actor) continue;
      savedByRow.set(id, items);
      savedRowInfo.set(id, row);
      rowIds.add(id);
    }
  }

  // Columns: regions in data order, then topics alphabetically.
  const columns: TrackerColumn[] = [
    ...data.regions
      .filter((r) => columnKeys.has(`region:${r.id}`))
      .map((r) => ({ key: `region:${r.id}`, kind: 'region' as const, id: r.id, label: r.name })),
    ...[...columnKeys]
      .filter((k) => k.startsWith('topic:'))
      .map((k) => k.slice('topic:'.length))
      .sort()
      .map((id) => ({ key: `topic:${id}`, kind: 'topic' as const, id })),
  ];

  // Rows: holders grouped by their side; most positions first, then by name.
  // Rows of actors with only saved items come after those holding positions.
  const rows: TrackerRow[] = [...rowIds].map((id) => {
    const own = savedRowInfo.get(id);
    if (own) return { id, ...own };
    const actor = data.actors.find((a) => a.id === id);
    return {
      id,
      name: actor?.name ?? id,
      role: actor?.role ?? '',
      side: actor?.side ?? 'other',
      kind: actor?.kind ?? 'institution',
      own: false,
    };
  });
  const byCount = (a: TrackerRow, b: TrackerRow) =>
    (positionCounts.get(b.id) ?? 0) - (positionCounts.get(a.id) ?? 0) || a.name.localeCompare(b.name);
  const groupOrder: TrackerSideGroup['side'][] = [...SIDE_ORDER, READER_GROUP];
  const groups: TrackerSideGroup[] = groupOrder
    .map((side) => ({ side, rows: rows.filter((r) => r.side === side).sort(byCount) }))
    .filter((g) => g.rows.length > 0);

  let savedCount = 0;
  for (const items of savedByRow.values()) savedCount += items.length;
  return {
    filter,
    groups,
    columns,
    cell: (rowId, columnKey) => cells.get(cellKey(rowId, columnKey)) ?? [],
    positionCount: shown.length,
    saved: (rowId) => savedByRow.get(rowId) ?? [],
    savedShown: savedByRow.size > 0,
    savedCount,
    ...(savedHidden ? { savedHidden } : {}),
    options,
  };
}

/** The key of a cell in the grid. */
export function cellKey(rowId: string, columnKey: string): string {
  return `${rowId}|${columnKey}`;
}

function disagreementView(data: Dataset, d: Disagreement): DisagreementView {
  return {
    id: d.id,
    kind: d.kind,
    topic: d.topic,
    subjects: d.subjects.map((id) => ({ id, name: nameOf(data, id) })),
    versions: d.versions.map((v) => ({
      value: v.value,
      sources: v.sources.map((id) => sourceRef(data, id)),
      evidence: { text: v.evidence.text, source: sourceRef(data, v.evidence.source) },
    })),
    ...(d.note ? { note: d.note } : {}),
  };
}

/** Every disagreement between the sources, in data order, versions side by side. */
export function disagreementsView(data: Dataset): DisagreementView[] {
  return data.disagreements.map((d) => disagreementView(data, d));
}

/**
 * The disagreements concerning one entity (actor or region id): figures, titles, spellings, dates
 * on which the sources differ, each with its versions side by side and the sources of each version.
 */
export function versionsFor(data: Dataset, entityId: string): DisagreementView[] {
  return data.disagreements.filter((d) => d.subjects.includes(entityId)).map((d) => disagreementView(data, d));
}
