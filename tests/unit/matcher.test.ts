import { describe, expect, it } from 'vitest';
import type { MatchEntry } from '../../src/core/entity-index';
import { buildMatchEntries } from '../../src/core/entity-index';
import { aliasPatternSources } from '../../src/core/alias-pattern';
import { compileMatcher } from '../../src/core/matcher';
import type { Lang } from '../../src/data/schema';

const a = (text: string, lang: Lang = 'en') => ({ text, lang });

/** A small dictionary shaped like the real one (people, institutions, regions; several languages). */
const ENTRIES: MatchEntry[] = [
  {
    id: 'vladimir-putin',
    name: 'Vladimir Putin',
    category: 'people',
    aliases: [a('Vladimir Putin'), a('Putin'), a('Путин', 'ru'), a('Путін', 'uk'), a('Poutine', 'fr')],
  },
  {
    id: 'volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    category: 'people',
    aliases: [a('Volodymyr Zelensky'), a('Zelensky'), a('Zelenskiy'), a('Zelenskyy'), a('Зеленський', 'uk')],
  },
  { id: 'donald-trump', name: 'Donald Trump', category: 'people', aliases: [a('Donald Trump'), a('Trump')] },
  { id: 'dmitry-peskov', name: 'Dmitry Peskov', category: 'people', aliases: [a('Dmitry Peskov'), a('Peskov')] },
  { id: 'kremlin', name: 'Kremlin', category: 'organisations', aliases: [a('Kremlin'), a('Кремль', 'ru')] },
  { id: 'elysee', name: 'Élysée Palace', category: 'organisations', aliases: [a('Élysée Palace'), a('Élysée', 'fr')] },
  { id: 'united-states', name: 'United States', category: 'organisations', aliases: [a('United States'), a('U.S.'), a('US')] },
  { id: 'donbas', name: 'Donbas', category: 'regions', aliases: [a('Donbas'), a('Donbass'), a('Донбас', 'uk')] },
  { id: 'crimea', name: 'Crimea', category: 'regions', aliases: [a('Crimea'), a('Krim', 'de'), a('Crimée', 'fr')] },
  { id: 'kyiv', name: 'Kyiv', category: 'regions', aliases: [a('Kyiv'), a('Київ', 'uk'), a('Kiev')] },
  { id: 'zaporizhzhia', name: 'Zaporizhzhia', category: 'regions', aliases: [a('Zaporizhzhia'), a('Zaporizhzhia nuclear power plant')] },
  { id: 'dnipropetrovsk', name: 'Dnipropetrovsk', category: 'regions', aliases: [a('Dnipropetrovsk')] },
  { id: 'ivano-frankivsk', name: 'Ivano-Frankivsk', category: 'regions', aliases: [a('Ivano-Frankivsk')] },
  { id: 'moscow', name: 'Moscow', category: 'regions', aliases: [a('Moscow')] },
];

const matcher = compileMatcher(ENTRIES);
/** [text as written, entity id] of every mention: what a reader sees highlighted. */
const found = (text: string, m = matcher) => m.scan(text).map((x) => [x.text, x.id]);

describe('whole words with Unicode-aware boundaries', () => {
  it('finds a name between spaces, punctuation, quotes and line ends', () => {
    expect(found('Putin said. (Putin) “Putin”\nPutin')).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Putin', 'vladimir-putin'],
      ['Putin', 'vladimir-putin'],
      ['Putin', 'vladimir-putin'],
    ]);
  });
  it('does not find a name inside a longer word', () => {
    expect(found('Putinism, the Crimean peninsula, Trumpian politics, AntiPutin, Kremlinology')).toEqual([]);
  });
  it('treats Cyrillic and accented letters as word letters on both sides', () => {
    expect(found('Зеленський і Путін; Київ, Донбас, Crimée')).toEqual([
      ['Зеленський', 'volodymyr-zelensky'],
      ['Путін', 'vladimir-putin'],
      ['Київ', 'kyiv'],
      ['Донбас', 'donbas'],
      ['Crimée', 'crimea'],
    ]);
    // Cyrillic inflections and accented neighbours are longer words, not mentions.
    expect(found('Зеленського, Путіна, Київщина, éPutin, Putiné, Кремля')).toEqual([]);
  });
  it('does not treat a digit next to the name as a boundary', () => {
    expect(found('Putin2024 and 2024Putin')).toEqual([]);
    expect(found('Putin, 2024')).toEqual([['Putin', 'vladimir-putin']]);
  });
});

describe('case', () => {
  it('matches proper names as written', () => {
    expect(found('Trump played a trump card; donbas coal; the kremlin')).toEqual([['Trump', 'donald-trump']]);
  });
  it('matches the all-caps form of aliases of 4 letters or more (headlines)', () => {
    expect(found('WHAT MOSCOW IS SAYING')).toEqual([['MOSCOW', 'moscow']]);
    expect(found('PUTIN DOUBLES DEMANDS ON DONBAS')).toEqual([
      ['PUTIN', 'vladimir-putin'],
      ['DONBAS', 'donbas'],
    ]);
    expect(found('ЗЕЛЕНСЬКИЙ')).toEqual([['ЗЕЛЕНСЬКИЙ', 'volodymyr-zelensky']]);
  });
  it('does not upper-case short aliases or match other mixed casings', () => {
    // "Krim" has 4 letters so KRIM matches, but no three-letter alias gets an all-caps form.
    const m = compileMatcher([{ id: 'eu', name: 'European Union', category: 'organisations', aliases: [a('Eu'), a('Kyiv')] }]);
    expect(found('EU EU KYIV kYIV KyIv', m)).toEqual([['KYIV', 'eu']]);
    expect(found('pUTIN PuTiN Putin')).toEqual([['Putin', 'vladimir-putin']]);
  });
  it('reports the data alias, not the all-caps form, as the alias', () => {
    expect(matcher.scan('PUTIN')[0]).toMatchObject({ text: 'PUTIN', alias: 'Putin', name: 'Vladimir Putin' });
  });
});

describe('possessives and punctuation', () => {
  it('finds the name before straight and curly possessives, span excluding the ’s', () => {
    const text = "Putin's aides, Putin’s aides, Zelenskyy’s team, Trump’s envoy, Kremlin’s";
    const mentions = matcher.scan(text);
    expect(mentions.map((x) => [x.text, x.id])).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Putin', 'vladimir-putin'],
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Trump', 'donald-trump'],
      ['Kremlin', 'kremlin'],
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('splits hyphenated compounds of two names and keeps U.S. before a hyphen', () => {
    expect(found('U.S.-led talks; the Russia–Ukraine war; Putin-Trump call; Kyiv—Moscow')).toEqual([
      ['U.S.', 'united-states'],
      ['Putin', 'vladimir-putin'],
      ['Trump', 'donald-trump'],
      ['Kyiv', 'kyiv'],
      ['Moscow', 'moscow'],
    ]);
  });
  it('treats hyphen and dash variants inside a name alike', () => {
    for (const dash of ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63', '\uff0d']) {
      expect(found(`in Ivano${dash}Frankivsk`)).toEqual([[`Ivano${dash}Frankivsk`, 'ivano-frankivsk']]);
    }
    expect(found('Ivano Frankivsk, IvanoFrankivsk')).toEqual([]);
  });
  it('treats accented and plain spellings alike, precomposed or decomposed', () => {
    expect(found('Elysee Palace, Élysée, E\u0301lyse\u0301e, ELYSEE, Crimee')).toEqual([
      ['Elysee Palace', 'elysee'],
      ['Élysée', 'elysee'],
      ['E\u0301lyse\u0301e', 'elysee'],
      ['ELYSEE', 'elysee'],
      ['Crimee', 'crimea'],
    ]);
    // A different letter is not a diacritic variant.
    expect(found('Elysie, Crimáe')).toEqual([]);
  });
  it('keeps Ukrainian й distinct from и, decomposed or not', () => {
    expect(found('Зеленськии\u0306')).toEqual([['Зеленськии\u0306', 'volodymyr-zelensky']]);
    expect(found('Зеленськии')).toEqual([]);
  });
  it('finds a name with a soft hyphen or zero-width space inside, offsets over the original text', () => {
    const text = 'in Dnipro\u00adpetrovsk and Zapo\u200brizhzhia';
    const mentions = matcher.scan(text);
    expect(mentions.map((x) => [x.start, x.end, x.id])).toEqual([
      [3, 18, 'dnipropetrovsk'],
      [23, 36, 'zaporizhzhia'],
    ]);
    expect(found('Dnipro petrovsk, Dnipro-petrovsk')).toEqual([]);
  });
  it('lets a multi-word alias span any run of white space, as HTML renders it', () => {
    expect(found('Vladimir\u00a0Putin; Vladimir  Putin; Vladimir\n    Putin')).toEqual([
      ['Vladimir\u00a0Putin', 'vladimir-putin'],
      ['Vladimir  Putin', 'vladimir-putin'],
      ['Vladimir\n    Putin', 'vladimir-putin'],
    ]);
    // Not a space: the hyphenated surname is still a word of its own, the glued one is not.
    expect(found('Vladimir-Putin; VladimirPutin')).toEqual([['Putin', 'vladimir-putin']]);
  });
});

describe('longest match wins, never overlapping', () => {
  it('finds the full name as one mention, not the surname inside it', () => {
    const mentions = matcher.scan('Russian President Vladimir Putin and Putin');
    expect(mentions.map((x) => [x.start, x.end, x.text, x.id])).toEqual([
      [18, 32, 'Vladimir Putin', 'vladimir-putin'],
      [37, 42, 'Putin', 'vladimir-putin'],
    ]);
  });
  it('prefers the longest alias and falls back to a shorter one at a word boundary', () => {
    expect(found('the Zaporizhzhia nuclear power plant; the Zaporizhzhia nuclear power plants')).toEqual([
      ['Zaporizhzhia nuclear power plant', 'zaporizhzhia'],
      ['Zaporizhzhia', 'zaporizhzhia'],
    ]);
    expect(found('Donbass and Donbas and Donbasss')).toEqual([
      ['Donbass', 'donbas'],
      ['Donbas', 'donbas'],
    ]);
  });
  it('resolves full name and lone surname to the same entity', () => {
    const ids = matcher.scan('Volodymyr Zelensky met Zelensky').map((x) => x.id);
    expect(ids).toEqual(['volodymyr-zelensky', 'volodymyr-zelensky']);
  });
  it('does not take a lone first name for a mention', () => {
    expect(found('Volodymyr alone; Vladimir and Donald; Dmitry')).toEqual([]);
  });
  it('returns mentions sorted and non-overlapping over a long mixed text', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said Putin and Donald Trump, Zelenskiy’s Kyiv. '.repeat(50);
    const mentions = matcher.scan(text);
    expect(mentions).toHaveLength(50 * 6);
    for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
  });
  it('finds "Kremlin spokesman Dmitry Peskov" as Kremlin + Dmitry Peskov', () => {
    expect(found('Kremlin spokesman Dmitry Peskov')).toEqual([
      ['Kremlin', 'kremlin'],
      ['Dmitry Peskov', 'dmitry-peskov'],
    ]);
  });
});

describe('dictionary', () => {
  it('finds every alias of every entry in a sentence', () => {
    for (const entry of ENTRIES) {
      for (const alias of entry.aliases) {
        const mentions = matcher.scan(`Reports said (${alias.text}) was mentioned.`);
        expect(mentions, alias.text).toHaveLength(1);
        expect(mentions[0], alias.text).toMatchObject({ id: entry.id, text: alias.text, alias: alias.text });
      }
    }
  });
  it('fills id, name and category from the entry', () => {
    expect(matcher.scan('Donbass')[0]).toEqual({
      start: 0,
      end: 7,
      text: 'Donbass',
      id: 'donbas',
      name: 'Donbas',
      category: 'regions',
      alias: 'Donbass',
    });
  });
  it('counts distinct alias forms', () => {
    expect(matcher.aliasCount).toBe(ENTRIES.reduce((n, e) => n + e.aliases.length, 0));
    expect(compileMatcher([]).aliasCount).toBe(0);
  });
  it('matches nothing with an empty dictionary', () => {
    expect(compileMatcher([]).scan('Putin and Trump')).toEqual([]);
  });
  it('gives a shared alias to the first entry that lists it', () => {
    const m = compileMatcher([
      { id: 'first', name: 'First', category: 'organisations', aliases: [a('Washington')] },
      { id: 'second', name: 'Second', category: 'regions', aliases: [a('Washington'), a('Other')] },
    ]);
    expect(m.scan('Washington and Other').map((x) => x.id)).toEqual(['first', 'second']);
  });
  it('treats regex metacharacters in aliases literally', () => {
    const m = compileMatcher([{ id: 'x', name: 'X', category: 'regions', aliases: [a('A.B (C)'), a('D+E')] }]);
    expect(found('A.B (C) and AxB (C) and D+E and DDE', m)).toEqual([
      ['A.B (C)', 'x'],
      ['D+E', 'x'],
    ]);
  });
});

describe('aliases that start with a lower-case letter (foreign-language phrases)', () => {
  const m = compileMatcher([
    ...ENTRIES,
    { id: 'european-leaders', name: 'European leaders', category: 'organisations', aliases: [a('European leaders'), a('dirigeants européens', 'fr'), a('европейские лидеры', 'ru')] },
    { id: 'elysee-fr', name: 'Élysée', category: 'organisations', aliases: [a('palais de l’Élysée', 'fr')] },
  ]);
  it('finds them at the start, after a space, a line break, a quote, a parenthesis or a hyphen', () => {
    expect(found('dirigeants européens', m)).toEqual([['dirigeants européens', 'european-leaders']]);
    const text = 'les dirigeants européens\ndirigeants europeens «dirigeants européens» (dirigeants européens) pro-dirigeants européens';
    expect(found(text, m).map(([, id]) => id)).toEqual(Array(5).fill('european-leaders'));
    expect(found('Заявили европейские лидеры и Путин', m)).toEqual([
      ['европейские лидеры', 'european-leaders'],
      ['Путин', 'vladimir-putin'],
    ]);
    expect(found('au palais de l’Élysée, Macron', m)).toEqual([['palais de l’Élysée', 'elysee-fr']]);
  });
  it('accepts every apostrophe variant inside them, and a curly quote or a dash before them', () => {
    for (const apostrophe of ["'", '’', '‘', 'ʼ', 'ʹ', '′', '´', '`']) {
      expect(found(`au palais de l${apostrophe}Élysée`, m)).toEqual([[`palais de l${apostrophe}Élysée`, 'elysee-fr']]);
    }
    for (const before of ['’', '‘', '–', '—', '―', '‐']) {
      expect(found(`${before}dirigeants européens`, m)).toEqual([['dirigeants européens', 'european-leaders']]);
    }
  });
  it('reports offsets of the alias, not of the separator before it', () => {
    expect(m.scan('« dirigeants européens »')[0]).toMatchObject({ start: 2, end: 22, text: 'dirigeants européens' });
  });
  it('does not find them inside a longer word, capitalised differently, or next to other mentions wrongly', () => {
    expect(found('xdirigeants européens, dirigeants européensx, Dirigeants européens', m)).toEqual([]);
    expect(found('Putin dirigeants européens Trump', m)).toEqual([
      ['Putin', 'vladimir-putin'],
      ['dirigeants européens', 'european-leaders'],
      ['Trump', 'donald-trump'],
    ]);
  });
});

describe('a dictionary too big for one pattern', () => {
  // Thousands of made-up surnames push the pattern past irregexp's 20 KB optimisation limit, so the
  // matcher runs several patterns side by side; the result must be what one pattern would give.
  const filler: MatchEntry[] = [];
  for (let i = 0; i < 3000; i++) {
    const surname = `Mo${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26) % 26)}${i}enko`;
    filler.push({ id: `filler-${i}`, name: surname, category: 'people', aliases: [a(surname)] });
  }
  const big = compileMatcher([
    { id: 'aaron-zed', name: 'Aaron Zed', category: 'people', aliases: [a('Aaron Zed')] },
    ...filler,
    { id: 'zed-zara', name: 'Zed Zara', category: 'regions', aliases: [a('Zed Zara')] },
    { id: 'zara', name: 'Zara', category: 'regions', aliases: [a('Zara')] },
    ...ENTRIES,
  ]);

  it('is really split into several patterns', () => {
    const keys = ['Aaron Zed', 'Zed Zara', ...filler.map((e) => e.name)];
    expect(aliasPatternSources(keys).length).toBeGreaterThan(1);
  });
  it('keeps leftmost-longest across patterns and finds the match an overlap had hidden', () => {
    expect(found('Aaron Zed Zara and Zed Zara', big)).toEqual([
      ['Aaron Zed', 'aaron-zed'],
      ['Zara', 'zara'],
      ['Zed Zara', 'zed-zara'],
    ]);
    expect(found('Vladimir Putin met Moaa0enko, Mozz675enko and Zelenskyy’s Kyiv', big)).toEqual([
      ['Vladimir Putin', 'vladimir-putin'],
      ['Moaa0enko', 'filler-0'],
      ['Mozz675enko', 'filler-675'],
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Kyiv', 'kyiv'],
    ]);
  });
  it('gives the same mentions as the small dictionary on text without the extra names', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said PUTIN and Donald Trump met in Élysée Palace; AntiPutin. '.repeat(20);
    expect(big.scan(text)).toEqual(matcher.scan(text));
  });
});

describe('excludedAliases ("Not this")', () => {
  it('never matches an excluded alias, compared case-insensitively, and keeps the other aliases', () => {
    const m = compileMatcher(ENTRIES, { excludedAliases: ['putin', 'KREMLIN'] });
    expect(found('Putin, PUTIN, Vladimir Putin, the Kremlin, Путин', m)).toEqual([
      ['Vladimir Putin', 'vladimir-putin'],
      ['Путин', 'vladimir-putin'],
    ]);
    expect(m.aliasCount).toBe(matcher.aliasCount - 2);
  });
  it('does not exclude anything with an empty list', () => {
    expect(found('Putin', compileMatcher(ENTRIES, { excludedAliases: [] }))).toEqual([['Putin', 'vladimir-putin']]);
  });
});

describe('buildMatchEntries', () => {
  const evidence = [{ source: 's', text: 'evidence' }];
  const actor = (id: string, name: string, kind: 'person' | 'institution' | 'state', aliases: string[]) => ({
    id, name, kind, role: 'role', affiliation: 'aff', side: 'other' as const, spokespeople: [], evidence,
    aliases: aliases.map((t) => a(t)),
  });
  const region = (id: string, name: string, aliases: string[]) => ({
    id, name, kind: 'region' as const, description: 'desc', parts: [], control: [], evidence,
    aliases: aliases.map((t) => a(t)),
  });

  it('maps actor kinds to categories and regions to regions, matching the aliases, not the label', () => {
    const entries = buildMatchEntries({
      actors: [actor('p', 'Dmitry Peskov', 'person', ['Dmitry Peskov', 'Peskov']), actor('k', 'the Kremlin', 'institution', ['Kremlin']), actor('r', 'Russia', 'state', ['Russia'])],
      regions: [region('d', 'Donbas', ['Donbass'])],
    });
    expect(entries.map((e) => [e.id, e.name, e.category, e.aliases.map((x) => x.text)])).toEqual([
      ['p', 'Dmitry Peskov', 'people', ['Dmitry Peskov', 'Peskov']],
      ['k', 'the Kremlin', 'organisations', ['Kremlin']],
      ['r', 'Russia', 'organisations', ['Russia']],
      ['d', 'Donbas', 'regions', ['Donbass']],
    ]);
    expect(found('in the Kremlin', compileMatcher(entries))).toEqual([['Kremlin', 'k']]);
  });
  it('attaches the data’s not-mentions, which the matcher consumes whole and drops (also in capitals)', () => {
    const entries = buildMatchEntries({
      actors: [],
      regions: [region('moscow', 'Moscow', ['Moscow'])],
      notMentions: [{ text: 'Moscow Times', reason: 'a newspaper' }],
    });
    expect(entries.map((e) => e.id)).toEqual(['moscow']);
    expect(entries.notMentions).toEqual(['Moscow Times']);
    const m = compileMatcher(entries);
    expect(found('Support The Moscow Times! THE MOSCOW TIMES said Moscow agreed; Moscow Timesheets', m)).toEqual([
      ['Moscow', 'moscow'],
      ['Moscow', 'moscow'],
    ]);
    // Options win over the attached list; without either, nothing is blocked.
    expect(found('The Moscow Times', compileMatcher(entries, { notMentions: [] }))).toEqual([['Moscow', 'moscow']]);
    expect(found('The Moscow Times', compileMatcher([...entries]))).toEqual([['Moscow', 'moscow']]);
    expect(found('The Kyiv Post in Kyiv', compileMatcher(ENTRIES, { notMentions: ['Kyiv Post'] }))).toEqual([['Kyiv', 'kyiv']]);
  });
  it('gives a declared shared alias only to the first entity listed in sharedAliases', () => {
    const entries = buildMatchEntries({
      actors: [actor('kremlin', 'Kremlin', 'institution', ['Moscow']), actor('russia', 'Russia', 'state', ['Moscow'])],
      regions: [region('moscow', 'Moscow city', ['Moscow'])],
      sharedAliases: [{ text: 'Moscow', entities: ['russia', 'kremlin', 'moscow'], resolution: 'metonym for the state' }],
    });
    expect(compileMatcher(entries).scan('Moscow said').map((x) => x.id)).toEqual(['russia']);
  });
});
