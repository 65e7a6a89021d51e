/** Helpers shared by the benchmarks: the same seeded text every run, and robust summaries. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (mulberry32) so every run benchmarks the same text. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median of `values` (the upper one for an even count): robust to a run disturbed by the shared machine. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The sentences of the articles in `dir` (its .txt files, in name order). */
export function articleSentences(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/(?<=[.!?…”"])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Sentences shuffled deterministically and joined into paragraphs, exactly `size` characters. One flat string, as a
 * page's text is: a slice of a longer string (what `join(…).slice(…)` would give) reads measurably slower in V8.
 */
export function newsText(sentences: readonly string[], size: number, random: () => number): string {
  const parts: string[] = [];
  let length = 0;
  let pool: string[] = [];
  while (length < size) {
    if (pool.length === 0) {
      pool = [...sentences];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
    }
    const sentence = pool.pop()!;
    const separator = random() < 0.2 ? '\n' : ' ';
    const room = size - length;
    parts.push(sentence.length + 1 <= room ? sentence + separator : (sentence + separator).slice(0, room));
    length += Math.min(room, sentence.length + 1);
  }
  return parts.join('');
}
