/**
 * The zod schemas of Dossier's bundled data: the only source of its types (`z.infer`).
 * Validation runs at build time (wxt `build:before` hook) and in the tests, never in the content script.
 */
import { z } from 'zod';

/** Lower-case kebab-case identifier, unique within its collection. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case');

/** Languages an alias can be given in. */
export const Lang = z.enum(['en', 'uk', 'ru', 'de', 'fr', 'es', 'it', 'pl', 'fi']);

/** The sides of the talks, for grouping positions. */
export const Side = z.enum(['russia', 'ukraine', 'usa', 'europe', 'other']);

/** A form of a name that the matcher finds in text. */
export const Alias = z.strictObject({
  text: z.string().min(2),
  lang: Lang,
  /** Why this form exists when that is not obvious (a misspelling in a source, a metonym, a shared form). */
  note: z.string().optional(),
  /**
   * A place name standing for the entity (a capital for its state's government): where the text shows the place
   * itself (a dateline, "in Moscow", "the Washington area", an address) it is not a mention (docs/matching.md).
   */
  place: z.literal(true).optional(),
});

/** A verbatim passage of a source that supports a fact in the data. */
export const Evidence = z.strictObject({
  source: Id,
  /** Verbatim substring of the source article (whitespace normalised only). */
  text: z.string().min(3),
});

/** One of the bundled news articles. */
export const Source = z.strictObject({
  id: Id,
  /** File name under assets/articles/. */
  file: z.string().regex(/^[\w.-]+\.txt$/),
  /** The outlet as the text names it, or "unknown". */
  outlet: z.string().min(1),
  /** The headline where the text has one. */
  headline: z.string().optional(),
  /** What the text itself says about when it was published or what happened when (never invented). */
  dateline: z.string().optional(),
  /** Wire services or other outlets the text credits ("With information from Reuters"). */
  credits: z.array(z.string()).default([]),
  /** Byline where the text gives one. */
  byline: z.string().optional(),
  /** Anything a reader should know about this source (boilerplate, unrelated paragraphs appended, ...). */
  notes: z.array(z.string()).default([]),
});

export const ActorKind = z.enum(['person', 'institution', 'state']);

/** A person, institution or state that is a party to, or a voice in, the talks. */
export const Actor = z.strictObject({
  id: Id,
  name: z.string().min(2),
  kind: ActorKind,
  /** The role as the articles give it. */
  role: z.string().min(2),
  /** Which side or country. */
  affiliation: z.string().min(2),
  side: Side,
  aliases: z.array(Alias).min(1),
  /** For institutions and states: the actors who speak for it. */
  spokespeople: z.array(Id).default([]),
  /** The passages that establish name and role. */
  evidence: z.array(Evidence).min(1),
});

/** What one source says about who controls how much of a region. */
export const ControlClaim = z.strictObject({
  /** Who controls it (actor id). */
  holder: Id,
  /** The figure as the source words it ("about 90%", "roughly three-quarters"). */
  figure: z.string().min(1),
  /** Whose estimate it is, when the source says ("according to Russian estimates"). */
  according: z.string().optional(),
  evidence: Evidence,
});

export const RegionKind = z.enum(['country', 'region', 'oblast', 'peninsula', 'city', 'facility']);

/** A territory at stake in the talks. */
export const Region = z.strictObject({
  id: Id,
  name: z.string().min(2),
  kind: RegionKind,
  description: z.string().min(2),
  aliases: z.array(Alias).min(1),
  /** Regions this one is made of. */
  parts: z.array(Id).default([]),
  control: z.array(ControlClaim).default([]),
  evidence: z.array(Evidence).min(1),
});

export const PositionType = z.enum(['demand', 'condition', 'refusal', 'proposal', 'warning', 'claim', 'concern']);

/** A demand, condition, refusal, proposal or warning reported by the sources. */
export const Position = z.strictObject({
  id: Id,
  type: PositionType,
  side: Side,
  /** Who holds it (actor ids). */
  holders: z.array(Id).min(1),
  /** Of whom it is demanded / to whom it is addressed (actor ids). */
  addressees: z.array(Id).default([]),
  /** A short neutral summary. */
  summary: z.string().min(5),
  /** Topic tags for the positions tracker (territory, security-guarantees, sanctions, ...). */
  topics: z.array(Id).min(1),
  regions: z.array(Id).default([]),
  quotes: z.array(Id).default([]),
  evidence: z.array(Evidence).min(1),
  sources: z.array(Id).min(1),
});

/** A direct quotation attributed to a person or institution. */
export const Quote = z.strictObject({
  id: Id,
  speaker: Id,
  /** Other actors the source says spoke jointly with `speaker` ("U.S. and Ukrainian negotiators announced"). */
  coSpeakers: z.array(Id).optional(),
  /** Verbatim, without the enclosing quotation marks. */
  text: z.string().min(2),
  source: Id,
  /** The sentence of the source it stands in, verbatim. */
  sentence: z.string().min(2),
  /** When, to whom or where it was said, as the source tells it. */
  context: z.string().optional(),
  /** Whether the source reports it as second-hand ("reportedly", "according to ..."). */
  reported: z.boolean().default(false),
});

/** Where sources give different figures or facts, or one gets a name or title wrong. */
export const Disagreement = z.strictObject({
  id: Id,
  kind: z.enum(['figure', 'spelling', 'title', 'date', 'fact', 'count']),
  topic: z.string().min(3),
  /** Entities concerned (actor or region ids). */
  subjects: z.array(Id).min(1),
  versions: z
    .array(
      z.strictObject({
        value: z.string().min(1),
        sources: z.array(Id).min(1),
        evidence: Evidence,
      }),
    )
    .min(2),
  note: z.string().optional(),
});

/** A quoted passage in a source that is deliberately not a Quote, with the reason. */
export const Omission = z.strictObject({
  source: Id,
  text: z.string().min(1),
  reason: z.string().min(5),
});

/**
 * A phrase that contains an alias but names something else, so it is never a mention: an outlet named after a
 * city ("The Moscow Times" is a newspaper, not the Russian government that "Moscow" stands for). The matcher finds
 * it like an alias, so leftmost-longest consumes it whole, then drops it.
 */
export const NotMention = z.strictObject({
  /** The phrase as written (case-sensitive, like aliases; its all-caps form is blocked too). */
  text: z.string().min(3),
  /** What it names instead. */
  reason: z.string().min(5),
  /** Where a bundled article uses it (required when one does): a verbatim passage containing the phrase. */
  evidence: Evidence.optional(),
});

/** A list of words, each written once (compared case-insensitively where docs/matching.md says so). */
const Words = z.array(z.string().min(1)).min(1);

/**
 * The words the matcher's context rules read (docs/matching.md, "Names inside other names" and "Places"): data, so
 * that a reader can see and extend them, not code.
 */
export const NameContexts = z.strictObject({
  /** Capitalised words that, right after a name, make it part of a longer name: "Washington Post", "Trump Tower", "USA Today". */
  nameHeads: Words,
  /** Capitalised words that, right after a place name, make it the name of something there: "Washington State", "Moscow Metro". */
  placeHeads: Words,
  /** Capitalised words that, followed by "of", make a name of what follows: "University of Washington". */
  headsOf: Words,
  /**
   * Capitalised words that may stand right before a name without being part of it: sentence starts, function words,
   * titles ("But Washington", "President Trump"). Any other capitalised word before a place or a surname joins it.
   */
  freeBefore: Words,
  /** Words before a place name that show the place itself: "in", "near", "east of", "в". */
  placeBefore: Words,
  /** Words after a place name that show the place itself: "area", "region", "suburbs". */
  placeAfter: Words,
  /** Words after a short code (US, EU) that make it a product's region: "EU release". */
  codeAfter: Words,
  /** Language names before a code in parentheses: a locale, "English (US)". */
  languages: Words,
});

export const Dataset = z.strictObject({
  /** The date of the curation, `YYYY.MM.DD`. */
  version: z.string().min(1),
  /** A short phrase for the period the texts cover (shown after the version); never a date or year the texts do not give. */
  asOf: z.string().min(4),
  sources: z.array(Source).min(1),
  actors: z.array(Actor),
  regions: z.array(Region),
  positions: z.array(Position),
  quotes: z.array(Quote),
  disagreements: z.array(Disagreement),
  omissions: z.array(Omission).default([]),
  /** Aliases deliberately shared by more than one entity, with how the matcher resolves them. */
  sharedAliases: z
    .array(z.strictObject({ text: z.string(), entities: z.array(Id).min(2), resolution: z.string().min(5) }))
    .default([]),
  /**
   * Phrases that contain an alias but are not mentions (outlet names): matched as blockers that emit nothing.
   * Optional (not defaulted) so that small hand-written data sets in tests need not list any.
   */
  notMentions: z.array(NotMention).optional(),
  /** The words the matcher's context rules read. Optional for small hand-written data sets in tests. */
  nameContexts: NameContexts.optional(),
});

export type Lang = z.infer<typeof Lang>;
export type Side = z.infer<typeof Side>;
export type Alias = z.infer<typeof Alias>;
export type Evidence = z.infer<typeof Evidence>;
export type Source = z.infer<typeof Source>;
export type Actor = z.infer<typeof Actor>;
export type ActorKind = z.infer<typeof ActorKind>;
export type Region = z.infer<typeof Region>;
export type ControlClaim = z.infer<typeof ControlClaim>;
export type Position = z.infer<typeof Position>;
export type Quote = z.infer<typeof Quote>;
export type Disagreement = z.infer<typeof Disagreement>;
export type Omission = z.infer<typeof Omission>;
export type NotMention = z.infer<typeof NotMention>;
export type NameContexts = z.infer<typeof NameContexts>;
/** The validated data set (defaults applied). */
export type Dataset = z.infer<typeof Dataset>;
/** The data set as written in source, before defaults. */
export type DatasetInput = z.input<typeof Dataset>;

// Categories live in ./categories so that page code can use them without loading zod.
export type { Category } from './categories';
