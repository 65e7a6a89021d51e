/**
 * The matcher against the matcher of an earlier commit, side by side in one process on the same text: what
 * `npm run bench` cannot say, since its references (a bare loop, naive scans) do not change with the code.
 *
 *   npm run bench:against -- <git ref>
 *
 * The earlier commit's `src/core` and `src/data` are taken with `git archive` into a temporary folder (its own data
 * set, as it was then), and both matchers scan the same texts, alternated, each taking the least disturbed of many
 * runs. It prints both times (wall and processor time), their ratios and the mentions each finds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { articleSentences, newsText, seededRandom } from './lib/bench-utils';

const ROOT = join(import.meta.dirname, '..');
const SIZES = [
  { label: '100 KB', bytes: 100_000, runs: 151 },
  { label: '1 MB', bytes: 1_000_000, runs: 41 },
  { label: '10 MB', bytes: 10_000_000, runs: 7 },
];

interface Scanner {
  scan(text: string): readonly unknown[];
}

/** A compiled matcher over the bundled data of the source tree at `root`. */
async function matcherAt(root: string, options?: object): Promise<Scanner> {
  const load = (path: string) => import(pathToFileURL(join(root, path)).href);
  const { buildMatchEntries } = await load('src/core/entity-index.ts');
  const { compileMatcher } = await load('src/core/matcher.ts');
  const { dataset } = await load('src/data/dataset.ts');
  return compileMatcher(buildMatchEntries(dataset), options);
}

async function main(): Promise<void> {
  const ref = process.argv[2];
  if (!ref) {
    console.error('usage: npm run bench:against -- <git ref>');
    process.exit(2);
  }
  const commit = execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  try {
    execFileSync('sh', ['-c', `git archive --format=tar ${commit} src/core src/data | tar -x -C "${dir}"`], { cwd: ROOT });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const before = await matcherAt(dir);
    const now = await matcherAt(ROOT);
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    // Processor time of this process as well as wall time: on a machine shared with other work, a scan that waited
    // for a core shows in the wall time only.
    const sample = (m: Scanner, text: string): [number, number] => {
      collectGarbage();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      m.scan(text);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      return [wall, (cpu.user + cpu.system) / 1000];
    };
    const sentences = articleSentences(join(ROOT, 'assets', 'articles'));
    console.log(`The matcher now against ${commit}, same texts, alternated, least disturbed of n runs (wall / processor time). Node ${process.version}.\n`);
    console.log(`| text | runs | ${commit} ms | now ms | now / ${commit} | mentions ${commit} | mentions now |`);
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const size of SIZES) {
      const text = newsText(sentences, size.bytes, seededRandom(size.bytes));
      const a = [Infinity, Infinity];
      const b = [Infinity, Infinity];
      const keep = (best: number[], [wall, cpu]: [number, number]) => {
        best[0] = Math.min(best[0]!, wall);
        best[1] = Math.min(best[1]!, cpu);
      };
      for (let i = 0; i < 3; i++) {
        before.scan(text);
        now.scan(text);
      }
      for (let i = 0; i < size.runs; i++) {
        if (i % 2 === 0) {
          keep(a, sample(before, text));
          keep(b, sample(now, text));
        } else {
          keep(b, sample(now, text));
          keep(a, sample(before, text));
        }
      }
      const ms = (best: number[]) => `${best[0]!.toFixed(2)} / ${best[1]!.toFixed(2)}`;
      const ratio = `${(b[0]! / a[0]!).toFixed(2)} / ${(b[1]! / a[1]!).toFixed(2)}`;
      console.log(`| ${size.label} | ${size.runs} | ${ms(a)} | ${ms(b)} | ${ratio} | ${before.scan(text).length} | ${now.scan(text).length} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
