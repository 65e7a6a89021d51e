/**
 * What the popup says about a page: from the data set and the entities found on the page (with
 * their mention counts), who is on it, which regions and what is demanded about them, which
 * positions are in play and which known positions the page leaves out; plus the briefing, the
 * state of the talks grouped by side. Pure: no DOM, no extension APIs.
 */
import type { Actor, ActorKind, Category, Dataset, Position, Region, Side } from '../data/schema';
import { positionTypeRank, SIDE_ORDER } from './domain-order';

type PositionType = Position['type'];

/** How often one entity occurs on the page (ids not in the data set are ignored). */
export interface EntityCount {
  id: string;
  count: number;
}

/** A named reference to an actor or region. */
export interface EntityRef {
  id: string;
  name: string;
  /** Whether the page mentions it. */
  onPage: boolean;
}

/** A position as the popup shows it. */
export interface PositionBrief {
  id: string;
  type: PositionType;
  side: Side;
  summary: string;
  holders: EntityRef[];
  addressees: EntityRef[];
  regions: EntityRef[];
  topics: string[];
  /** How many distinct sources report it. */
  sourceCount: number;
  /** Sum of the page's mention counts of the entities it involves (0 when the page mentions none). */
  weight: number;
}

/** An actor found on the page. */
export interface ActorFound {
  id: string;
  name: string;
  kind: ActorKind;
  category: Category;
  role: string;
  affiliation: string;
  side: Side;
  count: number;
  /** The position of this actor most relevant to the page's topics; null when the data has none. */
  mainPosition: PositionBrief | null;
}

/** A region found on the page, with the positions about it. */
export interface RegionFound {
  id: string;
  name: string;
  kind: Region['kind'];
  description: string;
  count: number;
  /** Who controls how much of it, according to the sources. */
  control: { holder: string; figure: string; according?: string }[];
  /** Positions about this region or a region it belongs to or contains; demands and conditions first. */
  positions: PositionBrief[];
}

/** The summary of one page. */
export interface PageSummary {
  /** Number of mentions of actors and regions. */
  total: number;
  /** Number of distinct actors and regions. */
  distinct: number;
  actors: ActorFound[];
  regions: RegionFound[];
  /**
   * Positions held by, addressed to, or about a person, institution or region on the page (a state
   * alone is not enough); most involved first.
   */
  inPlay: PositionBrief[];
  /** Known positions that involve nothing on the page, in briefing order. */
  notMentioned: PositionBrief[];
  /** Topics of the positions in play, heaviest first. */
  topics: string[];
}

/** One side of the talks in the briefing. */
export interface BriefingSide {
  side: Side;
  positions: PositionBrief[];
}

// Kept local rather than importing categoryOfActor: schema.ts carries full zod at runtime, which
// must stay out of the extension bundles (web-ext lint reports full zod's `Function` probe as DANGEROUS_EVAL).
function categoryOf(kind: ActorKind): Category {
  return kind === 'person' ? 'people' : 'organisations';
}


type DataView = Pick<Dataset, 'actors' | 'regions' | 'positions'>;

/** Lookups shared by the summary and the briefing. */
function indexData(data: DataView, counts: ReadonlyMap<string, number>) {
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const regions = new Map(data.regions.map((r) => [r.id, r]));
  const ref = (id: string): EntityRef => ({
    id,
    name: actors.get(id)?.name ?? regions.get(id)?.name ?? id,
    onPage: counts.has(id),
  });
  // A region is concerned by positions about itself, about every region it belongs to (a demand about
  // Donbas is in play on a page about Donetsk or Mariupol) and about its direct parts, except for a
  // whole country, whose parts would pull in nearly every position.
  const parentsOf = new Map<string, string[]>();
  for (const r of data.regions) for (const part of r.parts) parentsOf.set(part, [...(parentsOf.get(part) ?? []), r.id]);
  const relatedRegions = (id: string): string[] => {
    const out = new Set([id]);
    const stack = [...(parentsOf.get(id) ?? [])];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      if (out.has(parent)) continue;
      out.add(parent);
      stack.push(...(parentsOf.get(parent) ?? []));
    }
    const r = regions.get(id);
    if (r && r.kind !== 'country') for (const part of r.parts) out.add(part);
    return [...out];
  };
  // The inverse: which regions, when a page mentions them, put a position about region P in play.
  const concernedBy = new Map<string, Set<string>>();
  for (const r of data.regions) {
    for (const p of relatedRegions(r.id)) {
      const set = concernedBy.get(p) ?? new Set<string>();
      set.add(r.id);
      concernedBy.set(p, set);
    }
  }
  const involved = (p: Position) =>
    new Set([...p.holders, ...p.addressees, ...p.regions.flatMap((id) => [id, ...(concernedBy.get(id) ?? [])])]);
  const brief = (p: Position): PositionBrief => {
    let weight = 0;
    for (const id of involved(p)) weight += counts.get(id) ?? 0;
    return {
      id: p.id,
      type: p.type,
      side: p.side,
      summary: p.summary,
      holders: p.holders.map(ref),
      addressees: p.addressees.map(ref),
      regions: p.regions.map(ref),
      topics: [...p.topics],
      sourceCount: new Set(p.sources).size,
      weight,
    };
  };
  return { actors, regions, brief, involved, relatedRegions };
}

/** Briefing order within a side: most sources first, then the data set's order. */
function byCorroboration(a: PositionBrief & { index: number }, b: PositionBrief & { index: number }): number {
  return b.sourceCount - a.sourceCount || a.index - b.index;
}

/** The state of the talks: every position grouped by side (sides without positions are left out). */
export function buildBriefing(data: DataView): BriefingSide[] {
  const { brief } = indexData(data, new Map());
  const all = data.positions.map((p, index) => ({ ...brief(p), index }));
  return SIDE_ORDER.map((side) => ({
    side,
    positions: all
      .filter((p) => p.side === side)
      .sort(byCorroboration)
      .map(({ index: _index, ...p }) => p),
  })).filter((s) => s.positions.length > 0);
}

/** Summarises a page from the entities found on it. */
export function summarizePage(data: DataView, found: readonly EntityCount[]): PageSummary {
  const known = new Set([...data.actors.map((a) => a.id), ...data.regions.map((r) => r.id)]);
  const counts = new Map<string, number>();
  for (const { id, count } of found) {
    if (!known.has(id) || !(count > 0)) continue;
    counts.set(id, (counts.get(id) ?? 0) + count);
  }
  const { actors, regions, brief, involved, relatedRegions } = indexData(data, counts);
  const firstSeen = new Map([...counts.keys()].map((id, i) => [id, i]));
  const byCount = (a: { id: string; count: number }, b: { id: string; count: number }) =>
    b.count - a.count || firstSeen.get(a.id)! - firstSeen.get(b.id)!;

  const briefs = data.positions.map((p, index) => ({ p, b: brief(p), index }));
  // Nearly every article names Russia and Ukraine, and the states hold most positions: a state alone
  // does not put a position in play; a person, an institution or a region it involves must be on the page.
  const specific = (id: string) => counts.has(id) && actors.get(id)?.kind !== 'state';
  const inPlayAll = briefs.filter(({ p }) => [...involved(p)].some(specific));
  const inPlay = [...inPlayAll].sort((x, y) => y.b.weight - x.b.weight || x.index - y.index).map((x) => x.b);
  const inPlayIds = new Set(inPlay.map((p) => p.id));

  // The page's topics, weighted by how much of the page the positions carrying them involve.
  const topicWeight = new Map<string, number>();
  for (const { b } of inPlayAll) for (const t of b.topics) topicWeight.set(t, (topicWeight.get(t) ?? 0) + b.weight);
  const topics = [...topicWeight.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);

  // An actor's positions: those it holds; failing that, those of whom it speaks for or who speak for it.
  const spokenFor = new Map<string, string[]>();
  for (const a of data.actors) for (const s of a.spokespeople) spokenFor.set(s, [...(spokenFor.get(s) ?? []), a.id]);
  const positionsOf = (a: Actor) => {
    const own = briefs.filter(({ p }) => p.holders.includes(a.id));
    if (own.length > 0) return own;
    const related = new Set([...a.spokespeople, ...(spokenFor.get(a.id) ?? [])]);
    return briefs.filter(({ p }) => p.holders.some((h) => related.has(h)));
  };
  // Mean rather than sum, so a position is not favoured for carrying more topic tags.
  const relevance = (b: PositionBrief) => b.topics.reduce((sum, t) => sum + (topicWeight.get(t) ?? 0), 0) / Math.max(1, b.topics.length);
  const mainPosition = (a: Actor): PositionBrief | null => {
    const ranked = positionsOf(a).sort(
      (x, y) =>
        // First how much of this page the position involves, then how central its topics are here.
        y.b.weight - x.b.weight || relevance(y.b) - relevance(x.b) || y.b.sourceCount - x.b.sourceCount || x.index - y.index,
    );
    return ranked[0]?.b ?? null;
  };

  const actorsFound: ActorFound[] = [...counts.entries()]
    .flatMap(([id, count]) => {
      const a = actors.get(id);
      if (!a) return [];
      return [{ id, name: a.name, kind: a.kind, category: categoryOf(a.kind), role: a.role, affiliation: a.affiliation, side: a.side, count, mainPosition: mainPosition(a) }];
    })
    .sort(byCount);

  const regionsFound: RegionFound[] = [...counts.entries()]
    .flatMap(([id, count]) => {
      const r = regions.get(id);
      if (!r) return [];
      const related = new Set(relatedRegions(id));
      const about = briefs
        .filter(({ p }) => p.regions.some((x) => related.has(x)))
        .sort(
          (x, y) =>
            Number(!x.p.regions.includes(id)) - Number(!y.p.regions.includes(id)) ||
            positionTypeRank(x.p.type) - positionTypeRank(y.p.type) ||
            x.index - y.index,
        )
        .map((x) => x.b);
      return [
        {
          id,
          name: r.name,
          kind: r.kind,
          description: r.description,
          count,
          control: r.control.map((c) => ({
            holder: actors.get(c.holder)?.name ?? c.holder,
            figure: c.figure,
            ...(c.according ? { according: c.according } : {}),
          })),
          positions: about,
        },
      ];
    })
    .sort(byCount);

  const notMentioned = buildBriefing(data).flatMap((s) => s.positions.filter((p) => !inPlayIds.has(p.id)));
  let total = 0;
  for (const c of counts.values()) total += c;
  return { total, distinct: counts.size, actors: actorsFound, regions: regionsFound, inPlay, notMentioned, topics };
}
