/**
 * `npx tsx scripts/bench-quotes.ts`: throughput of the quote finder on generated news text (100 KB,
 * 1 MB, 5 MB) built from the bundled articles, with the data set's quotations inserted verbatim or
 * altered (punctuation, a word changed, a word added, the end trimmed). Compares the shingle filter +
 * fuzzy stage with the naive approach (align every quote against every window of the text), reports
 * what share of the work reaches the fuzzy stage, and how many inserted quotations each one finds. Then as a page
 * calls it: paragraph by paragraph through `findInBlock` (the prefilter and the fuzzy stage on one reading of the
 * words), on a fresh matcher, and again on the same matcher (a rescan: every paragraph's result is cached); and the
 * first scan in a fresh Node process, which pays what a page's first scan pays: the engine has not optimized the
 * matcher's code yet (`--cold SIZE` is that child process).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { alignLocal } from '../src/core/quote-align';
import { compileQuoteMatcher, MIN_SIMILARITY, minSameWords, SHORT_QUOTE_WORDS } from '../src/core/quote-matcher';
import { tokenizeWords } from '../src/core/quote-tokens';
import { dataset } from '../src/data/dataset';
import { median, seededRandom } from './lib/bench-utils';

const ARTICLES_DIR = join(import.meta.dirname, '..', 'assets', 'articles');
const SIZES = [
  { label: '100 KB', bytes: 100_000, runs: 9, naiveRuns: 3 },
  { label: '1 MB', bytes: 1_000_000, runs: 5, naiveRuns: 1 },
  { label: '5 MB', bytes: 5_000_000, runs: 3, naiveRuns: 1 },
];

type Alteration = 'verbatim' | 'punctuation' | 'word-changed' | 'word-added' | 'end-trimmed';
const ALTERATIONS: Alteration[] = ['verbatim', 'punctuation', 'word-changed', 'word-added', 'end-trimmed'];

/** A quote as a page might print it. Short quotes stay verbatim (they only ever match exactly). */
function alter(text: string, how: Alteration, random: () => number): string {
  const words = text.split(/\s+/);
  if (words.length < SHORT_QUOTE_WORDS + 2) return text;
  const at = 1 + Math.floor(random() * (words.length - 2));
  switch (how) {
    case 'verbatim':
      return text;
    case 'punctuation':
      return text.replace(/[,.;]/g, ' -').replace(/’/g, "'");
    case 'word-changed':
      return [...words.slice(0, at), 'indeed', ...words.slice(at + 1)].join(' ');
    case 'word-added':
      return [...words.slice(0, at), 'really', ...words.slice(at)].join(' ');
    case 'end-trimmed':
      return words.slice(0, Math.ceil((words.length * 2) / 3)).join(' ');
  }
}

/** Where a quotation was put into the generated text, and how it was altered. */
interface Inserted {
  start: number;
  end: number;
  quoteId: string;
  how: Alteration;
  short: boolean;
}

/** News text of about `bytes` characters: article paragraphs in random order, a quotation every few. */
function buildText(bytes: number, seed: number): { text: string; inserted: Inserted[] } {
  const random = seededRandom(seed);
  const paragraphs = readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(ARTICLES_DIR, f), 'utf8').split('\n'))
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
  const speakers = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const parts: string[] = [];
  let size = 0;
  const inserted: Inserted[] = [];
  while (size < bytes) {
    let p = paragraphs[Math.floor(random() * paragraphs.length)]!;
    if (random() < 0.25) {
      const q = dataset.quotes[Math.floor(random() * dataset.quotes.length)]!;
      const how = ALTERATIONS[Math.floor(random() * ALTERATIONS.length)]!;
      const lead = `${speakers.get(q.speaker) ?? 'An official'} said: “`;
      const printed = alter(q.text, how, random);
      const short = tokenizeWords(q.text).keys.length < SHORT_QUOTE_WORDS + 2;
      inserted.push({ start: size + lead.length, end: size + lead.length + printed.length, quoteId: q.id, how: short ? 'verbatim' : how, short });
      p = `${lead}${printed}” ${p}`;
    }
    parts.push(p);
    size += p.length + 1;
  }
  return { text: parts.join('\n'), inserted };
}

/** The naive approach: every quote aligned against windows of twice its length, stepping by its length. */
function naiveFind(text: string, quoteIds: Int32Array[], vocab: Map<string, number>): { found: number; windows: number; cells: number } {
  const stream = tokenizeWords(text);
  const n = stream.keys.length;
  const page = new Int32Array(n);
  for (let i = 0; i < n; i++) page[i] = vocab.get(stream.keys[i]!) ?? -1;
  let found = 0;
  let windows = 0;
  let cells = 0;
  for (const quote of quoteIds) {
    const len = quote.length;
    const need = minSameWords(len);
    for (let from = 0; from < n; from += len) {
      const to = Math.min(n, from + 2 * len);
      windows++;
      cells += (to - from) * len;
      const a = alignLocal(page, from, to, quote);
      if (a && a.same >= need && a.same / Math.max(a.pageTo - a.pageFrom, a.quoteTo - a.quoteFrom) >= MIN_SIMILARITY) found++;
    }
  }
  return { found, windows, cells };
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

if (process.argv[2] === '--cold') {
  const size = SIZES.find((s) => s.label === process.argv[3])!;
  const paragraphs = buildText(size.bytes, 42).text.split('\n');
  const fresh = compileQuoteMatcher(dataset.quotes);
  const t = time(() => paragraphs.reduce((n, p) => n + fresh.findInBlock(p).length, 0));
  console.log(JSON.stringify({ ms: t.ms, found: t.value }));
  process.exit(0);
}

/** Milliseconds of the first scan of `label`'s paragraphs in a fresh process, `runs` of them. */
function coldScans(label: string, runs: number): number[] {
  return Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--cold', label], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold run failed: ${child.stderr}`);
    return (JSON.parse(child.stdout) as { ms: number }).ms;
  });
}

const longQuotes = dataset.quotes.filter((q) => tokenizeWords(q.text).keys.length >= SHORT_QUOTE_WORDS);
const matcher = compileQuoteMatcher(dataset.quotes);
// The naive baseline compares long quotes only (short ones are exact-only in both designs).
const vocab = new Map<string, number>();
const quoteIds = longQuotes.map((q) =>
  Int32Array.from(tokenizeWords(q.text).keys, (k) => {
    if (!vocab.has(k)) vocab.set(k, vocab.size);
    return vocab.get(k)!;
  }),
);

console.log(`quotes: ${dataset.quotes.length} (${longQuotes.length} of ${SHORT_QUOTE_WORDS}+ words); Node ${process.version}`);
const wording = new Map(dataset.quotes.map((q) => [q.id, tokenizeWords(q.text).keys.join(' ')]));
const recallByAlteration = new Map<string, { inserted: number; found: number }>();
console.log('| text | words | inserted quotes | of them found | all matches | words read as ids (the prefilter) | filter + fuzzy | naive | speed-up | windows to fuzzy | cells vs naive |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const { label, bytes, runs, naiveRuns } of SIZES) {
  const { text, inserted } = buildText(bytes, 42);
  const mb = text.length / 1e6;
  matcher.find(text.slice(0, 50_000)); // warm-up
  const wordsMs = median(Array.from({ length: runs }, () => time(() => matcher.mayMatch(text)).ms));
  const fastRuns = Array.from({ length: runs }, () => time(() => matcher.findWithStats(text)));
  const fastMs = median(fastRuns.map((r) => r.ms));
  const { matches, stats } = fastRuns[0]!.value;
  const naiveRunsDone = Array.from({ length: naiveRuns }, () => time(() => naiveFind(text, quoteIds, vocab)));
  const naiveMs = median(naiveRunsDone.map((r) => r.ms));
  const naive = naiveRunsDone[0]!.value;
  const mbps = (ms: number): string => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
  let recalled = 0;
  for (const ins of inserted) {
    // Quotes with the same wording ("imperative", said by two speakers) count as each other.
    const hit = matches.some((m) => wording.get(m.quoteId) === wording.get(ins.quoteId) && m.start < ins.end && m.end > ins.start);
    if (hit) recalled++;
    const key = ins.short ? 'short (verbatim)' : ins.how;
    const r = recallByAlteration.get(key) ?? { inserted: 0, found: 0 };
    r.inserted++;
    if (hit) r.found++;
    recallByAlteration.set(key, r);
  }
  console.log(
    `| ${label} | ${stats.words} | ${inserted.length} | ${recalled} | ${matches.length} | ${wordsMs.toFixed(0)} ms (${mbps(wordsMs)}) | ` +
      `${fastMs.toFixed(0)} ms (${mbps(fastMs)}) | ${naiveMs.toFixed(0)} ms (${mbps(naiveMs)}) | ${(naiveMs / fastMs).toFixed(0)}× | ` +
      `${stats.candidateWindows} of ${naive.windows} (${((100 * stats.candidateWindows) / naive.windows).toFixed(2)} %) | ` +
      `${((100 * stats.fuzzyCells) / naive.cells).toFixed(2)} % |`,
  );
}

console.log('\nPer paragraph, as a page scan calls it (findInBlock: prefilter, matching, cache by text); medians:');
console.log('| text | paragraphs | first scan in a fresh process (cold: min / median) | first scan (fresh matcher, warm process) | rescan (same matcher, cached) | matches |');
console.log('|---|---|---|---|---|---|');
for (const { label, bytes, runs } of SIZES) {
  const paragraphs = buildText(bytes, 42).text.split('\n');
  const mb = paragraphs.reduce((n, p) => n + p.length, 0) / 1e6;
  const scan = (m: typeof matcher): number => paragraphs.reduce((n, p) => n + m.findInBlock(p).length, 0);
  const first: number[] = [];
  const again: number[] = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    const fresh = compileQuoteMatcher(dataset.quotes);
    const t = time(() => scan(fresh));
    first.push(t.ms);
    found = t.value;
    again.push(time(() => scan(fresh)).ms);
  }
  const f = median(first);
  const a = median(again);
  const cold = coldScans(label, runs);
  console.log(
    `| ${label} | ${paragraphs.length} | ${Math.min(...cold).toFixed(0)} / ${median(cold).toFixed(0)} ms | ${f.toFixed(0)} ms (${(mb / (f / 1000)).toFixed(1)} MB/s) | ${a.toFixed(1)} ms | ${found} |`,
  );
}

console.log('\nInserted quotations found, by alteration (all sizes):');
for (const [how, r] of recallByAlteration) console.log(`- ${how}: ${r.found} of ${r.inserted} (${((100 * r.found) / r.inserted).toFixed(1)} %)`);
