/**
 * Pure builders for the popover's card: from the data set and a mention to a plain model the components render.
 * No DOM and no extension APIs, so every rule about what a card says is tested in Node. The background runs the
 * builder (`getCard`) and the popover on the page renders its JSON: the content script never carries the data set.
 *
 * "Appears in N of M sources" counts the sources that name the entity: those with a verbatim excerpt in the data
 * (any evidence or quoted sentence, whatever it supports) where the page matcher finds it, plus those the data cites for
 * the entity itself (its evidence, its quotes, a region's control claims). Not disagreements: one about "the regions
 * Russia claims" lists them all as subjects, though most sources name only some. The article texts are not
 * bundled in the content script, so this is a lower bound of alias occurrences in the articles — see docs/popover.md.
 */
import type {
  Actor,
  ActorKind,
  Dataset,
  Disagreement,
  Position,
  Quote,
  Region,
} from '../data/schema';
import type { QuoteMatch } from './quote-matcher';
import { positionTypeRank } from './domain-order';
import { excerptAnchor } from './excerpts';
import { sourcePassages, sourcesMentioning } from './sources-mentioning';
import { sourceName, type SourceName } from './labels';
import { quoteLabel } from './page-data';

/** Demand, condition, refusal, ... */
export type PositionType = Position['type'];
/** Country, region, oblast, ... */
export type RegionKind = Region['kind'];

/** The part of a matcher Mention the card needs (the real `Mention` from src/core/matcher satisfies it). */
export interface MentionRef {
  /** Entity id (actor, region or quote). */
  id: string;
  /** The text as it stands on the page. */
  text: string;
  /** The alias that matched; a string, or the data's Alias object. */
  alias: string | { text: string };
  /** For a known quotation (a QuoteMention from src/content/block-quotes): how the page words it. */
  match?: QuoteMatchRef;
}

/** The part of a quote match the card needs (src/core/quote-matcher's QuoteMatch satisfies it). */
export type QuoteMatchRef = Pick<QuoteMatch, 'exact' | 'diff' | 'coverage'>;

/**
 * One run of the wording line. `same`: words the page and the source share (as the page writes them);
 * `removed`: the source's words the page leaves out or replaced; `added`: the page's words the source does not have.
 */
export interface WordingRun {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** How the page's wording of a known quotation compares with the source's, ready to render. */
export interface QuoteWording {
  /** Word for word the source's quotation (case and punctuation aside). */
  exact: boolean;
  /** Some words differ: the runs show which. */
  reworded: boolean;
  /** "Exact wording", "Worded differently on this page", or "Same words as the source" (a part of it, unchanged). */
  label: string;
  /** Share of the quotation's words the page gives, in whole percent (1–99 when partial, else 100). */
  percent: number;
  /** "Part of the quotation (62 %)" when the page gives only part of it. */
  partial?: string;
  /** The source's wording with the page's changes: empty unless reworded. */
  runs: WordingRun[];
}

/** A link to one source, labelled the way a reader knows it. */
export interface SourceRef {
  id: string;
  /** "Reuters", or the wire the text credits when the outlet is unknown (the interface words it). */
  outlet: SourceName;
  /** The anchor in the source card page to jump to (a quote or evidence excerpt), when there is one. */
  anchor?: string;
}

/** A person or institution mentioned on a card, with its role. */
export interface ActorRef {
  id: string;
  name: string;
  role: string;
}

/** One position (demand, condition, ...) as a card line. */
export interface PositionItem {
  id: string;
  type: PositionType;
  /** "Demand", "Condition", ... */
  summary: string;
  /** Who holds it, by name. */
  holders: string[];
  /** Of whom it is asked, by name. */
  addressees: string[];
  /** Regions concerned, by name. */
  regions: string[];
  sources: SourceRef[];
}

/** A verbatim quotation with where it comes from. */
export interface QuoteItem {
  id: string;
  /** Verbatim, without quotation marks (the component adds them). */
  text: string;
  /** Who said it, by name ("A and B" when the source says they spoke jointly). */
  speaker: string;
  /** Said jointly by several actors (the card then names them all). */
  joint: boolean;
  context?: string;
  /** The source reports it second-hand. */
  reported: boolean;
  source: SourceRef;
}

/** One source's figure in a control claim or a disagreement. */
export interface FigureItem {
  value: string;
  /** "according to Russian estimates", when the source says whose estimate it is. */
  according?: string;
  sources: SourceRef[];
}

/** What the sources say about how much of a region one actor controls. */
export interface ControlGroup {
  holder: string;
  figures: FigureItem[];
  /** The sources give different figures. */
  differs: boolean;
  /** The data's note on the disagreement, when it records one. */
  note?: string;
}

/** A recorded disagreement between sources: its versions, shown side by side, each with the outlets that give it. */
export interface DisagreementItem {
  id: string;
  /** figure, spelling, title, date, fact, count. */
  kind: Disagreement['kind'];
  topic: string;
  versions: FigureItem[];
  note?: string;
}

/** What every card has. */
interface CardBase {
  entityId: string;
  title: string;
  /** The alias that matched, for "Why is this highlighted?". */
  matchedAlias: string;
  /** The text on the page. */
  matchedText: string;
  /** "Why is this highlighted?": what the matched text is in Dossier’s data (a name, or a known quotation). */
  why: string;
  appearsIn: { count: number; total: number };
  /** Which data this is (see dataLine); null on the cards of the reader's own dossier, which is not Dossier's data. */
  footer: DataLine | null;
}

/** Card for a person, institution or state. */
export interface ActorCard extends CardBase {
  kind: 'actor';
  actorKind: ActorKind;
  role: string;
  affiliation: string;
  /** Positions it holds, most reported first. */
  positions: PositionItem[];
  /** Positions addressed to it (what is asked of it). */
  askedOf: PositionItem[];
  quotes: QuoteItem[];
  /** For institutions and states: who speaks for it. */
  spokespeople: ActorRef[];
  /** For people: the institutions or states they speak for. */
  speaksFor: ActorRef[];
  /** Where the sources differ about it (its title, the spelling of its name, a fact): versions side by side. */
  disagreements: DisagreementItem[];
}

/** Card for a region. */
export interface RegionCard extends CardBase {
  kind: 'region';
  regionKind: RegionKind;
  description: string;
  /** Regions it is made of, by name. */
  parts: string[];
  /** Regions it belongs to, by name. */
  partOf: string[];
  positions: PositionItem[];
  control: ControlGroup[];
  disagreements: DisagreementItem[];
}

/** Card for a known quotation found on the page. */
export interface QuoteCard extends CardBase {
  kind: 'quote';
  quote: QuoteItem;
  speaker: ActorRef | undefined;
  /** Every bundled source that carries this quotation (the same words, recorded once per source). */
  carriedBy: SourceRef[];
  /** How the page words it; absent when the mention carries no match. */
  wording?: QuoteWording;
}

/**
 * Card for a quotation the reader saved, found on another page. It carries only the saved item's id and the
 * comparison: the text, the site and the date are the reader's own and are read from extension storage by the
 * part of the card that draws them in a closed shadow root (src/ui/reader-dossier/saved-quotation.tsx).
 */
export interface SavedQuoteCard extends CardBase {
  kind: 'saved-quote';
  itemId: string;
  /** How the page words it compared with what was saved. */
  wording?: QuoteWording;
}

/** Card for an actor the reader created: its items are read from extension storage where the card draws them. */
export interface ReaderActorCard extends CardBase {
  kind: 'reader-actor';
  category: 'people' | 'organisations';
}

/** Everything the popover shows for one mention. */
export type CardModel = ActorCard | RegionCard | QuoteCard | SavedQuoteCard | ReaderActorCard;


/**
 * Which data this is and what period it covers, for the card's footer and the source card's line (the interface
 * words it). `curated` when `version` is the curation date (2026.11.24), which is not the date of the news; `asOf`
 * says what the texts cover, in the data's own words ("five undated reports; one date given: November 23, no
 * year"), or is a date (`asOfIsDate`).
 */
export interface DataLine {
  version: string;
  curated: boolean;
  asOf: string;
  asOfIsDate: boolean;
}

/** The data set's DataLine. */
export function dataLine(data: Pick<Dataset, 'version' | 'asOf'>): DataLine {
  return { version: data.version, curated: /^\d{4}\.\d{2}\.\d{2}$/.test(data.version), asOf: data.asOf, asOfIsDate: /^\d{4}-\d{2}/.test(data.asOf) };
}

/** Most relevant first: reported by more sources, then demands before claims, then data order (stable sort). */
export function rankPositions(positions: Position[]): Position[] {
  return [...positions].sort(
    (a, b) => distinct(b.sources).length - distinct(a.sources).length || positionTypeRank(a.type) - positionTypeRank(b.type),
  );
}

function distinct<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/**
 * Compares the page's wording of a quotation with the source's. Without a match (nothing known about the page's
 * wording) there is nothing to say. Words are compared as the matcher does (case and punctuation ignored), so a
 * page that only changes a comma or the quotation marks has the exact wording.
 */
export function quoteWording(match?: QuoteMatchRef): QuoteWording | undefined {
  if (!match) return undefined;
  const reworded = !match.exact && match.diff.some((d) => d.op !== 'same');
  const whole = match.exact || match.coverage >= 1;
  // Never round a part up to "100 %" or down to "0 %": the reader is told it is a part.
  const percent = whole ? 100 : Math.min(99, Math.max(1, Math.round(match.coverage * 100)));
  const runs: WordingRun[] = reworded
    ? match.diff.filter((d) => d.text.length > 0).map((d) => ({ op: d.op, text: d.text }))
    : [];
  return {
    exact: match.exact,
    reworded,
    label: match.exact ? 'Exact wording' : reworded ? 'Worded differently on this page' : 'Same words as the source',
    percent,
    ...(whole ? {} : { partial: `Part of the quotation (${percent}\u00a0%)` }),
    runs,
  };
}

/** A quotation's words for comparing records: case, punctuation and quotation marks aside. */
function quoteKey(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** The speaker and, where the schema records them, those the source says spoke jointly with them. */
function speakersOf(q: Quote): string[] {
  const co = (q as Quote & { coSpeakers?: string[] }).coSpeakers ?? [];
  return [q.speaker, ...co.filter((id) => id !== q.speaker)];
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function aliasText(alias: MentionRef['alias']): string {
  return typeof alias === 'string' ? alias : alias.text;
}

/** Builds card models for one data set; the lookups are indexed once, so a hover costs a few map reads. */
export function createCardBuilder(data: Dataset): (mention: MentionRef) => CardModel | null {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const regions = new Map(data.regions.map((r) => [r.id, r]));
  const quotes = new Map(data.quotes.map((q) => [q.id, q]));
  const total = data.sources.length;
  const footer = dataLine(data);
  // The sources whose passages name each entity, found once by the page matcher: a card and a page agree on what
  // counts as naming someone.
  const mentionedIn = sourcesMentioning(data, sourcePassages(data));
  const namedIn = (id: string): string[] => [...(mentionedIn.get(id) ?? [])];

  const src = (id: string, anchor?: string): SourceRef => ({
    id,
    outlet: sourceName(sources.get(id)),
    ...(anchor ? { anchor } : {}),
  });
  const nameOf = (id: string): string => actors.get(id)?.name ?? regions.get(id)?.name ?? id;
  const actorRef = (a: Actor): ActorRef => ({ id: a.id, name: a.name, role: a.role });

  const positionItem = (p: Position): PositionItem => ({
    id: p.id,
    type: p.type,
    summary: p.summary,
    holders: p.holders.map(nameOf),
    addressees: p.addressees.map(nameOf),
    regions: p.regions.map(nameOf),
    sources: distinct(p.sources).map((id) => {
      const ev = p.evidence.find((e) => e.source === id);
      return src(id, ev ? excerptAnchor(ev.text) : undefined);
    }),
  });

  const quoteItem = (q: Quote): QuoteItem => ({
    id: q.id,
    text: q.text,
    speaker: joinNames(speakersOf(q).map(nameOf)),
    joint: speakersOf(q).length > 1,
    ...(q.context ? { context: q.context } : {}),
    reported: q.reported,
    source: src(q.source, excerptAnchor(q.sentence)),
  });

  const disagreementItem = (d: Disagreement): DisagreementItem => ({
    id: d.id,
    kind: d.kind,
    topic: d.topic,
    versions: d.versions.map((v) => ({
      value: v.value,
      sources: v.sources.map((id) => src(id, id === v.evidence.source ? excerptAnchor(v.evidence.text) : undefined)),
    })),
    ...(d.note ? { note: d.note } : {}),
  });

  const base = (id: string, title: string, mention: MentionRef, sourceIds: Iterable<string>, speaker?: string): CardBase => ({
    entityId: id,
    title,
    matchedAlias: aliasText(mention.alias),
    matchedText: mention.text,
    why: whyHighlighted(aliasText(mention.alias), mention.text, title, speaker),
    appearsIn: { count: distinct(sourceIds).filter((s) => sources.has(s)).length, total },
    footer,
  });

  function actorCard(actor: Actor, mention: MentionRef): ActorCard {
    const held = rankPositions(data.positions.filter((p) => p.holders.includes(actor.id)));
    const askedOf = rankPositions(
      data.positions.filter((p) => p.addressees.includes(actor.id) && !p.holders.includes(actor.id)),
    );
    const own = data.quotes.filter((q) => speakersOf(q).includes(actor.id));
    // Quotes attached to positions the institution holds speak for it, even when the speaker is a person.
    const forIt = actor.kind === 'person' ? [] : held.flatMap((p) => p.quotes);
    const spokesIds = distinct([
      ...actor.spokespeople,
      ...forIt.map((id) => quotes.get(id)?.speaker).filter((s): s is string => !!s && s !== actor.id),
    ]);
    const speaksFor = data.actors.filter((a) => a.spokespeople.includes(actor.id));
    const disputed = data.disagreements.filter((d) => d.subjects.includes(actor.id));
    return {
      kind: 'actor',
      ...base(actor.id, actor.name, mention, [
        ...actor.evidence.map((e) => e.source),
        ...own.map((q) => q.source),
        ...namedIn(actor.id),
      ]),
      actorKind: actor.kind,
      role: actor.role,
      affiliation: actor.affiliation,
      positions: held.map(positionItem),
      askedOf: askedOf.map(positionItem),
      quotes: own.map(quoteItem),
      spokespeople: spokesIds.map((id) => actors.get(id)).filter((a): a is Actor => !!a).map(actorRef),
      speaksFor: speaksFor.map(actorRef),
      disagreements: disputed.map(disagreementItem),
    };
  }

  function regionCard(region: Region, mention: MentionRef): RegionCard {
    const concerning = rankPositions(data.positions.filter((p) => p.regions.includes(region.id)));
    const disputed = data.disagreements.filter((d) => d.subjects.includes(region.id));
    const partOf = data.regions.filter((r) => r.parts.includes(region.id));

    // Group control claims by holder; different figures from different sources are a disagreement in themselves.
    const byHolder = new Map<string, Region['control']>();
    for (const c of region.control) byHolder.set(c.holder, [...(byHolder.get(c.holder) ?? []), c]);
    const covered = new Set<string>();
    const control: ControlGroup[] = [...byHolder].map(([holder, claims]) => {
      const figures: FigureItem[] = claims.map((c) => ({
        value: c.figure,
        ...(c.according ? { according: c.according } : {}),
        sources: [src(c.evidence.source, excerptAnchor(c.evidence.text))],
      }));
      const differs = distinct(claims.map((c) => c.figure.trim().toLowerCase())).length > 1;
      const claimSources = new Set(claims.map((c) => c.evidence.source));
      // A figure disagreement over exactly these sources is the same story: show its note here, not twice.
      const same = differs
        ? disputed.find(
            (d) => d.kind === 'figure' && d.versions.every((v) => v.sources.every((s) => claimSources.has(s))),
          )
        : undefined;
      if (same) covered.add(same.id);
      return { holder: nameOf(holder), figures, differs, ...(same?.note ? { note: same.note } : {}) };
    });

    return {
      kind: 'region',
      ...base(region.id, region.name, mention, [
        ...region.evidence.map((e) => e.source),
        ...region.control.map((c) => c.evidence.source),
        ...namedIn(region.id),
      ]),
      regionKind: region.kind,
      description: region.description,
      parts: region.parts.map(nameOf),
      partOf: partOf.map((r) => r.name),
      positions: concerning.map(positionItem),
      control,
      disagreements: disputed.filter((d) => !covered.has(d.id)).map(disagreementItem),
    };
  }

  function quoteCard(q: Quote, mention: MentionRef): QuoteCard {
    const speaker = actors.get(q.speaker);
    // The data records a quotation once per source that carries it: the same words under another id.
    const key = quoteKey(q.text);
    const carriers = [q, ...data.quotes.filter((o) => o !== q && o.source !== q.source && quoteKey(o.text) === key)];
    const carriedBy: SourceRef[] = [];
    for (const c of carriers) {
      if (!carriedBy.some((s) => s.id === c.source)) carriedBy.push(src(c.source, excerptAnchor(c.sentence)));
    }
    const wording = quoteWording(mention.match);
    return {
      kind: 'quote',
      ...base(q.id, quoteLabel(speaker?.name), mention, carriedBy.map((s) => s.id), speaker?.name ?? 'an unnamed speaker'),
      quote: quoteItem(q),
      speaker: speaker ? actorRef(speaker) : undefined,
      carriedBy,
      ...(wording ? { wording } : {}),
    };
  }

  return (mention) => {
    const actor = actors.get(mention.id);
    if (actor) return actorCard(actor, mention);
    const region = regions.get(mention.id);
    if (region) return regionCard(region, mention);
    const quote = quotes.get(mention.id);
    if (quote) return quoteCard(quote, mention);
    return null;
  };
}

/**
 * The card's "Why is this highlighted?" line: a name says whose name it is; a quotation says whose words it is
 * (never that “impossible” is a name of Volodymyr Zelensky).
 */
export function whyHighlighted(alias: string, text: string, title: string, speaker?: string): string {
  if (speaker !== undefined) return `The page quotes words of ${speaker} that Dossier’s data records.`;
  return text === alias ? `“${alias}” is a name of ${title} in Dossier’s data.` : `“${text}” matches “${alias}”, a name of ${title} in Dossier’s data.`;
}
