/**
 * `npm run -s data:export [-- --data file.json]`: validates the data set against the articles in
 * assets/articles/ and prints it as ONE JSON object (see src/data/export.ts for the shape).
 *
 * `--data file.json` validates and exports a data set written as JSON in the source format (the shape of
 * src/data/dataset.ts) instead of the bundled one: a way to check an edit before it goes into the build.
 * Any failure prints one line on stderr and exits with status 1.
 */
import { readFileSync } from 'node:fs';
import { dataset } from '../src/data/dataset';
import { exportDataset } from '../src/data/export';
import { validateDataset, formatIssues } from '../src/validation/validate';
import { loadArticles } from './lib/load-articles';

function fail(message: string): never {
  process.stderr.write(`data:export: ${message.replace(/\s*\n\s*/g, '; ')}\n`);
  process.exit(1);
}

function readInput(args: readonly string[]): unknown {
  if (args.length === 0) return dataset;
  if (args.length !== 2 || args[0] !== '--data') fail(`unknown arguments "${args.join(' ')}" (usage: data:export [--data file.json])`);
  const file = args[1]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`${file} is not JSON: ${(e as Error).message}`);
  }
}

const input = readInput(process.argv.slice(2));
const result = validateDataset(input, loadArticles());
if (!result.ok) {
  const n = result.issues.length;
  fail(`data set is invalid (${n} problem${n === 1 ? '' : 's'}): ${formatIssues(result.issues)}`);
}
process.stdout.write(`${JSON.stringify(exportDataset(result.data), null, 2)}\n`);
