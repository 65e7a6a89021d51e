/**
 * Texts the quotation matcher is checked on block by block: the fixture pages' blocks, the real-page corpus, the
 * articles the quotations come from (paragraphs and whole), every quotation reworded the ways pages reword them, and
 * seeded paragraphs made of the articles' sentences (like the browser benchmark's pages, where nearly every block
 * holds a quotation or part of one).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dataset } from '../../src/data/dataset';
import { seededRandom } from '../../scripts/lib/bench-utils';

const root = join(import.meta.dirname, '..', '..');

const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Block texts of an HTML page, tags stripped per block (as the scan joins a block's text nodes). */
function htmlBlocks(html: string): string[] {
  return [...html.matchAll(/<(p|li|h[1-6]|blockquote|td|figcaption)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => unescape(m[2]!.replace(/<[^>]+>/g, '')));
}

/** The fixture pages of the quotation baseline (tests/fixtures/quote-baseline). */
const BASELINE_PAGES = [
  'highlight-article.html',
  'highlight-csp.html',
  'highlight-frame.html',
  'highlight-hostile.html',
  'hostile-card-ad.html',
  'hostile-card.html',
  'hostile-define.html',
  'hostile-freeze.html',
  'marks-editable.html',
  'quotes.html',
  'reader-dossier-frames.html',
  'reader-dossier-quoted.html',
  'reader-dossier-reworded.html',
];

/** A quote as pages reword it: punctuation and case changed, a word changed, added or dropped, two words replaced, the ends trimmed. */
function variants(text: string): string[] {
  const words = text.split(/\s+/);
  const out = [text, `“${text},” he said.`, text.toUpperCase(), text.replace(/[,.;’]/g, ' - ')];
  for (let at = 0; at < words.length; at++) {
    out.push([...words.slice(0, at), 'indeed', ...words.slice(at + 1)].join(' '));
    out.push([...words.slice(0, at), 'really', ...words.slice(at)].join(' '));
    out.push([...words.slice(0, at), ...words.slice(at + 1)].join(' '));
    out.push([...words.slice(0, at), 'the', 'Russia', ...words.slice(at + 2)].join(' '));
  }
  out.push(words.slice(0, Math.ceil((words.length * 2) / 3)).join(' '), words.slice(Math.floor(words.length / 3)).join(' '));
  return out;
}

/** The corpora by name. */
export function quoteCorpora(): Record<string, string[]> {
  const articles = readdirSync(join(root, 'assets/articles'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(root, 'assets/articles', f), 'utf8'));
  const sentences = articles.flatMap((a) => a.split(/(?<=[.!?”])\s+/)).map((s) => s.trim()).filter((s) => s.length > 20);
  const random = seededRandom(42);
  const generated = Array.from({ length: 2000 }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => sentences[Math.floor(random() * sentences.length)]!).join(' '));
  return {
    // The pages there were when the baseline was taken: a page added later would change the corpus, not the matcher.
    'fixture pages': BASELINE_PAGES.flatMap((f) => htmlBlocks(readFileSync(join(root, 'tests/fixtures/pages', f), 'utf8'))),
    'real pages': readdirSync(join(root, 'tests/fixtures/realpages/text'))
      .filter((f) => f.endsWith('.txt.gz'))
      .sort()
      .flatMap((f) => gunzipSync(readFileSync(join(root, 'tests/fixtures/realpages/text', f))).toString('utf8').split('\n')),
    'article paragraphs': articles.flatMap((a) => a.split('\n')),
    articles,
    'reworded quotations': dataset.quotes.flatMap((q) => variants(q.text)),
    'generated paragraphs': generated,
  };
}
