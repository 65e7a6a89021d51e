import { describe, expect, it } from 'vitest';
import { exportJson, mergeExport, parseExport, toExportFile } from '../../src/core/reader-dossier/transfer';
import { EXPORT_FORMAT, EXPORT_VERSION, MAX_SAVED_ITEMS, type ReaderDossier } from '../../src/data/reader-dossier-schema';
import { importReasonText } from '../../src/shared/reader-dossier-words';
import { NEWSX, REUTERS, savedFrom } from './reader-dossier-fixtures';

const NOW = '2026-12-01T09:00:00.000Z';
const PUTIN_QUOTE = 'Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease';
const PESKOV = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';
const UMEROV = { id: 'reader-umerov', name: 'Rustem Umerov', category: 'people' as const, aliases: ['Umerov'], createdAt: NOW };

const dossier: ReaderDossier = {
  actors: [UMEROV],
  items: [
    savedFrom(NEWSX, PUTIN_QUOTE, { id: 'item-aaaa0001' }),
    savedFrom(REUTERS, PESKOV, { id: 'item-aaaa0002', actor: { type: 'reader', id: 'reader-umerov' }, kind: 'note', note: 'check who was on the call' }),
  ],
};

describe('export', () => {
  it('writes a versioned file that imports back to the same dossier', () => {
    const text = exportJson(dossier, NOW);
    expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: NOW });
    const back = parseExport(text);
    expect(back).toEqual({ ok: true, file: toExportFile(dossier, NOW) });
    if (!back.ok) return;
    expect(back.file.items[0]!.target.selector[0].exact).toBe(PUTIN_QUOTE);
  });
});

describe('parseExport: one clear error for a malformed or foreign file', () => {
  const valid = JSON.parse(exportJson(dossier, NOW));
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "dossier-reader-dossier", ', /^This file is not a Dossier export: it is not JSON\.$/],
    ['a foreign JSON file', JSON.stringify({ annotations: [{ text: 'hello' }] }), /it has no "format": "dossier-reader-dossier"/],
    ['a JSON array', '[1, 2, 3]', /it has no "format"/],
    ['a newer version', JSON.stringify({ ...valid, version: EXPORT_VERSION + 1 }), /version 2, made by a newer Dossier/],
    ['no version', JSON.stringify({ ...valid, version: 'one' }), /no valid "version"/],
    ['a damaged item', JSON.stringify({ ...valid, items: [{ ...valid.items[0], kind: 'rumour' }] }), /damaged, nothing was imported: items\[0\]\.kind/],
    ['a script URL', JSON.stringify({ ...valid, items: [{ ...valid.items[0], target: { ...valid.items[0].target, source: 'javascript:alert(1)' } }] }), /items\[0\]\.target\.source/],
    ['an unknown field', JSON.stringify({ ...valid, extra: true }), /damaged/],
    ['an item naming a missing actor', JSON.stringify({ ...valid, actors: [] }), /items\[1\] names an actor the file does not contain/],
  ];
  for (const [what, text, error] of cases) {
    it(what, () => {
      const r = parseExport(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(importReasonText(r.reason)).toMatch(error);
      expect(importReasonText(r.reason).split('\n')).toHaveLength(1);
    });
  }

  it('counts further problems in the same sentence', () => {
    const r = parseExport(JSON.stringify({ ...valid, exportedAt: 'yesterday', items: [{ ...valid.items[0], kind: 'rumour' }] }));
    expect(r).toMatchObject({ ok: false, reason: { code: 'damaged', more: 1 } });
    if (!r.ok) expect(importReasonText(r.reason)).toMatch(/\(and 1 more problem\)\.$/);
  });
});

describe('mergeExport', () => {
  const file = toExportFile(dossier, NOW);

  it('into an empty dossier: everything is added', () => {
    const r = mergeExport({ actors: [], items: [] }, file);
    expect(r).toMatchObject({ ok: true, summary: { added: 2, duplicates: 0, actorsAdded: 1 } });
    if (r.ok) expect(r.dossier).toEqual(dossier);
  });

  it('into itself: nothing doubles', () => {
    const r = mergeExport(dossier, file);
    expect(r).toMatchObject({ ok: true, summary: { added: 0, duplicates: 2, actorsAdded: 0 } });
    if (r.ok) expect(r.dossier).toEqual(dossier);
  });

  it('the same passage saved on another device (another id) is one item; the one edited last wins', () => {
    const elsewhere = savedFrom(NEWSX, PUTIN_QUOTE, { id: 'item-bbbb0001', note: 'edited later' });
    elsewhere.updatedAt = '2026-12-03T00:00:00.000Z';
    const r = mergeExport(dossier, { ...file, items: [elsewhere] });
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    expect(r.summary).toEqual({ added: 0, duplicates: 1, actorsAdded: 0 });
    expect(r.dossier.items[0]).toMatchObject({ id: 'item-aaaa0001', note: 'edited later' });
  });

  it('an actor created on another device with the same name is merged, and its items follow it', () => {
    const twin = { ...UMEROV, id: 'reader-umerov-2', aliases: ['Умєров'] };
    const item = savedFrom(NEWSX, PUTIN_QUOTE, { id: 'item-cccc0001', actor: { type: 'reader', id: 'reader-umerov-2' } });
    const r = mergeExport(dossier, { ...file, actors: [twin], items: [item] });
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    expect(r.summary).toEqual({ added: 1, duplicates: 0, actorsAdded: 0 });
    expect(r.dossier.actors).toEqual([{ ...UMEROV, aliases: ['Umerov', 'Умєров'] }]);
    expect(r.dossier.items.at(-1)!.actor).toEqual({ type: 'reader', id: 'reader-umerov' });
  });

  it('refuses, whole, an import that would pass the bound', () => {
    const template = savedFrom(REUTERS, PESKOV);
    const many = Array.from({ length: MAX_SAVED_ITEMS - 1 }, (_, k) => ({ ...template, id: `item-${String(k).padStart(8, '0')}`, target: { ...template.target, source: `https://news.example/${k}` } }));
    const r = mergeExport(dossier, { ...file, actors: [], items: many });
    expect(r).toEqual({ ok: false, reason: { code: 'full', max: MAX_SAVED_ITEMS } });
    if (!r.ok) expect(importReasonText(r.reason)).toBe('Nothing was imported: your dossier would have more than 5,000 items. Export it, then delete some items first.');
    expect(dossier.items).toHaveLength(2);
  });
});

describe('the import fixtures of the end-to-end tests', async () => {
  const { readFileSync } = await import('node:fs');
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/reader-dossier/${name}`, import.meta.url), 'utf8');
  it('export-v1.json is valid and its passage is verbatim from the NewsX article', () => {
    const r = parseExport(fixture('export-v1.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    expect(NEWSX).toContain(r.file.items[0]!.target.selector[0].exact);
  });
  it('export-damaged.json and foreign.json are refused with one sentence each', () => {
    const text = (r: ReturnType<typeof parseExport>) => (r.ok ? '' : importReasonText(r.reason));
    expect(text(parseExport(fixture('export-damaged.json')))).toContain('items[0].target.source');
    expect(text(parseExport(fixture('foreign.json')))).toContain('not a Dossier export');
  });
});
