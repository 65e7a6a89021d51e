import { describe, expect, it } from 'vitest';
import { buildTracker, disagreementsView, versionsFor, type TrackerModel } from '../../src/core/tracker-model';
import type { Dataset } from '../../src/data/schema';
import { englishSourceName } from '../../src/core/labels';

const ev = (source: string, text: string) => ({ source, text });

// A small data set in the shape of the real one (quotes and passages from assets/articles).
const DATA: Dataset = {
  version: 't1',
  asOf: '2025-12',
  sources: [
    { id: 'reuters-kremlin', file: '000.txt', outlet: 'unknown', credits: ['Reuters'], notes: [] },
    { id: 'bbc-india-today', file: '002.txt', outlet: 'BBC', credits: [], notes: [] },
    { id: 'moscow-times', file: '003.txt', outlet: 'The Moscow Times', credits: ['AFP'], notes: [] },
  ],
  actors: [
    { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', role: 'President of Russia', affiliation: 'Russia', side: 'russia', aliases: [{ text: 'Putin', lang: 'en' }], spokespeople: [], evidence: [ev('bbc-india-today', 'Putin')] },
    { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person', role: 'Kremlin spokesman', affiliation: 'Russia', side: 'russia', aliases: [{ text: 'Peskov', lang: 'en' }], spokespeople: [], evidence: [ev('reuters-kremlin', 'Peskov')] },
    { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', kind: 'person', role: 'President of Ukraine', affiliation: 'Ukraine', side: 'ukraine', aliases: [{ text: 'Zelensky', lang: 'en' }], spokespeople: [], evidence: [ev('bbc-india-today', 'Zelensky')] },
    { id: 'ukraine', name: 'Ukraine', kind: 'state', role: 'State', affiliation: 'Ukraine', side: 'ukraine', aliases: [{ text: 'Ukraine', lang: 'en' }], spokespeople: [], evidence: [ev('bbc-india-today', 'Ukraine')] },
  ],
  regions: [
    { id: 'donbas', name: 'Donbas', kind: 'region', description: 'Donetsk and Luhansk', aliases: [{ text: 'Donbas', lang: 'en' }], parts: [], control: [], evidence: [ev('reuters-kremlin', 'Donbas')] },
    { id: 'crimea', name: 'Crimea', kind: 'peninsula', description: 'Annexed in 2014', aliases: [{ text: 'Crimea', lang: 'en' }], parts: [], control: [], evidence: [ev('moscow-times', 'Crimea')] },
  ],
  positions: [
    { id: 'withdraw-donbas', type: 'demand', side: 'russia', holders: ['vladimir-putin', 'dmitry-peskov'], addressees: ['ukraine'], summary: 'Ukraine must withdraw its forces from Donbas.', topics: ['territory'], regions: ['donbas'], quotes: ['putin-liberate'], evidence: [ev('bbc-india-today', 'withdraw')], sources: ['bbc-india-today', 'reuters-kremlin'] },
    { id: 'recognise-crimea-donbas', type: 'condition', side: 'russia', holders: ['vladimir-putin'], addressees: [], summary: 'Recognition of Crimea and Donbas as Russian.', topics: ['territory', 'recognition'], regions: ['crimea', 'donbas'], quotes: [], evidence: [ev('moscow-times', 'recognition')], sources: ['moscow-times'] },
    { id: 'lift-sanctions', type: 'demand', side: 'russia', holders: ['vladimir-putin'], addressees: [], summary: 'Sanctions lifted.', topics: ['sanctions'], regions: [], quotes: [], evidence: [ev('moscow-times', 'lifting sanctions')], sources: ['moscow-times'] },
    { id: 'security-guarantees', type: 'demand', side: 'ukraine', holders: ['ukraine'], addressees: [], summary: 'Firm security guarantees in any settlement.', topics: ['security-guarantees'], regions: [], quotes: [], evidence: [ev('bbc-india-today', 'security guarantees')], sources: ['bbc-india-today'] },
    { id: 'no-ceding', type: 'refusal', side: 'ukraine', holders: ['volodymyr-zelensky'], addressees: [], summary: 'No territory ceded.', topics: ['territory'], regions: ['donbas'], quotes: [], evidence: [ev('bbc-india-today', 'ceding')], sources: ['bbc-india-today'] },
  ],
  quotes: [
    { id: 'putin-liberate', speaker: 'vladimir-putin', text: 'Either we liberate these territories by force, or Ukrainian troops will leave these territories.', source: 'bbc-india-today', sentence: 'Putin stated, “Either …”', reported: false },
  ],
  disagreements: [
    {
      id: 'donbas-share',
      kind: 'figure',
      topic: 'Share of Donbas Russia controls',
      subjects: ['donbas'],
      versions: [
        { value: 'about 90%', sources: ['reuters-kremlin'], evidence: ev('reuters-kremlin', 'about 90% of Donbas') },
        { value: 'approximately 85%', sources: ['bbc-india-today'], evidence: ev('bbc-india-today', 'approximately 85% of the Donbas region') },
      ],
      note: 'The Reuters figure is a Russian estimate.',
    },
    {
      id: 'zelensky-spelling',
      kind: 'spelling',
      topic: 'Spelling of Zelensky',
      subjects: ['volodymyr-zelensky'],
      versions: [
        { value: 'Zelenskiy', sources: ['reuters-kremlin'], evidence: ev('reuters-kremlin', 'Volodymyr Zelenskiy') },
        { value: 'Zelensky', sources: ['bbc-india-today', 'moscow-times'], evidence: ev('bbc-india-today', 'Volodymyr Zelensky') },
      ],
    },
  ],
  omissions: [],
  sharedAliases: [],
};

/** Every (row, column, position id) shown in the grid. */
function entries(model: TrackerModel): { row: string; column: string; position: string }[] {
  return model.groups.flatMap((g) =>
    g.rows.flatMap((r) =>
      model.columns.flatMap((c) => model.cell(r.id, c.key).map((p) => ({ row: r.id, column: c.key, position: p.id }))),
    ),
  );
}

describe('buildTracker', () => {
  it('shows every position of the data set in at least one cell', () => {
    const model = buildTracker(DATA);
    const shown = new Set(entries(model).map((e) => e.position));
    expect([...shown].sort()).toEqual(DATA.positions.map((p) => p.id).sort());
    expect(model.positionCount).toBe(DATA.positions.length);
  });

  it('puts actors down the side grouped by side, regions then topics across', () => {
    const model = buildTracker(DATA);
    expect(model.groups.map((g) => [g.side, g.rows.map((r) => r.name)])).toEqual([
      ['russia', ['Vladimir Putin', 'Dmitry Peskov']],
      ['ukraine', ['Ukraine', 'Volodymyr Zelensky']],
    ]);
    expect(model.columns.map((c) => (c.kind === 'region' ? c.label : c.id))).toEqual(['Donbas', 'Crimea', 'sanctions', 'security-guarantees']);
  });

  it('places a position under each of its regions, else under its topics, once per holder', () => {
    const model = buildTracker(DATA);
    const where = (id: string) => entries(model).filter((e) => e.position === id).map((e) => `${e.row} ${e.column}`).sort();
    expect(where('withdraw-donbas')).toEqual(['dmitry-peskov region:donbas', 'vladimir-putin region:donbas']);
    expect(where('recognise-crimea-donbas')).toEqual(['vladimir-putin region:crimea', 'vladimir-putin region:donbas']);
    expect(where('lift-sanctions')).toEqual(['vladimir-putin topic:sanctions']);
  });

  it('gives each cell the summary, type, verbatim quotes with speaker, and links to source cards', () => {
    const [p] = buildTracker(DATA).cell('vladimir-putin', 'region:donbas');
    expect(p).toMatchObject({ type: 'demand', summary: 'Ukraine must withdraw its forces from Donbas.' });
    expect(p!.quotes).toEqual([
      expect.objectContaining({ speaker: 'Vladimir Putin', text: DATA.quotes[0]!.text, source: { id: 'bbc-india-today', outlet: { kind: 'outlet', name: 'BBC' }, href: '/sources.html?id=bbc-india-today' } }),
    ]);
    // The outlet of the Reuters-credited text is unknown: it is labelled by its credit.
    expect(p!.sources.map((s) => s.outlet)).toEqual([{ kind: 'outlet', name: 'BBC' }, { kind: 'credited', wires: 'Reuters' }]);
  });

  it('filters by side: the other sides disappear', () => {
    const model = buildTracker(DATA, { side: 'ukraine' });
    expect(model.groups.map((g) => g.side)).toEqual(['ukraine']);
    expect(new Set(entries(model).map((e) => e.position))).toEqual(new Set(['security-guarantees', 'no-ceding']));
  });

  it('filters by side on the actors: a position held jointly across sides shows in each side\'s rows only', () => {
    const joint: Dataset = {
      ...DATA,
      positions: [
        ...DATA.positions,
        { id: 'stalling', type: 'claim', side: 'ukraine', holders: ['ukraine', 'dmitry-peskov'], addressees: [], summary: 'A joint position across sides (test only).', topics: ['ceasefire'], regions: [], quotes: [], evidence: [ev('bbc-india-today', 'stalling')], sources: ['bbc-india-today'] },
      ],
    };
    const ua = buildTracker(joint, { side: 'ukraine' });
    expect(entries(ua).filter((e) => e.position === 'stalling').map((e) => e.row)).toEqual(['ukraine']);
    const ru = buildTracker(joint, { side: 'russia' });
    expect(ru.groups.map((g) => g.side)).toEqual(['russia']);
    expect(entries(ru).filter((e) => e.position === 'stalling').map((e) => e.row)).toEqual(['dmitry-peskov']);
  });

  it('filters by actor and by region', () => {
    const byActor = buildTracker(DATA, { actor: 'dmitry-peskov' });
    expect(byActor.groups.flatMap((g) => g.rows.map((r) => r.id))).toEqual(['dmitry-peskov']);
    expect(entries(byActor).map((e) => e.position)).toEqual(['withdraw-donbas']);

    const byRegion = buildTracker(DATA, { region: 'crimea' });
    expect(byRegion.columns.map((c) => c.key)).toEqual(['region:crimea']);
    expect(entries(byRegion).map((e) => e.position)).toEqual(['recognise-crimea-donbas']);
  });

  it('ignores filter values the data does not know', () => {
    const model = buildTracker(DATA, { side: 'europe', actor: 'nobody' });
    expect(model.filter).toEqual({});
    expect(model.positionCount).toBe(DATA.positions.length);
  });
});

describe('disagreements', () => {
  it('lists every disagreement with its versions side by side and their sources', () => {
    const all = disagreementsView(DATA);
    expect(all.map((d) => d.id)).toEqual(['donbas-share', 'zelensky-spelling']);
    expect(all[0]!.versions.map((v) => [v.value, v.sources.map((s) => englishSourceName(s.outlet))])).toEqual([
      ['about 90%', ['Reuters (credited)']],
      ['approximately 85%', ['BBC']],
    ]);
    expect(all[0]!.note).toBe('The Reuters figure is a Russian estimate.');
  });

  it('versionsFor gives only the disagreements concerning the entity', () => {
    expect(versionsFor(DATA, 'donbas').map((d) => d.id)).toEqual(['donbas-share']);
    expect(versionsFor(DATA, 'volodymyr-zelensky')[0]!.versions.map((v) => v.value)).toEqual(['Zelenskiy', 'Zelensky']);
    expect(versionsFor(DATA, 'crimea')).toEqual([]);
  });
});
