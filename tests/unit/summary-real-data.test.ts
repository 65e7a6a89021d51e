import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBriefing, summarizePage, type EntityCount } from '../../src/core/summary';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { dataset } from '../../src/data/dataset';

/** Entity counts of one bundled article, as the content script would report them. */
function countsOf(file: string): EntityCount[] {
  const text = readFileSync(new URL(`../../assets/articles/${file}`, import.meta.url), 'utf8');
  const counts = new Map<string, number>();
  for (const m of compileMatcher(buildMatchEntries(dataset)).scan(text)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ id, count }));
}

describe('summary of the Reuters report (Kremlin: Ukraine must leave Donbas)', () => {
  const page = summarizePage(dataset, countsOf('000_78f937a108842e39.txt'));

  it('finds the Kremlin voices and the regions', () => {
    const actors = page.actors.map((a) => a.id);
    expect(actors).toEqual(expect.arrayContaining(['kremlin', 'dmitry-peskov', 'vladimir-putin', 'donald-trump']));
    expect(page.actors.find((a) => a.id === 'dmitry-peskov')!.count).toBeGreaterThanOrEqual(5);
    expect(page.regions.map((r) => r.id)).toEqual(expect.arrayContaining(['donbas', 'crimea']));
    expect(page.total).toBe(page.actors.reduce((n, a) => n + a.count, 0) + page.regions.reduce((n, r) => n + r.count, 0));
  });

  it('shows the withdrawal demand under Donbas and in play, and Putin’s main position is about territory', () => {
    const donbas = page.regions.find((r) => r.id === 'donbas')!;
    expect(donbas.positions[0]?.id).toBe('russia-ukraine-must-withdraw-from-donbas');
    expect(donbas.control.length).toBeGreaterThan(0);
    expect(page.inPlay.map((p) => p.id)).toContain('russia-ukraine-must-withdraw-from-donbas');
    expect(page.actors.find((a) => a.id === 'vladimir-putin')!.mainPosition?.topics).toContain('territory');
    expect(page.topics[0]).toBe('territory');
  });

  it('lists what this report leaves out, such as Lavrov’s sanctions demand', () => {
    const missing = page.notMentioned.map((p) => p.id);
    expect(missing).toContain('russia-lift-sanctions-return-assets');
    expect(missing.filter((id) => page.inPlay.some((p) => p.id === id))).toEqual([]);
    expect(missing.length + page.inPlay.length).toBe(dataset.positions.length);
  });
});

describe('briefing on the real data', () => {
  it('covers every position once, grouped by side in a fixed order', () => {
    const b = buildBriefing(dataset);
    expect(b.map((s) => s.side)).toEqual(['russia', 'ukraine', 'usa', 'europe', 'other']);
    const ids = b.flatMap((s) => s.positions.map((p) => p.id));
    expect(new Set(ids).size).toBe(dataset.positions.length);
    for (const s of b) for (const p of s.positions) expect(p.side).toBe(s.side);
    // The Russian demand reported by four sources leads Russia's list.
    expect(b[0]!.positions[0]!.id).toBe('russia-ukraine-must-withdraw-from-donbas');
  });
});
