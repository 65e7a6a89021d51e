/**
 * `npm run bench`: throughput of the mention finder on generated news text (100 KB, 1 MB, 10 MB),
 * side by side with the floor (a bare pass that only reads the text), the naive approach (one search
 * per alias over the whole text), the matcher with a dictionary 10× larger, and the same matcher with its context
 * rules off (names inside names, places, codes: the honest "before" of those rules). Medians after warm-up.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildMatchEntries, type MatchEntry } from '../src/core/entity-index';
import { compileMatcher } from '../src/core/matcher';
import { dataset } from '../src/data/dataset';
import { articleSentences, median, newsText, seededRandom } from './lib/bench-utils';

const ARTICLES_DIR = join(import.meta.dirname, '..', 'assets', 'articles');
const SIZES = [
  { label: '100 KB', bytes: 100_000, runs: 15 },
  { label: '1 MB', bytes: 1_000_000, runs: 7 },
  { label: '10 MB', bytes: 10_000_000, runs: 5 },
];

/** Made-up but plausible names (Slavic/Western surnames, places) to grow the dictionary 10×. */
function syntheticEntries(count: number, random: () => number): MatchEntry[] {
  const starts = ['Kov', 'Pet', 'Mar', 'Shev', 'Bor', 'Dan', 'Hal', 'Vor', 'Lys', 'Tar', 'Kuz', 'Mel', 'Ost', 'Rud', 'Sem', 'Zhu', 'Har', 'Wel', 'Bran', 'Stol'];
  const middles = ['a', 'e', 'i', 'o', 'ya', 'chu', 'len', 'ros', 'dim', 'tan', 'ber', 'kin', 'mon', 'vel'];
  const ends = ['enko', 'chuk', 'ov', 'ova', 'sky', 'ski', 'in', 'ich', 'son', 'berg', 'ton', 'ford', 'ivka', 'opil', 'horod'];
  const firsts = ['Oleksandr', 'Mykola', 'Iryna', 'Sergei', 'Anna', 'Pavel', 'James', 'Marta', 'Taras', 'Olena'];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const seen = new Set<string>();
  const entries: MatchEntry[] = [];
  while (entries.length < count) {
    const surname = pick(starts) + pick(middles) + pick(ends);
    if (seen.has(surname)) continue;
    seen.add(surname);
    const full = `${pick(firsts)} ${surname}`;
    entries.push({
      id: `synthetic-${entries.length}`,
      name: full,
      category: random() < 0.7 ? 'people' : 'regions',
      aliases: [{ text: full, lang: 'en' }, { text: surname, lang: 'en' }],
    });
  }
  return entries;
}

/** The naive approach: one `indexOf` loop per alias over the whole text, with a word-boundary check. */
function naiveScan(text: string, aliases: readonly string[]): number {
  const isWordChar = /[\p{L}\p{N}]/u;
  let count = 0;
  for (const alias of aliases) {
    for (let i = text.indexOf(alias); i !== -1; i = text.indexOf(alias, i + 1)) {
      const before = text[i - 1];
      const after = text[i + alias.length];
      if ((before === undefined || !isWordChar.test(before)) && (after === undefined || !isWordChar.test(after))) count++;
    }
  }
  return count;
}

/** The naive approach as mark.js does it: one regex per alias (Unicode word boundaries) over the whole text. */
function naiveRegexScan(text: string, patterns: readonly RegExp[]): number {
  let count = 0;
  for (const re of patterns) {
    re.lastIndex = 0;
    while (re.exec(text) !== null) count++;
  }
  return count;
}

/** The floor: one pass that reads every char code (counts upper-case ASCII so the loop is not dead code). */
function bareScan(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) count++;
  }
  return count;
}

/** Second floor: the simplest global regex over the whole text. */
function bareRegexScan(text: string): number {
  const re = /[A-Z]/g;
  let count = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

// A full GC before every sample, so that one sample does not pay for the garbage of the previous one.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Something to time: a function and how many samples it gets (the slow naive scans get fewer). */
interface Timed {
  fn: () => unknown;
  runs: number;
}

/**
 * Median milliseconds of each function, sampled in interleaved rounds (one sample of each per round,
 * after two warm-up calls each): on the shared machine a burst of load then hits every column of a
 * row alike instead of one, so the ratios between columns stay meaningful.
 */
function timeInterleaved(list: readonly Timed[]): number[] {
  for (const { fn } of list) {
    fn();
    fn();
  }
  const samples: number[][] = list.map(() => []);
  const rounds = Math.max(...list.map((t) => t.runs));
  for (let round = 0; round < rounds; round++) {
    list.forEach(({ fn, runs }, i) => {
      if (round >= runs) return;
      collectGarbage();
      const t0 = performance.now();
      fn();
      samples[i]!.push(performance.now() - t0);
    });
  }
  return samples.map(median);
}

/** Median ms to compile a matcher and scan one short paragraph (the regex compiles lazily on first use). */
function timeCompile(entries: readonly MatchEntry[], runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    compileMatcher(entries).scan('Kremlin spokesman Dmitry Peskov said Russian President Vladimir Putin and Trump’s envoy met.');
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/**
 * The cost of the context rules alone: the matcher with and without them on the same text, alternated (each
 * goes first every other round), min of many runs: the least disturbed run of each on the shared machine.
 */
function rulesCost(text: string, withRules: () => unknown, withoutRules: () => unknown): string {
  const RUNS = 41;
  const sample = (fn: () => unknown) => {
    collectGarbage();
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  withRules();
  withoutRules();
  let on = Infinity;
  let off = Infinity;
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      on = Math.min(on, sample(withRules));
      off = Math.min(off, sample(withoutRules));
    } else {
      off = Math.min(off, sample(withoutRules));
      on = Math.min(on, sample(withRules));
    }
  }
  return `Context rules at 1 MB, min of ${RUNS} alternated runs: ${on.toFixed(2)} ms with, ${off.toFixed(2)} ms without: rules on/off ${(on / off).toFixed(2)}.`;
}

function main(): void {
  const sentences = articleSentences(ARTICLES_DIR);

  const entries = buildMatchEntries(dataset);
  const random = seededRandom(20261124);
  const realAliasCount = compileMatcher(entries).aliasCount;
  const synthetic = syntheticEntries(Math.ceil((realAliasCount * 9) / 2), random);
  // The 10× dictionary keeps the real one's not-mentions and context rules, so the two differ only in size.
  const bigEntries = Object.assign([...entries, ...synthetic], { notMentions: entries.notMentions, nameContexts: entries.nameContexts });
  const matcher = compileMatcher(entries);
  // The same dictionary without the words of the context rules: no rule runs.
  const matcherNoRules = compileMatcher(Object.assign([...entries], { notMentions: entries.notMentions }));
  const matcher10x = compileMatcher(bigEntries);
  const aliases = [...new Set(entries.flatMap((e) => e.aliases.map((a) => a.text)))];
  const aliasRegexes = aliases.map(
    (a) => new RegExp(`(?<![\\p{L}\\p{N}])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'),
  );

  const firstCompileStart = performance.now();
  compileMatcher(entries).scan('Putin');
  const firstCompile = performance.now() - firstCompileStart;
  console.log(`Dictionary: ${entries.length} entities, ${matcher.aliasCount} alias forms (10×: ${matcher10x.aliasCount}).`);
  console.log(
    `Compile + first short scan: real ${timeCompile(entries, 9).toFixed(2)} ms (very first, cold: ${firstCompile.toFixed(2)} ms), ` +
      `10× ${timeCompile(bigEntries, 5).toFixed(2)} ms.`,
  );
  console.log(`Generated from ${sentences.length} sentences of the five articles (seeded shuffle).\n`);

  const rows: string[][] = [];
  let rulesLine = '';
  for (const size of SIZES) {
    const text = newsText(sentences, size.bytes, seededRandom(size.bytes));
    const mb = text.length / 1e6;
    const mentions = matcher.scan(text).length;
    if (naiveScan(text.slice(0, 50_000), aliases) === 0) throw new Error('naive scan found nothing: bad bench text');
    const [bare, bareRegex, matched, matched10x, naive, naiveRegex, noRules] = timeInterleaved([
      { fn: () => bareScan(text), runs: size.runs },
      { fn: () => bareRegexScan(text), runs: size.runs },
      { fn: () => matcher.scan(text), runs: size.runs },
      { fn: () => matcher10x.scan(text), runs: size.runs },
      { fn: () => naiveScan(text, aliases), runs: Math.min(size.runs, 3) },
      { fn: () => naiveRegexScan(text, aliasRegexes), runs: size.bytes >= 10_000_000 ? 1 : 3 },
      { fn: () => matcherNoRules.scan(text), runs: size.runs },
    ]) as [number, number, number, number, number, number, number];
    const mbps = (ms: number) => (mb / (ms / 1000)).toFixed(0);
    if (size.bytes === 1_000_000) rulesLine = rulesCost(text, () => matcher.scan(text), () => matcherNoRules.scan(text));
    rows.push([
      size.label,
      String(mentions),
      mbps(bare),
      mbps(bareRegex),
      mbps(matched),
      mbps(naive),
      mbps(naiveRegex),
      mbps(matched10x),
      (matched / bare).toFixed(2),
      (matched / bareRegex).toFixed(2),
      (naive / matched).toFixed(1),
      (naiveRegex / matched).toFixed(1),
      (matched10x / matched).toFixed(2),
      mbps(noRules),
      (matched / noRules).toFixed(2),
    ]);
  }
  const header = [
    'text',
    'mentions',
    'bare loop MB/s',
    'bare regex MB/s',
    'matcher MB/s',
    'naive indexOf MB/s',
    'naive regex MB/s',
    'matcher 10× MB/s',
    'matcher/bare loop',
    'matcher/bare regex',
    'naive indexOf/matcher',
    'naive regex/matcher',
    'matcher10×/matcher',
    'rules off MB/s',
    'rules on/off',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(
    `\nMedians after a full GC per sample, the columns sampled in interleaved rounds (time ratios: < 1 means the matcher is faster). Node ${process.version}. ` +
      'Goals: matcher/bare ≤ 2, naive/matcher ≥ 10, matcher10×/matcher < 1.5. Rules on/off is the context rules\' own cost; ' +
        'whether the matcher got slower than an earlier commit is npm run bench:against -- <ref>.',
  );
  console.log(rulesLine);
}

main();
