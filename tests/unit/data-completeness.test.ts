/**
 * Completeness of the data set: every quotation in the articles is accounted for, every entity is found in the
 * articles, and what a careful reader takes from them is there (and the journalists are not).
 */
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/load-articles';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { findQuotations, quotationCore } from '../../src/core/quotation-finder';
import { data } from '../../src/data/index';
import { normalizeWhitespace } from '../../src/validation/validate';

const articles = loadArticles();
const SRC = {
  reuters: 'reuters-kremlin-donbas',
  newsx: 'newsx-putin-donbas-withdrawal',
  bbc: 'bbc-putin-india-today',
  mt: 'moscow-times-recognition-imperative',
  rks: 'rksnews-putin-territorial-demands',
};

describe('every quoted passage of the articles is a quote or a documented omission', () => {
  for (const source of data.sources) {
    it(source.id, () => {
      const passages = findQuotations(articles.get(source.file)!);
      expect(passages.every((p) => p.closed)).toBe(true);
      const quotes = data.quotes.filter((q) => q.source === source.id).map((q) => normalizeWhitespace(q.text));
      const omitted = data.omissions.filter((o) => o.source === source.id).map((o) => normalizeWhitespace(o.text));
      const missing = passages
        .map((p) => quotationCore(p.text))
        .filter((core) => !quotes.some((q) => q.includes(core)) && !omitted.some((o) => o.includes(core)));
      expect(missing).toEqual([]);
    });
  }

  it('sees all 46 quotations of the five articles', () => {
    const counts = data.sources.map((s) => findQuotations(articles.get(s.file)!).length);
    expect(counts).toEqual([1, 3, 20, 18, 4]);
  });

  it('gives every omission a reason and leaves no quote of an actor among them', () => {
    expect(data.omissions.map((o) => o.text).sort()).toEqual(
      ['any alleged incidents', 'discredits the decisions of the Russian leadership.', 'foreign agent', 'morally responsible', 'undesirable'].sort(),
    );
  });
});

describe('every actor and region is mentioned in a source', () => {
  const matcher = compileMatcher(buildMatchEntries(data));
  const found = new Set([...articles.values()].flatMap((t) => matcher.scan(t).map((m) => m.id)));
  for (const e of [...data.actors, ...data.regions]) {
    it(e.id, () => expect(found.has(e.id)).toBe(true));
  }
});

describe('what a careful reader takes from the articles', () => {
  const position = (id: string) => data.positions.find((p) => p.id === id)!;

  it('names the outlets as the texts do, crediting wires where the outlet is not named', () => {
    const outlets = Object.fromEntries(data.sources.map((s) => [s.id, [s.outlet, s.credits.join(',')]]));
    expect(outlets).toEqual({
      [SRC.reuters]: ['unknown', 'Reuters'],
      [SRC.newsx]: ['NewsX', ''],
      [SRC.bbc]: ['BBC', ''],
      [SRC.mt]: ['The Moscow Times', 'AFP'],
      [SRC.rks]: ['RksNews', ''],
    });
    expect(data.sources.find((s) => s.id === SRC.bbc)!.notes.join(' ')).toMatch(/unrelated teasers/);
  });

  it('records the withdrawal-from-Donbas demand once, with the three sources that report it', () => {
    const p = position('russia-ukraine-must-withdraw-from-donbas');
    expect(p.sources.sort()).toEqual([SRC.reuters, SRC.newsx, SRC.bbc].sort());
    expect(p.regions).toEqual(['donbas']);
    expect(p.addressees).toEqual(['ukraine']);
  });

  it('keeps 004’s wider demand (every claimed territory, Crimea named) apart from the Donbas-only one', () => {
    const wider = position('russia-withdrawal-from-all-claimed-territories');
    expect(wider.sources).toEqual([SRC.rks]);
    expect(wider.regions).toEqual(expect.arrayContaining(['crimea', 'donbas']));
    expect(wider.evidence.map((e) => e.text).join(' ')).toMatch(/all territories Moscow claims/);
  });

  it('keeps the articles’ hedges and does not merge what different people said', () => {
    const summary = (id: string) => position(id).summary;
    expect(summary('us-28-point-peace-plan')).toMatch(/reportedly/);
    expect(summary('russia-demands-recognition-of-claims')).not.toMatch(/above all/);
    expect(position('russia-demands-recognition-of-claims').sources).not.toContain(SRC.rks);
    expect(position('russia-ready-to-negotiate-without-preconditions').holders).not.toContain('sergei-lavrov');
    expect(data.disagreements.find((d) => d.id === 'preconditions-for-talks')?.subjects).toEqual(expect.arrayContaining(['dmitry-peskov', 'sergei-lavrov']));
    expect(summary('ukraine-secured-revisions-to-us-plan')).toMatch(/announced/);
    expect(summary('merz-warns-zelensky')).toMatch(/^Reportedly/);
    expect(summary('stubb-do-not-leave-ukraine-alone')).toMatch(/quoted as saying/);
    expect(summary('russia-territorial-concessions-prerequisite')).toMatch(/the report saw no indication/);
    expect(data.actors.find((a) => a.id === 'united-states')!.role).toMatch(/could serve as a basis/);
  });

  it('covers all four sides', () => {
    expect(new Set(data.positions.map((p) => p.side))).toEqual(new Set(['russia', 'ukraine', 'usa', 'europe', 'other']));
  });

  it('gives each source’s Donbas figure verbatim, and records where they differ', () => {
    const donbas = data.regions.find((r) => r.id === 'donbas')!;
    expect(donbas.parts).toEqual(['donetsk', 'luhansk']);
    expect(donbas.control.map((c) => `${c.evidence.source}:${c.figure}`)).toEqual(
      expect.arrayContaining([`${SRC.reuters}:about 90%`, `${SRC.bbc}:approximately 85%`]),
    );
    const d = data.disagreements.find((x) => x.id === 'donbas-share-held-by-russia')!;
    expect(d.versions.map((v) => v.sources)).toEqual([[SRC.reuters], [SRC.bbc]]);
  });

  it('flags the BBC’s "former U.S. President" against every other source', () => {
    const d = data.disagreements.find((x) => x.id === 'trump-title')!;
    expect(d.versions.find((v) => v.value.startsWith('former'))!.sources).toEqual([SRC.bbc]);
  });

  it('marks second-hand quotes as reported (the leaked call transcript)', () => {
    const reported = data.quotes.filter((q) => q.reported).map((q) => q.speaker);
    expect(reported).toEqual(expect.arrayContaining(['emmanuel-macron', 'friedrich-merz', 'alexander-stubb']));
    expect(data.quotes.find((q) => q.id === 'q-peskov-withdrawal-from-donbas')!.reported).toBe(false);
  });

  it('does not make journalists, photographers or media outlets into actors', () => {
    const matcher = compileMatcher(buildMatchEntries(data));
    const media = 'Zubair Amin, Dmitry Yagodkin, TASS, Der Spiegel, India Today, O Globo, AFP, Reuters, BBC, NewsX, RksNews';
    expect(matcher.scan(media)).toEqual([]);
  });
});
