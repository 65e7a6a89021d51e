import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher, minSameWords, SHORT_QUOTE_WORDS } from '../../src/core/quote-matcher';
import { dataset } from '../../src/data/dataset';

// The prefilter (`mayMatch`) may only skip a block the full matcher finds nothing in. Checked over the blocks of the
// fixture pages, the real-page corpus, the articles the quotations come from, and reworded variants of every quote.
const root = join(import.meta.dirname, '..', '..');
const matcher = compileQuoteMatcher(dataset.quotes);

const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Block texts of an HTML page, tags stripped per block (as the scan joins a block's text nodes). */
function htmlBlocks(html: string): string[] {
  return [...html.matchAll(/<(p|li|h[1-6]|blockquote|td|figcaption)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => unescape(m[2]!.replace(/<[^>]+>/g, '')));
}

const fixturePages = readdirSync(join(root, 'tests/fixtures/pages')).filter((f) => f.endsWith('.html'));
const fixtureBlocks = fixturePages.flatMap((f) => htmlBlocks(readFileSync(join(root, 'tests/fixtures/pages', f), 'utf8')));
const realText = readdirSync(join(root, 'tests/fixtures/realpages/text'))
  .filter((f) => f.endsWith('.txt.gz'))
  .flatMap((f) => gunzipSync(readFileSync(join(root, 'tests/fixtures/realpages/text', f))).toString('utf8').split('\n'));
const articleParagraphs = readdirSync(join(root, 'assets/articles'))
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(root, 'assets/articles', f), 'utf8').split('\n'));

/** A quote as pages reword it: punctuation and case changed, words changed, added, dropped, the ends trimmed. */
function variants(text: string): string[] {
  const words = text.split(/\s+/);
  const out = [text, `“${text},” he said.`, text.toUpperCase(), text.replace(/[,.;’]/g, ' - ')];
  for (let at = 0; at < words.length; at++) {
    out.push([...words.slice(0, at), 'indeed', ...words.slice(at + 1)].join(' '));
    out.push([...words.slice(0, at), 'really', ...words.slice(at)].join(' '));
    out.push([...words.slice(0, at), ...words.slice(at + 1)].join(' '));
  }
  // Every word but the fewest the matcher accepts replaced, from either end: the hardest case for the anchors.
  const keep = words.length < SHORT_QUOTE_WORDS ? words.length : minSameWords(words.length);
  for (let from = 0; from + keep <= words.length; from++) {
    out.push(words.map((w, i) => (i >= from && i < from + keep ? w : 'other')).join(' '));
    out.push(`The minister said “${words.slice(from, from + keep).join(' ')}” on Friday.`);
  }
  out.push(words.slice(0, Math.ceil((words.length * 2) / 3)).join(' '), words.slice(Math.floor(words.length / 3)).join(' '));
  return out;
}

function skippedMatches(blocks: readonly string[]): { checked: number; matched: number; skipped: number; lost: string[] } {
  let matched = 0;
  let skipped = 0;
  const lost: string[] = [];
  for (const block of blocks) {
    const found = matcher.find(block).length > 0;
    const may = matcher.mayMatch(block);
    if (found) matched++;
    if (!may) skipped++;
    if (found && !may) lost.push(block);
  }
  return { checked: blocks.length, matched, skipped, lost };
}

describe('quotation prefilter', () => {
  it('never skips a fixture page block the matcher matches', () => {
    const r = skippedMatches(fixtureBlocks);
    expect(r.lost).toEqual([]);
    expect(r.matched).toBeGreaterThan(3);
  });

  it('never skips an article paragraph the matcher matches, and skips some that hold none', () => {
    const r = skippedMatches(articleParagraphs);
    expect(r.lost).toEqual([]);
    expect(r.matched).toBeGreaterThan(20);
    expect(r.skipped).toBeGreaterThan(0);
  });

  it('never skips a reworded quotation the matcher matches', () => {
    const blocks = dataset.quotes.flatMap((q) => variants(q.text));
    const r = skippedMatches(blocks);
    expect(r.lost).toEqual([]);
    expect(r.matched).toBeGreaterThan(dataset.quotes.length * 5);
  });

  it('skips most lines of unrelated real pages without losing a match', () => {
    const r = skippedMatches(realText);
    expect(r.lost).toEqual([]);
    expect(r.skipped).toBeGreaterThan(r.checked / 2);
  });

  it('lets through a block whose only anchor comes last', () => {
    const quote = dataset.quotes.find((q) => q.text.split(/\s+/).length >= 8)!;
    const text = `${'Sunny weather tomorrow. '.repeat(50)}“${quote.text}”`;
    expect(matcher.find(text).length).toBeGreaterThan(0);
    expect(matcher.mayMatch(text)).toBe(true);
    expect(matcher.mayMatch('Sunny weather tomorrow. '.repeat(50))).toBe(false);
  });
});
