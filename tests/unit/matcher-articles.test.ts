import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { foldKey } from '../../src/core/normalize';
import { dataset } from '../../src/data/dataset';

const ARTICLES = resolve(import.meta.dirname, '..', '..', 'assets', 'articles');
const article = (file: string) => readFileSync(join(ARTICLES, file), 'utf8');
const entries = buildMatchEntries(dataset);
const matcher = compileMatcher(entries);

/** The mention a reader sees at the first occurrence of `phrase` (+ `offset`) in `text`. */
function mentionAt(text: string, phrase: string, offset = 0) {
  const at = text.indexOf(phrase);
  expect(at, phrase).toBeGreaterThanOrEqual(0);
  return matcher.scan(text).find((m) => m.start === at + offset);
}

/**
 * Every mention of each article, in order, as "text→id": reviewed by reading the articles. Every name
 * a reader sees is here, and nothing else (no "Crimean", no "Volodymyr alone", no "The Moscow Times").
 */
const EXPECTED: Record<string, string[]> = {
  '000_78f937a108842e39.txt': [
    'Kremlin→kremlin | Ukraine→ukraine | Donbas→donbas | Kyiv→ukraine | Moscow→russia | Kremlin→kremlin',
    'Dmitry Peskov→dmitry-peskov | Vladimir Putin→vladimir-putin | U.S.→united-states',
    'Donald Trump→donald-trump | Trump→donald-trump | Volodymyr Zelenskiy→volodymyr-zelensky',
    'Russia→russia | Ukraine→ukraine | Crimea→crimea | Donbas→donbas | Zaporizhzhia→zaporizhzhia',
    'Kherson→kherson | Kharkiv→kharkiv | Sumy→sumy | Mykolaiv→mykolaiv | Dnipropetrovsk→dnipropetrovsk',
    'Russia→russia | Donbas→donbas | Zaporizhzhia→zaporizhzhia | Kherson→kherson | Ukraine→ukraine',
    'MOSCOW→russia | Kremlin→kremlin | Yuri Ushakov→yuri-ushakov | Kyiv→ukraine | Donbas→donbas',
    'Peskov→dmitry-peskov | Ukraine→ukraine | Donbas→donbas | Peskov→dmitry-peskov',
    'Zaporizhzhia→zaporizhzhia | Kherson→kherson | Donbas→donbas',
    'Zaporizhzhia nuclear power plant→zaporizhzhia-npp | Peskov→dmitry-peskov | Putin→vladimir-putin',
    'Zelenskiy→volodymyr-zelensky | Kremlin→kremlin | Russia→russia | United States→united-states',
    'Moscow→russia | Russia→russia | Kyiv→ukraine | Ukraine→ukraine | Moscow→russia',
    'United States→united-states | Trump→donald-trump | Zelenskiy→volodymyr-zelensky',
    'Putin→vladimir-putin | Ukraine→ukraine | Western governments→western-governments | Kyiv→ukraine',
    'Russia→russia | Peskov→dmitry-peskov | Putin→vladimir-putin | Trump→donald-trump',
    'U.S.→united-states | Kremlin→kremlin | Russia→russia | Ukraine→ukraine',
  ],
  '001_ad98cfedb2a06ee8.txt': [
    'Vladimir Putin→vladimir-putin | Ukraine→ukraine | Donbas region→donbas | US→united-states | Putin→vladimir-putin',
    'Russia→russia | Donbas→donbas | Moscow→russia | Donetsk→donetsk | Kherson→kherson',
    'Luhansk→luhansk | Zaporizhzhia→zaporizhzhia | Donbas→donbas | Donets Coal Basin→donbas | Donetsk→donetsk',
    'Luhansk→luhansk | Putin→vladimir-putin | US→united-states | Steve Witkoff→steve-witkoff | Witkoff→steve-witkoff',
    'Donald Trump→donald-trump | Putin→vladimir-putin | Witkoff→steve-witkoff | Putin→vladimir-putin | Witkoff→steve-witkoff',
    'Kremlin→kremlin | Yuri Ushakov→yuri-ushakov | Witkoff→steve-witkoff | Volodymyr Zelensky→volodymyr-zelensky | Putin→vladimir-putin',
    'Russia→russia | Donbas→donbas | Crimea→crimea | Ukraine→ukraine | United States→united-states',
    'Ukraine→ukraine | Zelensky→volodymyr-zelensky | Ukraine→ukraine | Russia→russia | Ukraine→ukraine',
    'Putin→vladimir-putin | US→united-states | Donald Trump→donald-trump | Ukraine→ukraine | NATO→nato',
    'Donbas→donbas | European representatives→european-leaders | Vladimir Putin→vladimir-putin | Russia→russia | Ukraine→ukraine',
    'US→united-states | US→united-states',
  ],
  '002_372ad5692174bae3.txt': [
    'Vladimir Putin→vladimir-putin | Donbas region→donbas | Ukraine→ukraine | Russia→russia | Putin→vladimir-putin',
    'Moscow→russia | Donbas region→donbas | Volodymyr Zelensky→volodymyr-zelensky | Putin→vladimir-putin | U.S.→united-states',
    'Donald Trump→donald-trump | U.S.→united-states | Putin→vladimir-putin | Steve Witkoff→steve-witkoff | Trump→donald-trump',
    'Trump→donald-trump | Kremlin→kremlin | U.S.→united-states | Donbas→donbas | Witkoff→steve-witkoff',
    'Putin→vladimir-putin | Witkoff→steve-witkoff | Jared Kushner→jared-kushner | Trump→donald-trump | Kremlin→kremlin',
    'Moscow→russia | U.S.→united-states | Putin→vladimir-putin | Ukrainian territory→ukrainian-territory | Ukraine→ukraine',
    'Yuri Ushakov→yuri-ushakov | Putin→vladimir-putin | Ushakov→yuri-ushakov | Russia→russia | Moscow→russia',
    'Ukraine→ukraine | Russia→russia | Moscow→russia | Ukrainian territory→ukrainian-territory | Kremlin→kremlin',
    'Andrii Sybhia→andrii-sybiha | Putin→vladimir-putin | Ukraine→ukraine | Zelensky→volodymyr-zelensky | Russia→russia',
    'Kyiv→ukraine | European allies→european-leaders | U.S.→united-states | Moscow→russia | U.S.→united-states',
    'European negotiators→european-leaders | U.S.→united-states | U.S.→united-states | European leaders→european-leaders | U.S.→united-states',
    'US→united-states | Ukraine→ukraine | Emmanuel Macron→emmanuel-macron | Friedrich Merz→friedrich-merz | Zelensky→volodymyr-zelensky',
    'Merz→friedrich-merz | Alexander Stubb→alexander-stubb | Ukraine→ukraine | Élysée Palace→elysee-palace | Macron→emmanuel-macron',
    'Stubb→alexander-stubb | Merz→friedrich-merz | White House→white-house | Rubio→marco-rubio | Witkoff→steve-witkoff',
    'Kushner→jared-kushner | Russia→russia | Ukraine→ukraine | Russia→russia | Ukraine→ukraine',
    'Ukrainian territory→ukrainian-territory | Ukraine→ukraine | Rusia→russia | Western officials→western-governments | Moscow→russia',
    'Vladimir Putin→vladimir-putin',
  ],
  '003_9f6cfb509fb54cb0.txt': [
    'Russia→russia | Ukraine→ukraine | Mariupol→mariupol | Moscow→russia | Ukraine→ukraine',
    'Crimean peninsula→crimea | Ukraine→ukraine | Kremlin→kremlin | Dmitry Peskov→dmitry-peskov',
    'Peskov→dmitry-peskov | Kyiv→ukraine | Moscow→russia | Ukraine→ukraine | Zelensky→volodymyr-zelensky',
    'Russia→russia | Vladimir Putin→vladimir-putin | Russia→russia | Crimea→crimea | Ukraine→ukraine',
    'European officials→european-leaders | Moscow→russia | Sergei Lavrov→sergei-lavrov | Russia→russia',
    'Crimea→crimea | Ukraine→ukraine | Kiev→ukraine | Lavrov→sergei-lavrov | U.S.→united-states',
    'Donald Trump→donald-trump | Zelensky→volodymyr-zelensky | Crimea→crimea | Moscow→russia',
    'Washington→united-states | Lavrov→sergei-lavrov | Moscow→russia | Ukraine→ukraine',
    'Zelensky→volodymyr-zelensky | Ukraine→ukraine | Lavrov→sergei-lavrov | Moscow→russia',
    'Russian Federation→russia | NATO→nato | European Union→european-union | Russia→russia',
    'Russia→russia | Russia→russia | Russia→russia',
  ],
  '004_b13fc7fc249610ac.txt': [
    'Putin→vladimir-putin | Ukraine→ukraine | Vladimir Putin→vladimir-putin | Ukraine→ukraine | Moscow→russia',
    'Russia→russia | Crimea→crimea | Russia→russia | Donbas region→donbas | Luhansk→luhansk',
    'Donetsk→donetsk | Putin→vladimir-putin | U.S.→united-states | Moscow→russia | Putin→vladimir-putin',
    'U.S.→united-states | Ukraine→ukraine | Putin→vladimir-putin | U.S.→united-states | Russia→russia',
    'Crimea→crimea | Donbas→donbas | Putin→vladimir-putin | United States→united-states | Moscow→russia',
    'Putin→vladimir-putin | U.S.→united-states | Ukraine→ukraine | U.S.→united-states | Kremlin→kremlin',
    'Ukraine→ukraine | Western officials→western-governments',
  ],
};

describe('the five articles', () => {
  it('has a baseline for every article', () => {
    expect(readdirSync(ARTICLES).filter((f) => f.endsWith('.txt')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [file, lines] of Object.entries(EXPECTED)) {
    it(`finds exactly the expected mentions in ${file}`, () => {
      const text = article(file);
      const mentions = matcher.scan(text);
      expect(mentions.map((m) => `${m.text}→${m.id}`)).toEqual(lines.join(' | ').split(' | '));
      for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    });
  }

  it('reads "Kremlin spokesman Dmitry Peskov" as the Kremlin and Dmitry Peskov', () => {
    const text = article('000_78f937a108842e39.txt');
    expect(mentionAt(text, 'Kremlin spokesman Dmitry Peskov')).toMatchObject({ text: 'Kremlin', id: 'kremlin', category: 'organisations' });
    expect(mentionAt(text, 'Kremlin spokesman Dmitry Peskov', 'Kremlin spokesman '.length)).toMatchObject({
      text: 'Dmitry Peskov',
      id: 'dmitry-peskov',
      category: 'people',
    });
  });
  it('finds Trump before a curly possessive, the span being the name', () => {
    const text = article('000_78f937a108842e39.txt');
    expect(mentionAt(text, 'Trump’s meeting')).toMatchObject({ text: 'Trump', id: 'donald-trump', end: text.indexOf('Trump’s meeting') + 5 });
  });
  it('finds the Reuters spelling Zelenskiy and the NewsX spelling Zelensky as the same person', () => {
    expect(mentionAt(article('000_78f937a108842e39.txt'), 'Volodymyr Zelenskiy')).toMatchObject({ id: 'volodymyr-zelensky' });
    expect(mentionAt(article('001_ad98cfedb2a06ee8.txt'), 'Volodymyr Zelensky')).toMatchObject({ id: 'volodymyr-zelensky' });
  });
  it('finds the all-caps section label WHAT MOSCOW IS SAYING (Moscow stands for Russia in the data)', () => {
    expect(mentionAt(article('000_78f937a108842e39.txt'), 'MOSCOW', 0)).toMatchObject({ text: 'MOSCOW', id: 'russia', alias: 'Moscow' });
  });
  it('never finds Crimea inside "Crimean" unless the whole alias "Crimean peninsula" is written', () => {
    const text = article('003_9f6cfb509fb54cb0.txt');
    expect(mentionAt(text, 'Crimean peninsula')).toMatchObject({ text: 'Crimean peninsula', id: 'crimea' });
    expect(matcher.scan('the Crimean leadership and Crimean Tatars')).toEqual([]);
  });
  it('finds no mention inside Putinism, a lone first name, or a newspaper named after a city', () => {
    expect(matcher.scan('Putinism and Trumpism; Kremlinology')).toEqual([]);
    const bbc = article('002_372ad5692174bae3.txt');
    expect(mentionAt(bbc, 'Volodymyr alone')).toBeUndefined();
    expect(matcher.scan('Support The Moscow Times! According to The Kyiv Independent.')).toEqual([]);
    expect(matcher.scan('The Moscow Times reported that Moscow disagreed.').map((m) => m.text)).toEqual(['Moscow']);
  });
  it('finds the BBC misspellings the data records (Sybhia, Rusia)', () => {
    const bbc = article('002_372ad5692174bae3.txt');
    expect(mentionAt(bbc, 'Andrii Sybhia')).toMatchObject({ id: 'andrii-sybiha' });
    expect(mentionAt(bbc, 'Rusia’s')).toMatchObject({ text: 'Rusia', id: 'russia' });
  });
  it('prefers the longest alias: the nuclear power plant, the Donbas region', () => {
    const reuters = article('000_78f937a108842e39.txt');
    expect(mentionAt(reuters, 'Zaporizhzhia nuclear power plant')).toMatchObject({ id: 'zaporizhzhia-npp' });
    expect(mentionAt(article('004_b13fc7fc249610ac.txt'), 'Donbas region')).toMatchObject({ text: 'Donbas region', id: 'donbas' });
    expect(mentionAt(reuters, 'Dnipropetrovsk regions')).toMatchObject({ text: 'Dnipropetrovsk', id: 'dnipropetrovsk' });
  });
});

describe('the real dictionary', () => {
  it('finds every alias of the data set in a sentence, as its entity', () => {
    let checked = 0;
    for (const entry of entries) {
      for (const alias of entry.aliases) {
        const mentions = matcher.scan(`Reports said (${alias.text}) was mentioned.`);
        expect(mentions, alias.text).toHaveLength(1);
        expect(mentions[0], alias.text).toMatchObject({ id: entry.id, text: alias.text });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
  it('has no alias shared by two entities that sharedAliases does not declare', () => {
    const owners = new Map<string, Set<string>>();
    for (const entry of buildMatchEntries({ actors: dataset.actors, regions: dataset.regions })) {
      for (const alias of entry.aliases) {
        const key = foldKey(alias.text);
        owners.set(key, (owners.get(key) ?? new Set()).add(entry.id));
      }
    }
    const shared: readonly { text: string }[] = dataset.sharedAliases;
    const declared = new Set(shared.map((s) => foldKey(s.text)));
    const undeclared = [...owners].filter(([key, ids]) => ids.size > 1 && !declared.has(key)).map(([key]) => key);
    expect(undeclared).toEqual([]);
  });
  it('has no alias that the data’s not-mention phrases would swallow', () => {
    const keys = new Set(entries.flatMap((e) => e.aliases.map((a) => foldKey(a.text))));
    expect(entries.notMentions.length).toBe(dataset.notMentions.length);
    expect(entries.notMentions.filter((p) => keys.has(foldKey(p)))).toEqual([]);
  });
  it('takes the not-mentions from the data: without them the newspapers are Russia and Ukraine again', () => {
    const text = 'Support The Moscow Times! According to The Kyiv Independent.';
    const bare = compileMatcher([...entries]);
    expect(bare.scan(text).map((m) => `${m.text}→${m.id}`)).toEqual(['Moscow→russia', 'Kyiv→ukraine']);
    expect(compileMatcher([...entries], { notMentions: dataset.notMentions.map((n) => n.text) }).scan(text)).toEqual([]);
    expect(matcher.scan(text)).toEqual([]);
  });
});
