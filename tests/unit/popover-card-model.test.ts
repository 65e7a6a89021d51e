import { describe, expect, it } from 'vitest';
import { createCardBuilder, rankPositions, sourceLabel, type ActorCard, type RegionCard } from '../../src/ui/popover/card-model';
import { collectExcerpts, excerptAnchor } from '../../src/ui/source-card/excerpts';
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
    expect(card.quotes[0]!.source.label).toBe('Reuters');
    expect(card.quotes[0]!.source.anchor).toBe(
      excerptAnchor('“We are talking about the withdrawal of the regime’s armed forces from the Donbas,” Peskov said.'),
    );
  });

  it('names the institution the spokesman speaks for', () => {
    expect(card.speaksFor.map((a) => a.name)).toEqual(['Kremlin']);
  });

  it('shows the matched alias and the data set line', () => {
    expect(card.matchedAlias).toBe('Peskov');
    expect(card.footer).toContain('fixture-1');
    expect(card.footer).toContain('2025-12-05');
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
    expect(putin.quotes[0]!.source.label).toBe('The Kyiv Independent (credited)');
    expect(putin.quotes[0]!.reported).toBe(true);
    expect(sourceLabel(fixtureData.sources.find((s) => s.id === 'india-today'))).toBe('Unknown outlet');
  });

  it('counts the sources that say something about it', () => {
    const putin = build(mentionOf('vladimir-putin', 'Putin')) as ActorCard;
    // evidence (india-today), own quote (kyiv-post), held position (reuters, india-today, kyiv-post)
    expect(putin.appearsIn).toEqual({ count: 3, total: 5 });
  });

  it('shows for a state what is asked of it', () => {
    const ukraine = build(mentionOf('ukraine', 'Kyiv')) as ActorCard;
    expect(ukraine.askedOf.map((p) => p.id)).toEqual(['russia-demands-donbas-withdrawal', 'kremlin-warns-more-territory']);
    expect(ukraine.askedOf[0]!.holders).toEqual(['Kremlin', 'Vladimir Putin']);
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
    expect(group.figures.map((f) => [f.value, f.sources[0]!.label])).toEqual([
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
    expect(shared.supports).toEqual(['Donetsk', 'Luhansk']);
    expect(excerpts.find((e) => e.kind === 'quote')?.text).toContain('military force');
    expect(texts.some((t) => t.includes('90%'))).toBe(false);
  });
});
