/**
 * `npm run -s scan -- <file>`: print the mentions of the bundled data's actors and regions found in a
 * .txt or .html file as a JSON array of {start, end, text, id, name, category, alias}. For HTML the
 * offsets index the visible text (scripts/lib/visible-text.ts), for text files the file's characters.
 * Errors: one line on stderr, `scan: <file>: <reason>`; exit 2 for usage and unreadable paths, 1 for
 * files that cannot be scanned (empty, binary, not UTF-8).
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { buildMatchEntries } from '../src/core/entity-index';
import { compileMatcher, type Mention } from '../src/core/matcher';
import { dataset } from '../src/data/dataset';

/** A problem with the input, reported as one line without a stack trace. */
class ScanError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** The text to scan in `file`: the file itself for text, the visible text for HTML. */
async function readScannable(file: string): Promise<string> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch (error) {
    throw readError(error);
  }
  if (isDirectory) throw new ScanError('is a directory, expected a .txt or .html file', 2);
  const extension = extname(file).toLowerCase();
  const isHtml = HTML_EXTENSIONS.has(extension);
  if (!isHtml && !TEXT_EXTENSIONS.has(extension)) {
    throw new ScanError(`unsupported file type${extension ? ` "${extension}"` : ' (no extension)'}, expected .txt or .html`, 2);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw readError(error);
  }
  if (bytes.length === 0) throw new ScanError('empty file, nothing to scan', 1);
  if (bytes.includes(0)) throw new ScanError('binary file (contains NUL bytes), expected text', 1);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ScanError('not valid UTF-8 text', 1);
  }
  if (text.trim().length === 0) throw new ScanError('empty file (white space only), nothing to scan', 1);
  if (!isHtml) return text;
  // jsdom is loaded only for HTML: it triples the start-up time of a text scan.
  const { visibleText } = await import('./lib/visible-text');
  return visibleText(text);
}

function readError(error: unknown): ScanError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ScanError('no such file', 2);
  if (code === 'EACCES') return new ScanError('permission denied', 2);
  return new ScanError(`cannot read (${code ?? (error as Error).message})`, 2);
}

/** Mentions as printed: one JSON object per line inside a JSON array. */
function formatMentions(mentions: readonly Mention[]): string {
  if (mentions.length === 0) return '[]';
  const rows = mentions.map(({ start, end, text, id, name, category, alias }) =>
    JSON.stringify({ start, end, text, id, name, category, alias }),
  );
  return `[\n  ${rows.join(',\n  ')}\n]`;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length !== 1 || argv[0] === '' || argv[0]!.startsWith('-')) {
    process.stderr.write('usage: npm run -s scan -- <file.txt|file.html>\n');
    return 2;
  }
  const file = argv[0]!;
  try {
    const text = await readScannable(file);
    const matcher = compileMatcher(buildMatchEntries(dataset));
    process.stdout.write(`${formatMentions(matcher.scan(text))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    process.stderr.write(`scan: ${file}: ${error.message}\n`);
    return error.exitCode;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
