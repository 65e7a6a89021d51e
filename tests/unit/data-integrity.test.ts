/**
 * The bundled data set against the five articles: schema, verbatim excerpts, references, orphans, aliases.
 */
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/load-articles';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { foldKey } from '../../src/core/normalize';
import { dataset } from '../../src/data/dataset';
import { data } from '../../src/data/index';
import { Dataset } from '../../src/data/schema';
import { normalizeWhitespace, validateDataset, validateDatasetOrThrow } from '../../src/validation/validate';

const articles = loadArticles();
const bySource = new Map(data.sources.map((s) => [s.id, normalizeWhitespace(articles.get(s.file) ?? '')]));
const inSource = (source: string, text: string) => bySource.get(source)!.includes(normalizeWhitespace(text));

describe('the bundled data set', () => {
  it('parses with the schema, and the parse changes nothing (every defaulted field is written out)', () => {
    const parsed = Dataset.parse(dataset);
    expect(parsed).toEqual(data);
  });

  it('passes every integrity check against the articles', () => {
    const result = validateDataset(dataset, articles);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(() => validateDatasetOrThrow(dataset, articles)).not.toThrow();
  });

  it('has one source per article file', () => {
    expect(data.sources.map((s) => s.file).sort()).toEqual([...articles.keys()].sort());
  });

  it('quotes every text and sentence verbatim from its source, the text inside its sentence', () => {
    for (const q of data.quotes) {
      expect(inSource(q.source, q.sentence), `${q.id} sentence`).toBe(true);
      expect(inSource(q.source, q.text), `${q.id} text`).toBe(true);
      expect(normalizeWhitespace(q.sentence).includes(normalizeWhitespace(q.text)), `${q.id} in sentence`).toBe(true);
    }
  });

  it('keeps each article’s own apostrophes (’ in the BBC text, \' in The Moscow Times)', () => {
    const q = (id: string) => data.quotes.find((x) => x.id === id)!;
    expect(q('q-sybiha-wasting-time').text).toBe('wasting the world’s time');
    expect(q('q-lavrov-international-recognition').text).toBe("international recognition of Russia's ownership");
  });

  it('takes every evidence excerpt verbatim from its source', () => {
    const all = [
      ...data.actors.flatMap((a) => a.evidence),
      ...data.regions.flatMap((r) => [...r.evidence, ...r.control.map((c) => c.evidence)]),
      ...data.positions.flatMap((p) => p.evidence),
      ...data.disagreements.flatMap((d) => d.versions.map((v) => v.evidence)),
      ...data.omissions,
    ];
    expect(all.length).toBeGreaterThan(150);
    for (const ev of all) expect(inSource(ev.source, ev.text), `${ev.source}: ${ev.text}`).toBe(true);
  });

  it('resolves every reference', () => {
    const actors = new Set(data.actors.map((a) => a.id));
    const regions = new Set(data.regions.map((r) => r.id));
    const quotes = new Set(data.quotes.map((q) => q.id));
    const sources = new Set(data.sources.map((s) => s.id));
    for (const p of data.positions) {
      for (const id of [...p.holders, ...p.addressees]) expect(actors, `${p.id} → ${id}`).toContain(id);
      for (const id of p.regions) expect(regions, `${p.id} → ${id}`).toContain(id);
      for (const id of p.quotes) expect(quotes, `${p.id} → ${id}`).toContain(id);
      for (const id of p.sources) expect(sources, `${p.id} → ${id}`).toContain(id);
    }
    for (const q of data.quotes) expect(actors, q.id).toContain(q.speaker);
    for (const r of data.regions) for (const id of r.parts) expect(regions, r.id).toContain(id);
    for (const d of data.disagreements) for (const id of d.subjects) expect(actors.has(id) || regions.has(id), `${d.id} → ${id}`).toBe(true);
  });

  it('has no orphan: every actor and region is referred to by another record', () => {
    const refs = new Set<string>([
      ...data.positions.flatMap((p) => [...p.holders, ...p.addressees, ...p.regions]),
      ...data.quotes.flatMap((q) => [q.speaker, ...(q.coSpeakers ?? [])]),
      ...data.regions.flatMap((r) => [...r.parts, ...r.control.map((c) => c.holder)]),
      ...data.actors.flatMap((a) => a.spokespeople),
      ...data.disagreements.flatMap((d) => d.subjects),
    ]);
    const orphans = [...data.actors, ...data.regions].map((e) => e.id).filter((id) => !refs.has(id));
    expect(orphans).toEqual([]);
  });

  it('gives every alias to one entity only, unless declared in sharedAliases', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of [...data.actors, ...data.regions]) {
      for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
        const key = foldKey(text).toLowerCase();
        owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
      }
    }
    const declared = new Set(data.sharedAliases.map((s) => foldKey(s.text).toLowerCase()));
    const ambiguous = [...owners].filter(([key, ids]) => ids.size > 1 && !declared.has(key)).map(([key]) => key);
    expect(ambiguous).toEqual([]);
  });
});

describe('aliases as the matcher uses them', () => {
  const matcher = compileMatcher(buildMatchEntries(data));
  const ids = (text: string) => matcher.scan(text).map((m) => `${m.text}=${m.id}`);

  it('resolves the articles’ spellings, misspellings included', () => {
    expect(ids('Zelenskiy and Zelensky met Andrii Sybhia; Kiev has not replied')).toEqual([
      'Zelenskiy=volodymyr-zelensky',
      'Zelensky=volodymyr-zelensky',
      'Andrii Sybhia=andrii-sybiha',
      'Kiev=ukraine',
    ]);
  });

  it('resolves the usual Ukrainian, Russian, German and French forms', () => {
    expect(ids('Зеленський, Зеленский, Selenskyj; Путін, Путин, Poutine; Kiew, Kyjiw, Київ, Киев; Krim, Crimée, Крим, Крым')).toEqual([
      'Зеленський=volodymyr-zelensky',
      'Зеленский=volodymyr-zelensky',
      'Selenskyj=volodymyr-zelensky',
      'Путін=vladimir-putin',
      'Путин=vladimir-putin',
      'Poutine=vladimir-putin',
      'Kiew=ukraine',
      'Kyjiw=ukraine',
      'Київ=ukraine',
      'Киев=ukraine',
      'Krim=crimea',
      'Crimée=crimea',
      'Крим=crimea',
      'Крым=crimea',
    ]);
  });

  it('never treats a lone first name or an adjective as a mention', () => {
    expect(ids('Donald, Volodymyr, Vladimir, Emmanuel, Russian and Ukrainian officials')).toEqual([]);
    // The BBC quote names Zelensky by first name only: nothing is marked there.
    expect(ids('We mustn’t leave Ukraine and Volodymyr alone with these guys.')).toEqual(['Ukraine=ukraine']);
  });

  it('maps metonyms to the institution or state they stand for', () => {
    expect(ids('the Kremlin said Moscow and Kyiv disagree, Washington and the Élysée too')).toEqual([
      'Kremlin=kremlin',
      'Moscow=russia',
      'Kyiv=ukraine',
      'Washington=united-states',
      'Élysée=elysee-palace',
    ]);
  });

  it('prefers the facility to the region it is named after', () => {
    expect(ids('the future of the Zaporizhzhia nuclear power plant in Zaporizhzhia')).toEqual([
      'Zaporizhzhia nuclear power plant=zaporizhzhia-npp',
      'Zaporizhzhia=zaporizhzhia',
    ]);
  });
});
