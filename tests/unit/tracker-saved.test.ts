import { describe, expect, it } from 'vitest';
import { buildTracker, READER_GROUP, type TrackerModel } from '../../src/core/tracker-model';
import { dataset } from '../../src/data/dataset';
import type { ReaderDossier } from '../../src/data/reader-dossier-schema';
import { REUTERS, savedFrom } from './reader-dossier-fixtures';

const WITHDRAWAL = '“We are talking about the withdrawal of the regime’s armed forces from the Donbas,”';
const NO_CALL = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';
const TRUMP_CALL = 'were expected to hold another call soon';

/** A dossier saved from the Reuters article: two items about Peskov (bundled), one about an actor the reader created. */
const DOSSIER: ReaderDossier = {
  actors: [{ id: 'reader-witkoff', name: 'Steve Witkoff', category: 'people', aliases: ['Witkoff'], createdAt: '2026-11-30T10:00:00.000Z' }],
  items: [
    savedFrom(REUTERS, WITHDRAWAL, { id: 'item-withdrawal', actor: { type: 'bundled', id: 'dmitry-peskov' }, savedAt: '2026-11-29T09:00:00.000Z', note: 'Same line as Ushakov' }),
    savedFrom(REUTERS, NO_CALL, { id: 'item-no-call', actor: { type: 'bundled', id: 'dmitry-peskov' }, kind: 'reported', savedAt: '2026-11-30T09:00:00.000Z' }),
    savedFrom(REUTERS, TRUMP_CALL, { id: 'item-call', actor: { type: 'reader', id: 'reader-witkoff' }, kind: 'note', savedAt: '2026-12-01T09:00:00.000Z' }),
  ],
};

const rowsOf = (model: TrackerModel) => model.groups.flatMap((g) => g.rows.map((r) => r.id));

describe('the tracker with the reader’s saved items', () => {
  it('puts each saved item in its actor’s row, in a column of its own, newest first, verbatim with its provenance', () => {
    const model = buildTracker(dataset, {}, DOSSIER);
    expect(model.savedShown).toBe(true);
    expect(model.savedCount).toBe(3);
    const peskov = model.saved('dmitry-peskov');
    expect(peskov.map((i) => i.id)).toEqual(['item-no-call', 'item-withdrawal']);
    expect(peskov[1]).toEqual({
      id: 'item-withdrawal',
      kind: 'quote',
      text: WITHDRAWAL,
      note: 'Same line as Ushakov',
      href: 'https://news.example/world/putin-donbas',
      title: 'Putin says Ukraine must withdraw from Donbas',
      site: 'news.example',
      savedAt: '2026-11-29T09:00:00.000Z',
      savedOn: '2026-11-29',
    });
    expect(REUTERS).toContain(peskov[1]!.text);
    expect(peskov[0]!.kind).toBe('reported');
    // The bundled positions are all still there, in the same cells.
    expect(model.positionCount).toBe(dataset.positions.length);
    expect(model.cell('dmitry-peskov', 'region:donbas')).toEqual(buildTracker(dataset).cell('dmitry-peskov', 'region:donbas'));
  });

  it('gives the reader’s own actors a group of their own, after the sides, marked as theirs', () => {
    const model = buildTracker(dataset, {}, DOSSIER);
    const last = model.groups.at(-1)!;
    expect(last).toMatchObject({ side: READER_GROUP });
    expect(last.rows).toEqual([{ id: 'reader-witkoff', name: 'Steve Witkoff', role: '', side: READER_GROUP, kind: 'person', own: true }]);
    expect(model.saved('reader-witkoff').map((i) => [i.id, i.kind])).toEqual([['item-call', 'note']]);
    // Bundled rows are never marked as the reader's.
    expect(model.groups.slice(0, -1).flatMap((g) => g.rows).every((r) => !r.own)).toBe(true);
    // The reader's actor can be chosen in the actor filter.
    expect(model.options.actors.at(-1)).toEqual({ id: 'reader-witkoff', name: 'Steve Witkoff' });
    expect(model.options.savedTotal).toBe(3);
  });

  it('adds a row for a bundled actor who holds no position but has saved items, under their side', () => {
    const noPosition = dataset.actors.find((a) => !dataset.positions.some((p) => p.holders.includes(a.id)));
    expect(noPosition, 'the data set has an actor without positions').toBeDefined();
    const dossier: ReaderDossier = { actors: [], items: [savedFrom(REUTERS, NO_CALL, { id: 'item-other', actor: { type: 'bundled', id: noPosition!.id } })] };
    const model = buildTracker(dataset, {}, dossier);
    const group = model.groups.find((g) => g.rows.some((r) => r.id === noPosition!.id));
    expect(group?.side).toBe(noPosition!.side);
    expect(model.saved(noPosition!.id).map((i) => i.id)).toEqual(['item-other']);
    expect(buildTracker(dataset).groups.flatMap((g) => g.rows).some((r) => r.id === noPosition!.id)).toBe(false);
  });

  it('switches off: the grid is the bundled one again', () => {
    const off = buildTracker(dataset, { saved: false }, DOSSIER);
    const bundled = buildTracker(dataset);
    expect(off.savedShown).toBe(false);
    expect(off.savedCount).toBe(0);
    expect(off.savedHidden).toBe('switched-off');
    expect(off.filter).toEqual({ saved: false });
    expect(off.groups).toEqual(bundled.groups);
    expect(off.saved('dmitry-peskov')).toEqual([]);
  });

  it('follows the side and actor filters; a region or topic filter hides saved items and says why', () => {
    expect(rowsOf(buildTracker(dataset, { actor: 'reader-witkoff' }, DOSSIER))).toEqual(['reader-witkoff']);
    const peskov = buildTracker(dataset, { actor: 'dmitry-peskov' }, DOSSIER);
    expect(rowsOf(peskov)).toEqual(['dmitry-peskov']);
    expect(peskov.savedCount).toBe(2);
    const ukraine = buildTracker(dataset, { side: 'ukraine' }, DOSSIER);
    expect(ukraine.savedShown).toBe(false);
    expect(ukraine.groups.map((g) => g.side)).toEqual(['ukraine']);
    const russia = buildTracker(dataset, { side: 'russia' }, DOSSIER);
    expect(russia.savedCount).toBe(2);
    expect(russia.groups.map((g) => g.side)).toEqual(['russia']);
    const donbas = buildTracker(dataset, { region: 'donbas' }, DOSSIER);
    expect(donbas.savedShown).toBe(false);
    expect(donbas.savedHidden).toBe('region-or-topic');
    expect(rowsOf(donbas)).not.toContain('reader-witkoff');
  });

  it('with an empty dossier or none, is the bundled tracker', () => {
    const none = buildTracker(dataset);
    const empty = buildTracker(dataset, {}, { actors: [], items: [] });
    expect(empty.groups).toEqual(none.groups);
    expect(empty.savedShown).toBe(false);
    expect(empty.savedHidden).toBeUndefined();
    expect(empty.options).toEqual(none.options);
    expect(none.options.savedTotal).toBe(0);
  });

  it('leaves out an item naming an actor that is in neither the data set nor the dossier', () => {
    const dossier: ReaderDossier = { actors: [], items: [savedFrom(REUTERS, NO_CALL, { actor: { type: 'reader', id: 'reader-gone' } })] };
    const model = buildTracker(dataset, {}, dossier);
    expect(model.savedCount).toBe(0);
    expect(model.options.savedTotal).toBe(0);
  });
});
