/**
 * Reads the bundled articles (assets/articles/*.txt) for validation: Node only, so it lives outside src/data,
 * which stays pure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the articles live, from the repository root. */
export const ARTICLES_DIR = resolve(import.meta.dirname, '../../assets/articles');

/** Every `*.txt` article of `dir`, by file name, in file-name order. */
export function loadArticles(dir: string = ARTICLES_DIR): Map<string, string> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}
