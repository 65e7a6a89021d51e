import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { buildPageData, extrasOf, pageDictionary, withExtraAliases, withoutExtras, type PageData } from '../../src/core/page-data';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { dataset } from '../../src/data/dataset';
import { PAGE_DATA_MODULE, pageDataModule, pageDataModuleCode } from '../../scripts/lib/vite-page-data';

const ARTICLES = join(import.meta.dirname, '..', '..', 'assets', 'articles');
/** As the content script gets it: through the build's JSON (scripts/lib/vite-page-data.ts). */
const page: PageData = JSON.parse(JSON.stringify(buildPageData(dataset)));
const fullNames = compileMatcher(buildMatchEntries(dataset));
const pageNames = compileMatcher(pageDictionary(page));
const fullQuotes = compileQuoteMatcher(dataset.quotes);
const pageQuotes = compileQuoteMatcher(page.quotes);

describe('page data: what the content script carries instead of the data set', () => {
  for (const source of dataset.sources) {
    const text = readFileSync(join(ARTICLES, source.file), 'utf8');
    it(`${source.id}: the same name mentions and the same quotations as the full data set`, () => {
      const names = pageNames.scan(text);
      expect(names.length).toBeGreaterThan(10);
      expect(names).toEqual(fullNames.scan(text));
      const flat = text.replace(/\s+/g, ' ');
      const quotes = pageQuotes.find(flat);
      expect(quotes).toEqual(fullQuotes.find(flat));
      expect(quotes.length).toBe(dataset.quotes.filter((q) => q.source === source.id).length);
    });
  }

  it("keeps the not-mentions: without them a newspaper's name would be a mention of its city", () => {
    expect(page.notMentions).toEqual(dataset.notMentions.map((n) => n.text));
    const texts = dataset.sources.map((s) => readFileSync(join(ARTICLES, s.file), 'utf8'));
    const without = compileMatcher(page.entries, { notMentions: [] });
    expect(texts.some((t) => JSON.stringify(without.scan(t)) !== JSON.stringify(pageNames.scan(t)))).toBe(true);
  });

  it("names each quotation's mention after its speaker, as the card does", () => {
    const putin = dataset.quotes.find((q) => q.speaker === 'vladimir-putin')!;
    expect(page.quotes.find((q) => q.id === putin.id)!.label).toBe('Vladimir Putin, quoted');
    const actors = new Set(dataset.actors.map((a) => a.id));
    for (const q of dataset.quotes) {
      expect(page.quotes.find((p) => p.id === q.id)!.label).toBe(actors.has(q.speaker) ? `${dataset.actors.find((a) => a.id === q.speaker)!.name}, quoted` : 'Quotation');
    }
  });

  it('carries no card text: no evidence, positions, sources or disagreements, and is a fraction of the data set', () => {
    expect(Object.keys(page).sort()).toEqual(['entries', 'nameContexts', 'notMentions', 'quotes']);
    expect(Object.keys(page.quotes[0]!).sort()).toEqual(['id', 'label', 'sentence', 'speakers', 'text']);
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(dataset).length / 2);
  });

  it('the build module exports exactly this page data, without its extras (the background answers for them)', async () => {
    const code = pageDataModuleCode(dataset);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: PageData };
    const { nameContexts, quotes, ...rest } = page;
    expect(mod.default).toEqual(withoutExtras(page));
    expect(mod.default.quotes).toEqual([]);
    expect(mod.default.nameContexts).toBeUndefined();
    const cyrillic = (p: PageData) => p.entries.flatMap((e) => e.aliases).filter((a) => /[\u0400-\u04ff]/.test(a.text));
    expect(cyrillic(page).length).toBeGreaterThan(100);
    expect(cyrillic(mod.default)).toEqual([]);
    const extras = extrasOf(page);
    expect({ ...rest, entries: withExtraAliases(mod.default.entries, extras), nameContexts: extras.nameContexts, quotes: extras.quotes }).toEqual({
      ...rest,
      entries: page.entries.map((e) => ({ ...e, aliases: [...e.aliases.filter((a) => !/[\u0400-\u04ff]/.test(a.text)), ...e.aliases.filter((a) => /[\u0400-\u04ff]/.test(a.text))] })),
      nameContexts,
      quotes,
    });
  });

  it('with the extras back, finds every name the full data set finds, in every script', () => {
    const carried = withoutExtras(page);
    const extras = extrasOf(page);
    const merged = compileMatcher(Object.assign(withExtraAliases(carried.entries, extras)!, { notMentions: page.notMentions, nameContexts: extras.nameContexts }));
    const alone = compileMatcher(Object.assign([...carried.entries], { notMentions: page.notMentions, nameContexts: extras.nameContexts }));
    // Every alias of the data set in a sentence, and the articles.
    const aliases = dataset.actors.flatMap((a) => a.aliases.map((x) => x.text)).concat(dataset.regions.flatMap((r) => r.aliases.map((x) => x.text)));
    const texts = [
      aliases.map((a) => `Сказал ${a}, что`).join(' '),
      aliases.map((a) => `said ${a} and`).join(' '),
      ...dataset.sources.map((source) => readFileSync(join(ARTICLES, source.file), 'utf8')),
    ];
    for (const text of texts) expect(merged.scan(text)).toEqual(fullNames.scan(text));
    // Without them, a page in Russian or Ukrainian would find nothing of its own script.
    expect(alone.scan(texts[0]!).length).toBeLessThan(fullNames.scan(texts[0]!).length);
  });

  it('the build fails when a bundle carries both the page data and the data set', () => {
    const plugin = pageDataModule(dataset) as unknown as {
      generateBundle(this: { error(msg: string): never }, o: unknown, bundle: Record<string, unknown>): void;
    };
    const ctx = { error: (msg: string): never => { throw new Error(msg); } };
    const chunk = (moduleIds: string[]) => ({ 'content.js': { type: 'chunk', fileName: 'content.js', moduleIds } });
    const virtual = `\0${PAGE_DATA_MODULE}`;
    expect(() => plugin.generateBundle.call(ctx, {}, chunk([virtual, '/repo/src/core/matcher.ts']))).not.toThrow();
    expect(() => plugin.generateBundle.call(ctx, {}, chunk(['/repo/src/data/dataset.ts']))).not.toThrow();
    expect(() => plugin.generateBundle.call(ctx, {}, chunk([virtual, '/repo/src/data/dataset.ts']))).toThrow(/content\.js carries/);
  });
});
