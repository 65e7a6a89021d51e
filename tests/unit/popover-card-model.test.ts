import { describe, expect, it } from 'vitest';
import { createCardBuilder, dataLine, rankPositions, type ActorCard, type RegionCard } from '../../src/core/card-model';
import { englishSourceName, sourceName, type SourceName } from '../../src/core/labels';

/** A source as the English citations name it. */
const label = (s: { outlet: SourceName }) => englishSourceName(s.outlet);
import { dataLineText } from '../../src/ui/data-line';
import { collectExcerpts, excerptAnchor } from '../../src/core/excerpts';
import { fixtureData, mentionOf } from '../dom/popover-fixture';

const build = createCardBuilder(fixtureData);

describe('actor card', () => {
  const card = build(mentionOf('dmitry-peskov', 'Peskov')) as ActorCard;

  it('says who it is: name, role as the articles give it, affiliation', () => {
    expect(card.kind).toBe('actor');
    expect(card.title).toBe('Dmitry Peskov');
    expect(card.role).toBe('Kremlin spokesman');
    expect(card.affiliation).toBe('Russia');
  });

  it('gives the quote verbatim with the outlet it comes from', () => {
    expect(card.quotes).toHaveLength(1);
    expect(card.quotes[0]!.text).toBe('We are talking about the withdrawal of the regime’s armed forces from the Donbas');
    expect(label(card.quotes[0]!.source)).toBe('Reuters');
    expect(card.quotes[0]!.source.anchor).toBe(
      excerptAnchor('“We are talking about the withdrawal of the regime’s armed forces from the Donbas,” Peskov said.'),
    );
  });

  it('names the institution the spokesman speaks for', () => {
    expect(card.speaksFor.map((a) => a.name)).toEqual(['Kremlin']);
  });

  it('shows the matched alias and the data set line', () => {
    expect(card.matchedAlias).toBe('Peskov');
    expect(card.footer).toMatchObject({ version: 'fixture-1', asOf: '2025-12-05' });
  });

  it('lists positions with their regions and how many sources report them, most reported first', () => {
    const putin = build(mentionOf('vladimir-putin', 'Putin')) as ActorCard;
    expect(putin.positions.map((p) => p.id)).toEqual(['russia-demands-donbas-withdrawal']);
    expect(putin.positions[0]!.regions).toEqual(['Donbas']);
    expect(putin.positions[0]!.sources).toHaveLength(3);
    const kremlin = build(mentionOf('kremlin', 'Kremlin')) as ActorCard;
    expect(kremlin.positions.map((p) => p.type)).toEqual(['demand', 'warning']);
  });

  it('labels an unknown outlet by the wire it credits, and says so', () => {
    const putin = build(mentionOf('vladimir-putin', 'Putin')) as ActorCard;
    expect(label(putin.quotes[0]!.source)).toBe('The Kyiv Independent (credited)');
    expect(putin.quotes[0]!.reported).toBe(true);
    expect(sourceName(fixtureData.sources.find((s) => s.id === 'india-today'))).toEqual({ kind: 'unknownOutlet' });
  });

  it('counts the sources that name it or that the data cites for it', () => {
    const putin = build(mentionOf('vladimir-putin', 'Putin')) as ActorCard;
    // Evidence (india-today) and own quote (kyiv-post). The held position is also reported by Reuters, but its
    // Reuters excerpt does not name Putin, so Reuters does not count.
    expect(putin.appearsIn).toEqual({ count: 2, total: 5 });
    const kremlin = build(mentionOf('kremlin', 'Kremlin')) as ActorCard;
    // Evidence in Reuters, and "Kremlin spokesman Dmitry Peskov said" is a Reuters excerpt too: still one source.
    expect(kremlin.appearsIn).toEqual({ count: 1, total: 5 });
  });

  it('shows for a state what is asked of it', () => {
    const ukraine = build(mentionOf('ukraine', 'Kyiv')) as ActorCard;
    expect(ukraine.askedOf.map((p) => p.id)).toEqual(['russia-demands-donbas-withdrawal', 'kremlin-warns-more-territory']);
    expect(ukraine.askedOf[0]!.holders).toEqual(['Kremlin', 'Vladimir Putin']);
  });
});

describe('jointly spoken quotes', () => {
  it('appear on the card of every speaker, naming all of them', () => {
    const data = {
      ...fixtureData,
      quotes: [...fixtureData.quotes, { ...fixtureData.quotes[0]!, id: 'joint', speaker: 'vladimir-putin', coSpeakers: ['dmitry-peskov'] }],
    };
    const b = createCardBuilder(data);
    const peskov = b(mentionOf('dmitry-peskov', 'Peskov')) as ActorCard;
    const joint = peskov.quotes.find((q) => q.id === 'joint')!;
    expect(joint.joint).toBe(true);
    expect(joint.speaker).toBe('Vladimir Putin and Dmitry Peskov');
    expect((b(mentionOf('vladimir-putin', 'Putin')) as ActorCard).quotes.map((q) => q.id)).toContain('joint');
  });
});

describe('institution card', () => {
  it('shows who speaks for it', () => {
    const card = build(mentionOf('kremlin', 'Kremlin')) as ActorCard;
    expect(card.actorKind).toBe('institution');
    expect(card.spokespeople).toEqual([{ id: 'dmitry-peskov', name: 'Dmitry Peskov', role: 'Kremlin spokesman' }]);
  });
});

describe('region card', () => {
  const card = build(mentionOf('donbas', 'Donbas')) as RegionCard;

  it('says what it is and what it contains', () => {
    expect(card.kind).toBe('region');
    expect(card.description).toContain('Donetsk and Luhansk');
    expect(card.parts).toEqual(['Donetsk', 'Luhansk']);
    const donetsk = build(mentionOf('donetsk', 'Donetsk')) as RegionCard;
    expect(donetsk.partOf).toEqual(['Donbas']);
  });

  it('lists the positions concerning it and whose they are', () => {
    expect(card.positions).toHaveLength(1);
    expect(card.positions[0]!.holders).toEqual(['Kremlin', 'Vladimir Putin']);
    expect(card.positions[0]!.addressees).toEqual(['Ukraine']);
  });

  it('shows both figures for control of Donbas with their sources, marked as differing, once', () => {
    expect(card.control).toHaveLength(1);
    const group = card.control[0]!;
    expect(group.holder).toBe('Russia');
    expect(group.differs).toBe(true);
    expect(group.figures.map((f) => [f.value, label(f.sources[0]!)])).toEqual([
      ['about 90%', 'Reuters'],
      ['approximately 85%', 'Unknown outlet'],
    ]);
    expect(group.figures[0]!.according).toBe('according to Russian estimates');
    expect(group.note).toContain('Russian estimates');
    // The recorded disagreement is the same story as the control figures: not repeated below them.
    expect(card.disagreements).toEqual([]);
  });

  it('shows a disagreement that is not about control figures', () => {
    const data = {
      ...fixtureData,
      disagreements: [
        ...fixtureData.disagreements,
        {
          id: 'donbas-name',
          kind: 'spelling' as const,
          topic: 'Spelling of Donbas',
          subjects: ['donbas'],
          versions: [
            { value: 'Donbas', sources: ['reuters-kremlin'], evidence: { source: 'reuters-kremlin', text: 'Donbas' } },
            { value: 'Donbass', sources: ['moscow-times'], evidence: { source: 'moscow-times', text: 'Donbass' } },
          ],
        },
      ],
    };
    const region = createCardBuilder(data)(mentionOf('donbas', 'Donbas')) as RegionCard;
    expect(region.disagreements.map((d) => d.versions.map((v) => v.value))).toEqual([['Donbas', 'Donbass']]);
  });
});

describe('lookups', () => {
  it('returns null for an id the data does not know', () => {
    expect(build(mentionOf('nobody', 'Nobody'))).toBeNull();
  });

  it('builds a quote card for a known quotation', () => {
    const card = build(mentionOf('putin-force', 'If they don’t withdraw'));
    expect(card?.kind).toBe('quote');
    expect(card?.title).toBe('Vladimir Putin, quoted');
  });

  it('ranks by number of sources, then demands before warnings', () => {
    const ranked = rankPositions([...fixtureData.positions].reverse());
    expect(ranked.map((p) => p.id)).toEqual(['russia-demands-donbas-withdrawal', 'kremlin-warns-more-territory']);
  });
});

describe('source excerpts', () => {
  it('collects each excerpt of a source once, with what it supports, and nothing from other sources', () => {
    const excerpts = collectExcerpts(fixtureData, 'kyiv-post');
    const texts = excerpts.map((e) => e.text);
    expect(texts).toContain('The Donbas, also known as the Donets Coal Basin');
    expect(texts.filter((t) => t.includes('Donetsk and Luhansk'))).toHaveLength(1);
    const shared = excerpts.find((e) => e.text.includes('Donetsk and Luhansk'))!;
    expect(shared.supports).toEqual([{ kind: 'region', name: 'Donetsk' }, { kind: 'region', name: 'Luhansk' }]);
    expect(excerpts.find((e) => e.kind === 'quote')?.text).toContain('military force');
    expect(texts.some((t) => t.includes('90%'))).toBe(false);
  });
});

describe('with the bundled data set', async () => {
  const { readFileSync } = await import('node:fs');
  const { dataset } = await import('../../src/data/dataset');
  const real = createCardBuilder(dataset);
  const mention = (id: string, text: string) => ({ id, text, alias: text });

  it('Peskov: role, a position, his Donbas quote verbatim with its credited outlet, 2 of 5 sources', () => {
    const card = real(mention('dmitry-peskov', 'Peskov')) as ActorCard;
    expect(card.role).toBe('Kremlin spokesman');
    expect(card.positions.length).toBeGreaterThan(0);
    const quote = card.quotes.find((q) => q.text.includes('withdrawal of the regime’s armed forces'))!;
    expect(quote.text).toBe('We are talking about the withdrawal of the regime’s armed forces from the Donbas');
    expect(label(quote.source)).toBe('Reuters (credited)');
    expect(card.speaksFor.map((a) => a.id)).toEqual(expect.arrayContaining(['kremlin', 'russia']));
    expect(card.appearsIn).toEqual({ count: 2, total: 5 });
  });

  it('Donbas: its positions, and the 90% vs 85% figures marked as differing with their sources', () => {
    const card = real(mention('donbas', 'Donbas')) as RegionCard;
    expect(card.positions.map((p) => p.id)).toContain('russia-ukraine-must-withdraw-from-donbas');
    const russia = card.control.find((g) => g.holder === 'Russia')!;
    expect(russia.differs).toBe(true);
    expect(russia.figures.map((f) => f.value)).toEqual(['about 90%', 'approximately 85%', 'large parts']);
    expect(russia.figures.map((f) => label(f.sources[0]!))).toEqual(['Reuters (credited)', 'BBC', 'RksNews']);
    expect(russia.figures[0]!.according).toBe('Russian estimates');
    expect(russia.note).toContain('Russian estimate');
    expect(card.parts).toEqual(['Donetsk', 'Luhansk']);
  });

  it('Trump and Zelensky: where the sources differ about them, versions side by side with their outlets', () => {
    const trump = real(mention('donald-trump', 'Trump')) as ActorCard;
    expect(trump.disagreements.map((d) => d.id)).toEqual(['trump-title']);
    const title = trump.disagreements[0]!;
    expect(title.versions.map((v) => [v.value, v.sources.map(label)])).toEqual([
      ['U.S. President', ['Reuters (credited)', 'NewsX', 'The Moscow Times']],
      ['former U.S. President', ['BBC']],
    ]);
    expect(title.note).toMatch(/error/);
    // The version's evidence links to the excerpt that shows it.
    expect(title.versions[1]!.sources[0]!.anchor).toBe(excerptAnchor('former U.S. President Donald Trump'));

    const zelensky = real(mention('volodymyr-zelensky', 'Zelenskiy')) as ActorCard;
    expect(zelensky.disagreements.map((d) => [d.kind, d.versions.map((v) => v.value)])).toEqual([['spelling', ['Zelenskiy', 'Zelensky']]]);
    expect(zelensky.disagreements[0]!.versions[0]!.sources.map(label)).toEqual(['Reuters (credited)']);

    // Someone the sources agree about has none.
    expect((real(mention('steve-witkoff', 'Witkoff')) as ActorCard).disagreements).toEqual([]);
    // Peskov's "without any preconditions" and Lavrov's "imperative", in one report: the tension is shown, not merged.
    expect((real(mention('dmitry-peskov', 'Peskov')) as ActorCard).disagreements.map((d) => d.id)).toEqual(['preconditions-for-talks']);
  });

  it('footer: one short, honest line, the curation date and what the texts cover, with no year they do not give', () => {
    const card = real(mention('donald-trump', 'Trump'))!;
    expect(card.footer).toEqual({ version: '2026.11.24', curated: true, asOf: 'five undated reports; one date given: November 23, no year', asOfIsDate: false });
    const line = dataLineText(card.footer!);
    expect(line).toBe('Data curated 2026.11.24 · five undated reports; one date given: November 23, no year');
    expect(line.length).toBeLessThanOrEqual(90);
    expect(line.split(' · ')[1]).not.toMatch(/(?:19|20)\d\d/); // no year for the news itself
    expect(dataLineText(dataLine({ version: 'v1', asOf: '2025-12-05' }))).toBe('Data v1, as of 2025-12-05');
  });

  it('the Kremlin: who speaks for it', () => {
    const card = real(mention('kremlin', 'Kremlin')) as ActorCard;
    expect(card.spokespeople.map((a) => a.name)).toEqual(expect.arrayContaining(['Dmitry Peskov', 'Yuri Ushakov']));
  });

  it('every actor and region gets a card, and "appears in" matches alias occurrences in the articles for nearly all', () => {
    const texts = dataset.sources.map((s) => readFileSync(`assets/articles/${s.file}`, 'utf8'));
    const entities = [...dataset.actors, ...dataset.regions];
    let exact = 0;
    for (const e of entities) {
      const card = real(mention(e.id, e.aliases[0]!.text))!;
      expect(card, e.id).not.toBeNull();
      const res = e.aliases.map((a) => new RegExp(`(?<![\\p{L}\\p{N}])${a.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'));
      const truth = texts.filter((t) => res.some((re) => re.test(t))).length;
      if (card.appearsIn.count === truth) exact++;
    }
    expect(exact / entities.length).toBeGreaterThanOrEqual(0.9);
  });

  it('every link from a card points at an excerpt the source card page shows', () => {
    const anchors = new Map(dataset.sources.map((s) => [s.id, new Set(collectExcerpts(dataset, s.id).map((x) => x.anchor))]));
    for (const e of [...dataset.actors, ...dataset.regions]) {
      const card = real(mention(e.id, e.aliases[0]!.text))!;
      const refs =
        card.kind === 'actor'
          ? [...card.positions, ...card.askedOf]
              .flatMap((p) => p.sources)
              .concat(card.quotes.map((q) => q.source), card.disagreements.flatMap((d) => d.versions.flatMap((v) => v.sources)))
          : card.kind === 'region'
            ? card.positions
                .flatMap((p) => p.sources)
                .concat(
                  card.control.flatMap((g) => g.figures.flatMap((f) => f.sources)),
                  card.disagreements.flatMap((d) => d.versions.flatMap((v) => v.sources)),
                )
            : [];
      for (const r of refs) if (r.anchor) expect(anchors.get(r.id)!.has(r.anchor), `${e.id} → ${r.id}#${r.anchor}`).toBe(true);
    }
  });
});
