/**
 * `npm run bench:dossier`: what a full reader's dossier (5,000 saved quotations) costs, before and after slicing.
 * Before: validating the stored entries and compiling the quote matcher (the bundled quotations and the saved ones)
 * as one task, which every page load used to run. After: the same work through the generators the background runs
 * in slices (`readerPageDataSteps` once per page address, `compileQuoteMatcherSteps` once per set of saved
 * quotations: src/background/quote-finder.ts), with a zero-delay timer between slices; pages run neither. Prints,
 * side by side in one process: the single task, the longest slice, the number of slices and the total work, as
 * ratios. Both sides build the same matcher (checked on a text quoting some of the saved passages).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileQuoteMatcher, compileQuoteMatcherSteps } from '../src/core/quote-matcher';
import { readerPageDataSteps } from '../src/core/reader-dossier/reader-page-data';
import { selectorsFor } from '../src/core/reader-dossier/selectors';
import { runAtOnce, runInSlices } from '../src/core/reader-dossier/slices';
import { dataset } from '../src/data/dataset';
import type { SavedItem } from '../src/data/reader-dossier-schema';
import { median } from './lib/bench-utils';

const ITEMS = 5_000;
const RUNS = 7;
/** The page's slice budget (src/content/time-slicer.ts and src/shared/reader-dossier-storage.ts). */
const BUDGET_MS = 8;
const PAGE = 'https://reading.example/today';

const dir = join(import.meta.dirname, '..', 'assets', 'articles');
const articles = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const sentences = articles.flatMap((text) => [...text.matchAll(/[^.\n]{40,300}\./g)].map((m) => ({ text, sentence: m[0] })));

/** 5,000 saved quotations: every sentence of the bundled articles, then the same ones numbered, on 300 pages. */
function dossier(): unknown {
  const items: SavedItem[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const { text, sentence } = sentences[i % sentences.length]!;
    const exact = i < sentences.length ? sentence : `${sentence.slice(0, -1)}, the ${i}th time.`;
    const page = text.includes(exact) ? text : `${text}\n${exact}`;
    const start = page.indexOf(exact);
    const savedAt = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    items.push({
      id: `item-${String(i).padStart(8, '0')}`,
      actor: { type: 'bundled', id: 'vladimir-putin' },
      kind: 'quote',
      target: { source: `https://news.example/story-${i % 300}`, title: `Story ${i % 300}`, site: 'news.example', selector: selectorsFor(page, start, start + exact.length) },
      savedAt,
      updatedAt: savedAt,
    });
  }
  // As storage hands it over: a fresh structured copy.
  return JSON.parse(JSON.stringify({ actors: [], items }));
}

const raw = dossier();
const probe = sentences.slice(0, 40).map((s) => s.sentence).join(' ');

function before(): { ms: number; found: number } {
  const t0 = performance.now();
  const data = runAtOnce(readerPageDataSteps(raw, PAGE));
  const matcher = compileQuoteMatcher([...dataset.quotes, ...data.quotes]);
  const ms = performance.now() - t0;
  return { ms, found: matcher.find(probe).length };
}

async function after(): Promise<{ longest: number; slices: number; work: number; found: number }> {
  const slices: number[] = [];
  const opts = { pause: () => new Promise<void>((r) => setTimeout(r, 0)), now: () => performance.now(), budgetMs: BUDGET_MS, onSlice: (ms: number) => slices.push(ms) };
  const data = (await runInSlices(readerPageDataSteps(raw, PAGE), opts))!;
  const matcher = (await runInSlices(compileQuoteMatcherSteps([...dataset.quotes, ...data.quotes]), opts))!;
  return { longest: Math.max(...slices), slices: slices.length, work: slices.reduce((a, b) => a + b, 0), found: matcher.find(probe).length };
}

const oneTask: number[] = [];
const longest: number[] = [];
const work: number[] = [];
const counts: number[] = [];
// Alternated, so both sides see the same load on a shared machine.
for (let r = 0; r < RUNS; r++) {
  const b = before();
  const a = await after();
  if (b.found === 0 || a.found !== b.found) throw new Error(`the sliced matcher finds ${a.found} quotations, the one-task matcher ${b.found}`);
  oneTask.push(b.ms);
  longest.push(a.longest);
  work.push(a.work);
  counts.push(a.slices);
}
const f = (n: number) => n.toFixed(1);
console.log(`reader's dossier: ${ITEMS} saved quotations, ${RUNS} runs alternated (median, min–max)`);
console.log(`  before: one task of ${f(median(oneTask))} ms (${f(Math.min(...oneTask))}–${f(Math.max(...oneTask))}) per page load`);
console.log(`  after:  longest slice ${f(median(longest))} ms (${f(Math.min(...longest))}–${f(Math.max(...longest))}), ${median(counts)} slices, ${f(median(work))} ms of work in all`);
console.log(`  longest task after / before: ${(median(longest) / median(oneTask)).toFixed(3)}; total work after / before: ${(median(work) / median(oneTask)).toFixed(2)}`);
