import { describe, expect, it } from 'vitest';
import { addActor, addItem, duplicateKey, editItem, FULL, removeItem, restoreItem } from '../../src/core/reader-dossier/store';
import { actorChoices, actorName, bundledActorInfo, searchActors } from '../../src/core/reader-dossier/actors';
import { emptyDossier, MAX_SAVED_ITEMS, ReaderDossier, type SavedItem } from '../../src/data/reader-dossier-schema';
import { dataset } from '../../src/data/dataset';
import { NEWSX, REUTERS, savedFrom } from './reader-dossier-fixtures';

const NOW = '2026-12-01T09:00:00.000Z';
const LATER = '2026-12-02T10:30:00.000Z';
const PUTIN_QUOTE = 'Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease';
const PESKOV = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';

function input(item: SavedItem) {
  return { actor: item.actor, kind: item.kind, note: item.note, target: item.target };
}

describe('addItem', () => {
  it('saves a passage with its provenance, verbatim', () => {
    const r = addItem(emptyDossier(), input(savedFrom(NEWSX, PUTIN_QUOTE, { note: '  said on Thursday  ' })), 'item-aaaa0001', NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.duplicate).toBe(false);
    expect(r.dossier.items).toHaveLength(1);
    expect(r.item).toMatchObject({ id: 'item-aaaa0001', kind: 'quote', note: 'said on Thursday', savedAt: NOW, updatedAt: NOW });
    expect(r.item.target.selector[0].exact).toBe(PUTIN_QUOTE);
    expect(NEWSX).toContain(r.item.target.selector[0].exact);
    expect(ReaderDossier.safeParse(r.dossier).success).toBe(true);
  });

  it('does not save the same passage of the same page for the same actor twice', () => {
    const first = addItem(emptyDossier(), input(savedFrom(NEWSX, PUTIN_QUOTE)), 'item-aaaa0001', NOW);
    if (!first.ok) throw new Error(JSON.stringify(first.reason));
    const withFragment = savedFrom(NEWSX, PUTIN_QUOTE, { url: 'https://news.example/world/putin-donbas#comments' });
    const again = addItem(first.dossier, input(withFragment), 'item-aaaa0002', LATER);
    expect(again).toMatchObject({ ok: true, duplicate: true, item: { id: 'item-aaaa0001' } });
    if (again.ok) expect(again.dossier).toBe(first.dossier);
  });

  it('refuses a page address that is not http, https or file, and changes nothing', () => {
    const bad = savedFrom(NEWSX, PUTIN_QUOTE, { url: 'javascript:alert(1)' });
    const d = emptyDossier();
    const r = addItem(d, input(bad), 'item-aaaa0001', NOW);
    expect(r).toMatchObject({ ok: false, reason: { code: 'invalid', action: 'save', detail: expect.stringMatching(/^target\.source/) } });
    expect(d.items).toHaveLength(0);
  });

  it('refuses an actor of the reader that the dossier does not have', () => {
    const r = addItem(emptyDossier(), input(savedFrom(NEWSX, PUTIN_QUOTE, { actor: { type: 'reader', id: 'reader-x1' } })), 'item-aaaa0001', NOW);
    expect(r).toEqual({ ok: false, reason: { code: 'actorMissing', action: 'save' } });
  });

  it('is bounded: a full dossier refuses with a clear message and keeps every item', () => {
    const template = savedFrom(REUTERS, PESKOV);
    const items = Array.from({ length: MAX_SAVED_ITEMS }, (_, k) => ({ ...template, id: `item-${String(k).padStart(8, '0')}`, target: { ...template.target, source: `https://news.example/${k}` } }));
    const full = { actors: [], items };
    const r = addItem(full, input(savedFrom(NEWSX, PUTIN_QUOTE)), 'item-new00001', NOW);
    expect(r).toEqual(FULL);
    expect(FULL.reason).toEqual({ code: 'full', max: 5000 });
    expect(full.items).toHaveLength(MAX_SAVED_ITEMS);
  });
});

describe('addActor', () => {
  it('creates an actor of the reader and reuses it for the same name and category', () => {
    const a = addActor(emptyDossier(), { name: 'Rustem Umerov', category: 'people', aliases: ['Umerov', 'Rustem Umerov', ' '] }, 'reader-umerov', NOW);
    if (!a.ok) throw new Error(JSON.stringify(a.reason));
    expect(a.actor).toEqual({ id: 'reader-umerov', name: 'Rustem Umerov', category: 'people', aliases: ['Umerov'], createdAt: NOW });
    const b = addActor(a.dossier, { name: 'rustem umerov', category: 'people', aliases: ['Умєров'] }, 'reader-other', LATER);
    if (!b.ok) throw new Error(JSON.stringify(b.reason));
    expect(b.dossier.actors).toHaveLength(1);
    expect(b.actor.id).toBe('reader-umerov');
    expect(b.actor.aliases).toEqual(['Umerov', 'Умєров']);
  });

  it('refuses a one-letter name', () => {
    expect(addActor(emptyDossier(), { name: 'X', category: 'people', aliases: [] }, 'reader-x', NOW)).toMatchObject({ ok: false, reason: { code: 'invalid', action: 'createActor', detail: expect.stringContaining('name') } });
  });
});

describe('editItem, removeItem, restoreItem', () => {
  const saved = addItem(emptyDossier(), input(savedFrom(NEWSX, PUTIN_QUOTE)), 'item-aaaa0001', NOW);
  if (!saved.ok) throw new Error(JSON.stringify(saved.reason));
  const more = addItem(saved.dossier, input(savedFrom(REUTERS, PESKOV, { actor: { type: 'bundled', id: 'dmitry-peskov' }, kind: 'reported' })), 'item-aaaa0002', NOW);
  if (!more.ok) throw new Error(JSON.stringify(more.reason));
  const two = more.dossier;

  it('edits actor, kind and note, never the provenance', () => {
    const r = editItem(two, 'item-aaaa0001', { kind: 'reported', note: 'via Kyiv Independent' }, LATER);
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    expect(r.item).toMatchObject({ kind: 'reported', note: 'via Kyiv Independent', savedAt: NOW, updatedAt: LATER });
    expect(r.item.target).toEqual(two.items[0]!.target);
    const cleared = editItem(r.dossier, 'item-aaaa0001', { note: '' }, LATER);
    if (!cleared.ok) throw new Error(JSON.stringify(cleared.reason));
    expect(cleared.item.note).toBeUndefined();
  });

  it('reports an item that is gone', () => {
    expect(editItem(two, 'item-missing1', { kind: 'note' }, LATER)).toEqual({ ok: false, reason: { code: 'itemGone' } });
  });

  it('deletes, and undo puts the item back where it stood', () => {
    const { dossier, removed } = removeItem(two, 'item-aaaa0001');
    expect(dossier.items.map((i) => i.id)).toEqual(['item-aaaa0002']);
    const back = restoreItem(dossier, removed!);
    if (!back.ok) throw new Error(JSON.stringify(back.reason));
    expect(back.dossier).toEqual(two);
    // A second undo does not duplicate it.
    const twice = restoreItem(back.dossier, removed!);
    expect(twice.ok && twice.dossier.items).toHaveLength(2);
  });

  it('keys duplicates by page without fragment, exact text and actor', () => {
    expect(duplicateKey(two.items[0]!)).toBe(`https://news.example/world/putin-donbas\u0000${PUTIN_QUOTE}\u0000bundled:vladimir-putin`);
  });
});

describe('actor choices', () => {
  const bundled = bundledActorInfo(dataset.actors);
  const created = addActor(emptyDossier(), { name: 'Rustem Umerov', category: 'people', aliases: ['Umerov'] }, 'reader-umerov', NOW);
  if (!created.ok) throw new Error(JSON.stringify(created.reason));
  const choices = actorChoices(bundled, created.dossier);

  it('searches names and aliases of bundled and own actors, name prefixes first', () => {
    expect(searchActors(choices, 'putin')[0]?.name).toBe('Vladimir Putin');
    expect(searchActors(choices, 'Путин').map((c) => c.name)).toContain('Vladimir Putin');
    expect(searchActors(choices, 'umer')).toEqual([expect.objectContaining({ name: 'Rustem Umerov', own: true, ref: { type: 'reader', id: 'reader-umerov' } })]);
    expect(searchActors(choices, 'kremlin')[0]?.name).toMatch(/Kremlin/);
  });

  it('names an actor the data no longer has by its id, never by a guess', () => {
    expect(actorName(choices, { type: 'bundled', id: 'vladimir-putin' })).toBe('Vladimir Putin');
    expect(actorName(choices, { type: 'reader', id: 'reader-gone' })).toBe('reader-gone');
  });
});

describe('the dossier page list: search and filters', async () => {
  const { filterItems, filterOptions, NO_FILTER } = await import('../../src/core/reader-dossier/filter');
  const choices = actorChoices(bundledActorInfo(dataset.actors), emptyDossier());
  const items = [
    savedFrom(NEWSX, PUTIN_QUOTE, { id: 'item-aaaa0001', savedAt: '2026-11-28T10:00:00.000Z' }),
    savedFrom(REUTERS, PESKOV, { id: 'item-aaaa0002', actor: { type: 'bundled', id: 'dmitry-peskov' }, note: 'Zelenskiy call', url: 'https://reuters.example/a', savedAt: '2026-12-01T10:00:00.000Z' }),
  ];
  items[1]!.target.site = 'reuters.example';

  it('lists newest first and searches the passage, the note and the actor', () => {
    expect(filterItems(items, choices, NO_FILTER).map((i) => i.id)).toEqual(['item-aaaa0002', 'item-aaaa0001']);
    expect(filterItems(items, choices, { ...NO_FILTER, query: 'FIGHTING will' }).map((i) => i.id)).toEqual(['item-aaaa0001']);
    expect(filterItems(items, choices, { ...NO_FILTER, query: 'zelenskiy call' }).map((i) => i.id)).toEqual(['item-aaaa0002']);
    expect(filterItems(items, choices, { ...NO_FILTER, query: 'vladimir' }).map((i) => i.id)).toEqual(['item-aaaa0001']);
  });

  it('filters by actor, site and date range (inclusive)', () => {
    expect(filterItems(items, choices, { ...NO_FILTER, actor: 'bundled:dmitry-peskov' }).map((i) => i.id)).toEqual(['item-aaaa0002']);
    expect(filterItems(items, choices, { ...NO_FILTER, site: 'news.example' }).map((i) => i.id)).toEqual(['item-aaaa0001']);
    expect(filterItems(items, choices, { ...NO_FILTER, from: '2026-12-01' }).map((i) => i.id)).toEqual(['item-aaaa0002']);
    expect(filterItems(items, choices, { ...NO_FILTER, to: '2026-11-28' }).map((i) => i.id)).toEqual(['item-aaaa0001']);
  });

  it('offers the actors and sites that have items', () => {
    expect(filterOptions(items, choices)).toEqual({
      actors: [
        { key: 'bundled:dmitry-peskov', name: 'Dmitry Peskov', count: 1 },
        { key: 'bundled:vladimir-putin', name: 'Vladimir Putin', count: 1 },
      ],
      sites: ['news.example', 'reuters.example'],
    });
  });
});
