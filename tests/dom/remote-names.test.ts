/**
 * A whole-page scan's names asked of the background, page side: texts go in messages within the bounds of one, in walk
 * order; a text without a letter is never sent, and comes back with no names; the answers are handed out in walk order,
 * a failed message's texts marked to be matched on the page.
 */
import { describe, expect, it, vi } from 'vitest';
import { createNameFinder } from '../../src/background/name-finder';
import { matcherFromPlan } from '../../src/core/matcher';
import { buildPageData } from '../../src/core/page-data';
import { pageExtras } from '../../src/core/page-extras';
import { FIND_QUOTES_CHARS } from '../../src/core/quotes-found';
import { RemoteNames, type FindNames } from '../../src/content/remote-names';
import { dataset } from '../../src/data/dataset';

const extras = pageExtras(buildPageData(dataset));
const matcher = matcherFromPlan(extras.plan!);
const finder = createNameFinder({ extras: () => extras });

function remote(find: FindNames) {
  return new RemoteNames(find, extras.planKey!, matcher);
}

/** Text nodes of a page, with `texts`. */
function nodes(texts: string[]): Text[] {
  return texts.map((t) => document.createTextNode(t));
}

async function all(r: RemoteNames) {
  const out: { text: string; names: string[] | null }[] = [];
  r.send();
  while (r.pending) {
    await r.next();
    for (const item of r.take(1000)) out.push({ text: item.text, names: item.mentions?.map((m) => m.text) ?? null });
  }
  return out;
}

describe('names asked of the background, page side', () => {
  it('sends texts in walk order, within a message’s bounds, never one without a letter, and hands the names out in order', async () => {
    const sent: string[][] = [];
    const find: FindNames = async (texts, plan) => (sent.push(texts), structuredClone(finder.find(structuredClone(texts), plan)));
    const long = (name: string) => `${name} spoke. `.padEnd(FIND_QUOTES_CHARS * 0.4, 'x ');
    const texts = ['Putin met Zelensky.', '\n    ', long('Macron'), '  \n', long('Scholz'), long('Stubb'), '12 345', 'Kyiv'];
    const r = remote(find);
    nodes(texts).forEach((n, i) => r.add(n, texts[i]!));
    const out = await all(r);
    expect(out.map((o) => o.text)).toEqual(texts);
    expect(out.map((o) => o.names?.[0] ?? null)).toEqual(['Putin', null, 'Macron', null, null, 'Stubb', null, 'Kyiv']);
    expect(out[1]!.names).toEqual([]);
    for (const batch of sent) {
      expect(batch.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(FIND_QUOTES_CHARS);
      for (const t of batch) expect(/\p{L}/u.test(t)).toBe(true);
    }
    expect(sent.flat()).toEqual(texts.filter((t) => /\p{L}/u.test(t)));
    expect(sent.length).toBeGreaterThan(1);
    expect(r.answered).toBe(5);
  });

  it('asks nothing for texts without a letter, and marks a failed message’s texts to be matched on the page', async () => {
    const find = vi.fn<FindNames>(() => Promise.reject(new Error('asleep')));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const blank = remote(find);
    nodes(['   ', '\n\n', '—  —']).forEach((n) => blank.add(n, n.data));
    expect((await all(blank)).every((o) => o.names !== null && o.names.length === 0)).toBe(true);
    expect(find).not.toHaveBeenCalled();
    const failed = remote(find);
    nodes(['Putin', '   ']).forEach((n) => failed.add(n, n.data));
    expect((await all(failed)).map((o) => o.names)).toEqual([null, []]);
    expect(failed.answered).toBe(0);
    warn.mockRestore();
  });
});
