/**
 * Validation of the data set: the zod schema first, then the integrity rules zod cannot express (docs/data.md):
 * every reference resolves, every excerpt is verbatim in its article, aliases are unambiguous, no entity is an
 * orphan, every entity is mentioned in some article. Every problem names the path of the bad field, e.g.
 * `positions[3].regions[1]: unknown region "donbass"`.
 *
 * Runs at build time (the WXT `build:before` hook calls `validateDatasetOrThrow`), in `npm run data:export` and
 * in the tests; never in the content script (it imports full zod).
 */
import { findQuotations } from '../core/quotation-finder';
import { aliasKey, foldKey } from '../core/normalize';
import { Dataset as DatasetSchema, type Alias, type Dataset, type Evidence } from '../data/schema';

/** One problem found in the data set. */
export interface ValidationIssue {
  /** Path of the bad field, e.g. `positions[3].regions[1]`; empty for the data set as a whole. */
  path: string;
  message: string;
}

/** The article texts, by file name under assets/articles/. */
export type ArticleTexts = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** Outcome of `validateDataset`. */
export type ValidationResult = { ok: true; data: Dataset; issues: [] } | { ok: false; issues: ValidationIssue[] };

/** `['positions', 3, 'regions', 1]` → `positions[3].regions[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Whitespace runs (line breaks, no-break spaces, ...) become one space: the only normalisation "verbatim" allows. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One line per issue: `path: message`. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
}

/** Parse `input` with the schema, then check integrity against the article texts. */
export function validateDataset(input: unknown, articles: ArticleTexts): ValidationResult {
  const parsed = DatasetSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const issues = checkIntegrity(parsed.data, articles);
  return issues.length === 0 ? { ok: true, data: parsed.data, issues: [] } : { ok: false, issues };
}

/**
 * Validate and return the parsed data set, or throw an Error whose message lists every bad field's path, one
 * per line. Used by the build hook and `npm run data:export`.
 */
export function validateDatasetOrThrow(input: unknown, articles: ArticleTexts): Dataset {
  const result = validateDataset(input, articles);
  if (result.ok) return result.data;
  const n = result.issues.length;
  throw new Error(`Dossier data set is invalid (${n} problem${n === 1 ? '' : 's'}):\n${formatIssues(result.issues)}`);
}

function articleMap(articles: ArticleTexts): Map<string, string> {
  return articles instanceof Map ? new Map(articles) : new Map(Object.entries(articles as Record<string, string>));
}

/** The integrity rules, on a data set that already passed the schema. Returns every problem found. */
export function checkIntegrity(data: Dataset, articles: ArticleTexts): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: readonly PropertyKey[], message: string) => issues.push({ path: formatPath(path), message });
  const texts = articleMap(articles);

  // ---- asOf never invents a year: every year it names occurs in some article ----
  const allText = [...texts.values()].join('\n');
  for (const year of data.asOf.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? [])
    if (!allText.includes(year)) add(['asOf'], `year ${year} occurs in no article`);

  // ---- Sources and their article texts ----
  const sourceText = new Map<string, string>(); // source id → whitespace-normalised article text
  const sourceRaw = new Map<string, string>();
  const files = new Set<string>();
  uniqueIds(data.sources, 'sources', add);
  data.sources.forEach((s, i) => {
    if (files.has(s.file)) add(['sources', i, 'file'], `file "${s.file}" is used by another source`);
    files.add(s.file);
    const text = texts.get(s.file);
    if (text === undefined) {
      add(['sources', i, 'file'], `no article "${s.file}" in assets/articles`);
      return;
    }
    const norm = normalizeWhitespace(text);
    sourceText.set(s.id, norm);
    sourceRaw.set(s.id, text);
    if (s.outlet !== 'unknown' && !norm.includes(normalizeWhitespace(s.outlet)))
      add(['sources', i, 'outlet'], `outlet "${s.outlet}" is not named in ${s.file} (use "unknown" and credits)`);
    if (s.headline !== undefined && !norm.includes(normalizeWhitespace(s.headline)))
      add(['sources', i, 'headline'], `headline is not verbatim in ${s.file}`);
    s.credits.forEach((c, j) => {
      if (!norm.includes(normalizeWhitespace(c))) add(['sources', i, 'credits', j], `credit "${c}" is not named in ${s.file}`);
    });
  });
  for (const file of texts.keys()) {
    if (!files.has(file)) add(['sources'], `article "${file}" has no source entry`);
  }

  const sourceIds = new Set(data.sources.map((s) => s.id));
  const checkSource = (path: readonly PropertyKey[], id: string) => {
    if (!sourceIds.has(id)) add(path, `unknown source "${id}"`);
  };
  /** A verbatim check: `text` must occur in source `source` (whitespace normalised only). */
  const checkVerbatim = (path: readonly PropertyKey[], source: string, text: string, what = 'text') => {
    const article = sourceText.get(source);
    if (article === undefined) return; // unknown source or missing file: reported elsewhere
    if (!article.includes(normalizeWhitespace(text))) add(path, `${what} is not verbatim in source "${source}": "${clip(text)}"`);
  };
  const checkEvidence = (path: readonly PropertyKey[], ev: Evidence) => {
    checkSource([...path, 'source'], ev.source);
    checkVerbatim([...path, 'text'], ev.source, ev.text);
  };

  // ---- Ids ----
  uniqueIds(data.actors, 'actors', add);
  uniqueIds(data.regions, 'regions', add);
  uniqueIds(data.positions, 'positions', add);
  uniqueIds(data.quotes, 'quotes', add);
  uniqueIds(data.disagreements, 'disagreements', add);
  const actorIds = new Set(data.actors.map((a) => a.id));
  const regionIds = new Set(data.regions.map((r) => r.id));
  data.regions.forEach((r, i) => {
    // Disagreement subjects mix actor and region ids, so the two collections share one id space.
    if (actorIds.has(r.id)) add(['regions', i, 'id'], `id "${r.id}" is also an actor id`);
  });
  const quoteById = new Map(data.quotes.map((q) => [q.id, q]));
  const referenced = new Set<string>();
  const checkActor = (path: readonly PropertyKey[], id: string) => {
    referenced.add(id);
    if (!actorIds.has(id)) add(path, `unknown actor "${id}"`);
  };
  const checkRegion = (path: readonly PropertyKey[], id: string) => {
    referenced.add(id);
    if (!regionIds.has(id)) add(path, `unknown region "${id}"`);
  };
  const checkEntity = (path: readonly PropertyKey[], id: string) => {
    referenced.add(id);
    if (!actorIds.has(id) && !regionIds.has(id)) add(path, `unknown actor or region "${id}"`);
  };

  // ---- Actors ----
  data.actors.forEach((a, i) => {
    a.spokespeople.forEach((id, j) => {
      checkActor(['actors', i, 'spokespeople', j], id);
      if (id === a.id) add(['actors', i, 'spokespeople', j], 'an actor cannot be its own spokesperson');
    });
    a.evidence.forEach((ev, j) => checkEvidence(['actors', i, 'evidence', j], ev));
    if (a.kind === 'person') checkLoneFirstNames(a.aliases, ['actors', i, 'aliases'], add);
  });

  // ---- Regions ----
  data.regions.forEach((r, i) => {
    r.parts.forEach((id, j) => {
      checkRegion(['regions', i, 'parts', j], id);
      if (id === r.id) add(['regions', i, 'parts', j], 'a region cannot be a part of itself');
    });
    r.control.forEach((c, j) => {
      const path = ['regions', i, 'control', j];
      checkActor([...path, 'holder'], c.holder);
      checkEvidence([...path, 'evidence'], c.evidence);
      if (!normalizeWhitespace(c.evidence.text).includes(normalizeWhitespace(c.figure)))
        add([...path, 'figure'], `figure "${c.figure}" is not worded as in its evidence`);
      if (c.according !== undefined) checkVerbatim([...path, 'according'], c.evidence.source, c.according, 'according');
    });
    r.evidence.forEach((ev, j) => checkEvidence(['regions', i, 'evidence', j], ev));
  });
  checkPartCycles(data, add);

  // ---- Quotes ----
  const quotedPassages = new Map<string, string[]>(); // source id → normalised quoted passages
  for (const [id, raw] of sourceRaw) quotedPassages.set(id, findQuotations(raw).map((q) => normalizeWhitespace(q.text)));
  data.quotes.forEach((q, i) => {
    checkActor(['quotes', i, 'speaker'], q.speaker);
    (q.coSpeakers ?? []).forEach((id, j) => checkActor(['quotes', i, 'coSpeakers', j], id));
    checkSource(['quotes', i, 'source'], q.source);
    checkVerbatim(['quotes', i, 'sentence'], q.source, q.sentence, 'sentence');
    const text = normalizeWhitespace(q.text);
    if (!normalizeWhitespace(q.sentence).includes(text)) add(['quotes', i, 'text'], `quote is not part of its sentence: "${clip(q.text)}"`);
    else if (!quotedPassages.get(q.source)?.some((p) => p.includes(text)) && sourceText.has(q.source))
      add(['quotes', i, 'text'], `quote is not inside quotation marks in source "${q.source}": "${clip(q.text)}"`);
  });

  // ---- Positions ----
  data.positions.forEach((p, i) => {
    const path = ['positions', i];
    p.holders.forEach((id, j) => checkActor([...path, 'holders', j], id));
    p.addressees.forEach((id, j) => checkActor([...path, 'addressees', j], id));
    p.regions.forEach((id, j) => checkRegion([...path, 'regions', j], id));
    p.sources.forEach((id, j) => checkSource([...path, 'sources', j], id));
    p.evidence.forEach((ev, j) => {
      checkEvidence([...path, 'evidence', j], ev);
      if (!p.sources.includes(ev.source)) add([...path, 'evidence', j, 'source'], `source "${ev.source}" is not in the position's sources`);
    });
    p.sources.forEach((id, j) => {
      const backed = p.evidence.some((ev) => ev.source === id) || p.quotes.some((qid) => quoteById.get(qid)?.source === id);
      if (!backed) add([...path, 'sources', j], `no evidence or quote of the position comes from source "${id}"`);
    });
    p.quotes.forEach((qid, j) => {
      const q = quoteById.get(qid);
      if (!q) return add([...path, 'quotes', j], `unknown quote "${qid}"`);
      if (!p.sources.includes(q.source)) add([...path, 'quotes', j], `quote "${qid}" comes from "${q.source}", not in the position's sources`);
      const speakers = [q.speaker, ...(q.coSpeakers ?? [])];
      if (!actorIds.has(q.speaker)) return; // reported at the quote
      if (!speakers.some((s) => p.holders.includes(s)))
        add([...path, 'quotes', j], `quote "${qid}" is by "${q.speaker}", who is not among the holders`);
    });
  });

  // ---- Disagreements ----
  data.disagreements.forEach((d, i) => {
    d.subjects.forEach((id, j) => checkEntity(['disagreements', i, 'subjects', j], id));
    d.versions.forEach((v, j) => {
      const path = ['disagreements', i, 'versions', j];
      v.sources.forEach((id, k) => checkSource([...path, 'sources', k], id));
      checkEvidence([...path, 'evidence'], v.evidence);
      if (!v.sources.includes(v.evidence.source)) add([...path, 'evidence', 'source'], `source "${v.evidence.source}" is not in the version's sources`);
    });
    const values = new Set(d.versions.map((v) => v.value));
    if (values.size < d.versions.length) add(['disagreements', i, 'versions'], 'two versions have the same value');
  });

  // ---- Omissions ----
  data.omissions.forEach((o, i) => {
    checkSource(['omissions', i, 'source'], o.source);
    checkVerbatim(['omissions', i, 'text'], o.source, o.text);
  });

  // ---- Aliases ----
  checkAliases(data, add, checkEntity);

  // ---- Orphans and mentions ----
  const mentionIn = [...sourceText.values()].map((t) => foldKey(t));

  // ---- Not-mentions ----
  checkNotMentions(data, sourceText, add, checkEvidence);

  const entities = [
    ...data.actors.map((e, i) => ({ e, path: ['actors', i] as PropertyKey[] })),
    ...data.regions.map((e, i) => ({ e, path: ['regions', i] as PropertyKey[] })),
  ];
  for (const { e, path } of entities) {
    if (!referenced.has(e.id))
      add(path, `"${e.id}" is an orphan: no position, quote, control claim, disagreement, spokesperson list or parts list refers to it`);
    if (mentionIn.length > 0 && !e.aliases.some((a) => mentionIn.some((t) => mentions(t, a.text))))
      add([...path, 'aliases'], `no alias of "${e.id}" is mentioned in any source`);
  }

  return issues;
}

type AddIssue = (path: readonly PropertyKey[], message: string) => void;

function uniqueIds(items: readonly { id: string }[], collection: string, add: AddIssue): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) add([collection, i, 'id'], `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
}

function clip(text: string): string {
  const t = normalizeWhitespace(text);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** Whether `foldedText` contains alias `alias` as a whole word (as written, or all caps), the way the matcher finds it. */
function mentions(foldedText: string, alias: string): boolean {
  const key = foldKey(alias);
  const escaped = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const forms = [key, key.toUpperCase()].map(escaped).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${forms})(?![\\p{L}\\p{N}\\p{M}])`, 'u').test(foldedText);
}

/**
 * A person's lone first name is never an alias ("Donald", "Volodymyr"): it would mark every other Donald. A single
 * word that starts a multi-word alias of the same person, and ends none, is taken for a first name.
 */
function checkLoneFirstNames(aliases: readonly Alias[], path: readonly PropertyKey[], add: AddIssue): void {
  const firsts = new Set<string>();
  const lasts = new Set<string>();
  for (const a of aliases) {
    const words = foldKey(a.text).split(' ');
    if (words.length < 2) continue;
    firsts.add(words[0]!.toLowerCase());
    lasts.add(words[words.length - 1]!.toLowerCase());
  }
  aliases.forEach((a, j) => {
    const key = aliasKey(a.text);
    if (!key.includes(' ') && firsts.has(key) && !lasts.has(key))
      add([...path, j, 'text'], `"${a.text}" is a lone first name; use the full name or the surname`);
  });
}

/** Aliases (and names, which the matcher adds as aliases) resolve to one entity unless declared shared. */
function checkAliases(
  data: Dataset,
  add: AddIssue,
  checkEntity: (path: readonly PropertyKey[], id: string) => void,
): void {
    const shared = new Map<string, Set<string>>(); // alias key → entity ids allowed to share it
  data.sharedAliases.forEach((s, i) => {
    s.entities.forEach((id, j) => checkEntity(['sharedAliases', i, 'entities', j], id));
    shared.set(aliasKey(s.text), new Set(s.entities));
  });

  const owner = new Map<string, { id: string; where: string }>();
  const missingShared: { key: string; id: string }[] = [];
  const visit = (
    collection: 'actors' | 'regions',
    items: readonly { id: string; name: string; aliases: readonly Alias[] }[],
  ) => {
    items.forEach((e, i) => {
      const own = new Set<string>();
      const claim = (text: string, path: readonly PropertyKey[]) => {
        const key = aliasKey(text);
        own.add(key);
        const prev = owner.get(key);
        if (!prev) return owner.set(key, { id: e.id, where: formatPath(path) });
        if (prev.id === e.id) return;
        const allowed = shared.get(key);
        if (allowed?.has(prev.id) && allowed.has(e.id)) return;
        add(path, `"${text}" also names "${prev.id}" (${prev.where}); declare it in sharedAliases with a resolution, or remove it`);
      };
      const seen = new Set<string>();
      e.aliases.forEach((a, j) => {
        // Case counts here: the matcher is case-sensitive, so "Crimean Peninsula" is not a repeat of "Crimean peninsula".
        const dup = `${foldKey(a.text)}\u0000${a.lang}`;
        if (seen.has(dup)) add([collection, i, 'aliases', j, 'text'], `"${a.text}" (${a.lang}) is listed twice`);
        seen.add(dup);
        claim(a.text, [collection, i, 'aliases', j, 'text']);
      });
      claim(e.name, [collection, i, 'name']);
      // Remember which entities hold which declared shared alias, to check the declaration below.
      for (const [key, ids] of shared) if (ids.has(e.id) && !own.has(key)) missingShared.push({ key, id: e.id });
    });
  };
  visit('actors', data.actors);
  visit('regions', data.regions);
  data.sharedAliases.forEach((s, i) => {
    for (const m of missingShared) {
      if (m.key === aliasKey(s.text) && s.entities.includes(m.id))
        add(['sharedAliases', i, 'entities'], `"${m.id}" has no alias "${s.text}"`);
    }
  });
}

/**
 * Not-mentions: unique; each contains an alias as a whole word (otherwise it blocks nothing: noise) without being
 * one (it would silence that entity); evidence, when given, is verbatim and contains the phrase; and a phrase a
 * bundled article uses must say where, with evidence.
 */
function checkNotMentions(
  data: Dataset,
  sourceText: ReadonlyMap<string, string>,
  add: AddIssue,
  checkEvidence: (path: readonly PropertyKey[], ev: Evidence) => void,
): void {
  const aliasKeys = new Map<string, string>(); // lower-case folded alias → entity id
  for (const e of [...data.actors, ...data.regions]) for (const a of e.aliases) aliasKeys.set(aliasKey(a.text), e.id);
  const seen = new Set<string>();
  (data.notMentions ?? []).forEach((n, i) => {
    const path = ['notMentions', i];
    const key = aliasKey(n.text);
    if (seen.has(key)) add([...path, 'text'], `"${n.text}" is listed twice`);
    seen.add(key);
    const owner = aliasKeys.get(key);
    if (owner !== undefined) add([...path, 'text'], `"${n.text}" is an alias of "${owner}": blocking it would hide that entity`);
    else if (![...aliasKeys.keys()].some((alias) => mentions(key, alias)))
      add([...path, 'text'], `"${n.text}" contains no alias, so it blocks nothing`);
    if (n.evidence) {
      checkEvidence([...path, 'evidence'], n.evidence);
      if (!mentions(foldKey(n.evidence.text), n.text)) add([...path, 'evidence', 'text'], `evidence does not contain "${n.text}"`);
    } else {
      const usedIn = data.sources.filter((s) => {
        const text = sourceText.get(s.id);
        return text !== undefined && mentions(foldKey(text), n.text);
      });
      if (usedIn.length > 0) add([...path, 'evidence'], `"${n.text}" occurs in source "${usedIn[0]!.id}": give verbatim evidence`);
    }
  });
}

/** Containment must be a tree: no region is (transitively) a part of itself. */
function checkPartCycles(data: Dataset, add: AddIssue): void {
  const parts = new Map(data.regions.map((r) => [r.id, r.parts]));
  data.regions.forEach((r, i) => {
    const stack = [...r.parts];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === r.id) return add(['regions', i, 'parts'], `"${r.id}" contains itself through its parts`);
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(parts.get(id) ?? []));
    }
  });
}
