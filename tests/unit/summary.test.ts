import { describe, expect, it } from 'vitest';
import { Dataset, type DatasetInput } from '../../src/data/schema';
import { buildBriefing, summarizePage } from '../../src/core/summary';

const ev = (source = 's1') => [{ source, text: 'evidence text' }];
const alias = (text: string) => [{ text, lang: 'en' as const }];
const actor = (id: string, name: string, kind: 'person' | 'institution' | 'state', side: 'russia' | 'ukraine' | 'usa' | 'europe', extra = {}) => ({
  id, name, kind, side, role: `role of ${name}`, affiliation: side, aliases: alias(name), evidence: ev(), ...extra,
});
const region = (id: string, name: string, extra = {}) => ({ id, name, kind: 'region' as const, description: `about ${name}`, aliases: alias(name), evidence: ev(), ...extra });
const position = (id: string, side: 'russia' | 'ukraine' | 'usa' | 'europe', type: 'demand' | 'refusal' | 'proposal' | 'claim' | 'concern', holders: string[], topics: string[], sources: string[], extra = {}) => ({
  id, side, type, holders, topics, sources, summary: `summary of ${id}`, evidence: ev(sources[0]), ...extra,
});

const input: DatasetInput = {
  version: 'test',
  asOf: '2026-01',
  sources: ['s1', 's2', 's3'].map((id) => ({ id, file: `${id}.txt`, outlet: id })),
  actors: [
    actor('putin', 'Vladimir Putin', 'person', 'russia'),
    actor('zelensky', 'Volodymyr Zelensky', 'person', 'ukraine'),
    actor('kremlin', 'Kremlin', 'institution', 'russia', { spokespeople: ['peskov'] }),
    actor('peskov', 'Dmitry Peskov', 'person', 'russia'),
    actor('witkoff', 'Steve Witkoff', 'person', 'usa'),
    actor('eu', 'European Union', 'institution', 'europe'),
    actor('ukraine', 'Ukraine', 'state', 'ukraine'),
  ],
  regions: [
    region('whole-country', 'Ukrainian territory', { kind: 'country', parts: ['donbas', 'znpp'] }),
    region('donbas', 'Donbas', { parts: ['donetsk', 'luhansk'] }),
    region('mariupol', 'Mariupol', { kind: 'city' }),
    region('donetsk', 'Donetsk', {
      parts: ['mariupol'],
      control: [{ holder: 'putin', figure: 'about 75%', according: 'Russian estimates', evidence: { source: 's1', text: 'evidence text' } }],
    }),
    region('luhansk', 'Luhansk'),
    region('znpp', 'Zaporizhzhia nuclear plant'),
  ],
  positions: [
    position('withdraw-donbas', 'russia', 'demand', ['putin'], ['territory'], ['s1', 's2'], { addressees: ['ukraine'], regions: ['donbas'] }),
    position('sanctions-claim', 'russia', 'claim', ['kremlin'], ['sanctions'], ['s3']),
    position('no-land', 'ukraine', 'refusal', ['zelensky'], ['territory'], ['s1'], { regions: ['donbas'] }),
    position('guarantees', 'ukraine', 'demand', ['zelensky'], ['security-guarantees'], ['s1', 's2', 's3', 's3']),
    position('plant-plan', 'usa', 'proposal', ['witkoff'], ['energy'], ['s2'], { regions: ['znpp'] }),
    position('eu-worry', 'europe', 'concern', ['eu'], ['security-guarantees'], ['s2']),
  ],
  quotes: [],
  disagreements: [],
};
const data = Dataset.parse(input);

describe('summarizePage on a page about Zelensky and Donetsk', () => {
  const page = summarizePage(data, [
    { id: 'zelensky', count: 4 },
    { id: 'donetsk', count: 2 },
    { id: 'peskov', count: 1 },
    { id: 'zelensky', count: 1 }, // the same entity reported twice is summed
    { id: 'some-quote', count: 3 }, // not an actor or region: ignored
    { id: 'luhansk', count: 0 }, // not found
  ]);

  it('counts mentions and distinct entities', () => {
    expect(page.total).toBe(8);
    expect(page.distinct).toBe(3);
  });

  it('orders actors by mentions, with role and the main position for the page topics', () => {
    expect(page.actors.map((a) => [a.name, a.count, a.role, a.category])).toEqual([
      ['Volodymyr Zelensky', 5, 'role of Volodymyr Zelensky', 'people'],
      ['Dmitry Peskov', 1, 'role of Dmitry Peskov', 'people'],
    ]);
    // Zelensky's guarantees demand has more sources, but this page is about territory.
    expect(page.actors[0]?.mainPosition?.id).toBe('no-land');
    // Peskov holds nothing himself: he speaks for the Kremlin.
    expect(page.actors[1]?.mainPosition?.id).toBe('sanctions-claim');
  });

  it('lists regions with what is demanded about them, through the region they belong to', () => {
    expect(page.regions).toHaveLength(1);
    const donetsk = page.regions[0]!;
    expect(donetsk.name).toBe('Donetsk');
    expect(donetsk.count).toBe(2);
    expect(donetsk.positions.map((p) => p.id)).toEqual(['withdraw-donbas', 'no-land']);
    expect(donetsk.control).toEqual([{ holder: 'Vladimir Putin', figure: 'about 75%', according: 'Russian estimates' }]);
  });

  it('puts the positions involving the page in play, most involved first', () => {
    expect(page.inPlay.map((p) => [p.id, p.weight])).toEqual([
      ['no-land', 7],
      ['guarantees', 5],
      ['withdraw-donbas', 2],
    ]);
    const guarantees = page.inPlay[1]!;
    expect(guarantees.sourceCount).toBe(3);
    expect(guarantees.holders).toEqual([{ id: 'zelensky', name: 'Volodymyr Zelensky', onPage: true }]);
    expect(page.topics).toEqual(['territory', 'security-guarantees']);
  });

  it('lists the known positions the page does not touch', () => {
    expect(page.notMentioned.map((p) => p.id)).toEqual(['sanctions-claim', 'plant-plan', 'eu-worry']);
    expect(page.notMentioned.every((p) => p.weight === 0)).toBe(true);
  });
});

describe('regions within regions', () => {
  it('a city puts the demands about the regions it belongs to in play', () => {
    const page = summarizePage(data, [{ id: 'mariupol', count: 1 }]);
    expect(page.inPlay.map((p) => p.id)).toEqual(['withdraw-donbas', 'no-land']);
    expect(page.regions[0]?.positions.map((p) => p.id)).toEqual(['withdraw-donbas', 'no-land']);
  });

  it('the whole country does not pull in every position about its parts', () => {
    const page = summarizePage(data, [{ id: 'whole-country', count: 2 }]);
    expect(page.inPlay).toEqual([]);
    expect(page.regions[0]?.positions).toEqual([]);
  });
});

describe('summarizePage on a page with nothing', () => {
  it('has no entities and every position is not mentioned', () => {
    const page = summarizePage(data, []);
    expect(page).toMatchObject({ total: 0, distinct: 0, actors: [], regions: [], inPlay: [] });
    expect(page.notMentioned).toHaveLength(data.positions.length);
  });
});

describe('buildBriefing', () => {
  it('groups every position by side, best corroborated first, with holders, regions and source counts', () => {
    const b = buildBriefing(data);
    expect(b.map((s) => s.side)).toEqual(['russia', 'ukraine', 'usa', 'europe']);
    expect(b.map((s) => s.positions.map((p) => p.id))).toEqual([
      ['withdraw-donbas', 'sanctions-claim'],
      ['guarantees', 'no-land'],
      ['plant-plan'],
      ['eu-worry'],
    ]);
    const withdraw = b[0]!.positions[0]!;
    expect(withdraw.holders.map((h) => h.name)).toEqual(['Vladimir Putin']);
    expect(withdraw.regions.map((r) => r.name)).toEqual(['Donbas']);
    expect(withdraw.addressees.map((r) => r.name)).toEqual(['Ukraine']);
    expect(withdraw.sourceCount).toBe(2);
  });
});
