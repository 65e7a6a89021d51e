/**
 * `npm run -s data:export`: the export function's shape, and the script as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../src/data/export';
import { data } from '../../src/data/index';
import { dataset } from '../../src/data/dataset';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(TSX, ['scripts/data-export.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('exportDataset', () => {
  const out = exportDataset(data);

  it('has the contract fields of every collection', () => {
    for (const s of out.sources) expect(s).toMatchObject({ id: expect.any(String), outlet: expect.any(String), file: expect.stringMatching(/\.txt$/) });
    for (const a of out.actors) {
      expect(a).toMatchObject({ id: expect.any(String), name: expect.any(String), kind: expect.any(String), role: expect.any(String) });
      expect(a.aliases.every((x) => typeof x === 'string')).toBe(true);
      expect(a.aliasDetails.length).toBeGreaterThanOrEqual(a.aliases.length);
    }
    for (const r of out.regions) expect(r).toMatchObject({ id: expect.any(String), name: expect.any(String), aliases: expect.any(Array), parts: expect.any(Array) });
    for (const p of out.positions)
      expect(p).toMatchObject({ id: expect.any(String), holders: expect.any(Array), summary: expect.any(String), regions: expect.any(Array), quotes: expect.any(Array), sources: expect.any(Array) });
    for (const q of out.quotes) expect(q).toMatchObject({ id: expect.any(String), speaker: expect.any(String), text: expect.any(String), source: expect.any(String) });
    expect(out.disagreements.length).toBe(data.disagreements.length);
  });

  it('flattens aliases to distinct strings and keeps their languages in aliasDetails', () => {
    const zelensky = out.actors.find((a) => a.id === 'volodymyr-zelensky')!;
    expect(zelensky.aliases).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Зеленський', 'Зеленский', 'Selenskyj']));
    expect(zelensky.aliases.filter((a) => a === 'Zelensky')).toHaveLength(1);
    expect(zelensky.aliasDetails.filter((a) => a.text === 'Zelensky').map((a) => a.lang)).toEqual(['en', 'fr', 'it']);
    expect(out.regions.find((r) => r.id === 'donbas')!.parts).toEqual(['donetsk', 'luhansk']);
  });

  it('counts what it exports', () => {
    expect(out.counts).toEqual({
      sources: 5,
      actors: out.actors.length,
      regions: out.regions.length,
      positions: out.positions.length,
      quotes: out.quotes.length,
      disagreements: out.disagreements.length,
      omissions: out.omissions.length,
      notMentions: out.notMentions.length,
    });
  });

  it('exports the not-mentions with their reasons and evidence', () => {
    expect(out.notMentions.map((n) => n.text)).toEqual(expect.arrayContaining(['Moscow Times', 'Kyiv Independent']));
    expect(out.notMentions.find((n) => n.text === 'Kyiv Independent')!.evidence).toEqual({
      source: 'newsx-putin-donbas-withdrawal',
      text: 'according to The Kyiv Independent',
    });
  });
});

describe('scripts/data-export.ts', () => {
  it('prints the whole data set as one JSON object', () => {
    const r = run();
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual(JSON.parse(JSON.stringify(exportDataset(data))));
  });

  it('validates a data set given as a JSON file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-export-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(dataset));
    expect(run('--data', good).status).toBe(0);

    const bad = structuredClone(dataset);
    bad.positions[3]!.regions = ['donbass'];
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const r = run('--data', badFile);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual(['data:export: data set is invalid (1 problem): positions[3].regions[0]: unknown region "donbass"']);
  });

  it('fails in one line on a missing file, bad JSON or unknown arguments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-export-'));
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{ nope');
    for (const args of [['--data', join(dir, 'missing.json')], ['--data', notJson], ['--bogus']]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^data:export: /);
    }
  });
});
