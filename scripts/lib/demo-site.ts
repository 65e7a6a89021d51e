/**
 * Renders the bundled source articles as realistic news pages for the demo and the end-to-end tests.
 * Every piece of article text is HTML-escaped: the pages carry the articles verbatim, as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { dataset } from '../../src/data/dataset';

/** Folder of the bundled article texts. */
export const ARTICLES_DIR = resolve(import.meta.dirname, '../../assets/articles');

/** One article of the demo site. */
export interface DemoArticle {
  /** File name under assets/articles. */
  file: string;
  /** Path of its page on the demo site. */
  path: string;
  title: string;
  /** Whether the title is the source's own headline (otherwise its first sentence, shortened). */
  hasHeadline: boolean;
  text: string;
}

/** The first sentence, cut at a word boundary near `max` characters. */
function firstSentence(text: string, max = 110): string {
  const sentence = text.trim().split('\n')[0]!.split(/(?<=[.!?])\s/)[0]!;
  if (sentence.length <= max) return sentence;
  return `${sentence.slice(0, sentence.lastIndexOf(' ', max))}…`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A line that reads as a heading: short, no closing punctuation (or all capitals). */
function isHeading(line: string): boolean {
  if (line.length > 90) return false;
  if (/^[A-Z’'\s]+$/.test(line) && line.length > 3) return true;
  return !/[.!?:”"…]$/.test(line) && line.split(/\s+/).length >= 3;
}

/** Reads every bundled article, in file order. */
export function loadDemoArticles(dir = ARTICLES_DIR): DemoArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const headline = dataset.sources.find((s) => s.file === basename(file))?.headline;
      const title = headline ?? firstSentence(text);
      return { file, path: `/articles/${file.replace(/\.txt$/, '.html')}`, title, hasHeadline: Boolean(headline), text };
    });
}

const SITE_CSS = `
  body { margin: 0; font: 18px/1.6 Georgia, 'DejaVu Serif', serif; color: #1d1d1f; background: #fbfaf7; }
  header.masthead { border-bottom: 3px double #222; padding: 12px 24px; display: flex; justify-content: space-between; align-items: baseline; position: sticky; top: 0; background: #fbfaf7; z-index: 1000; }
  header.masthead a { color: inherit; text-decoration: none; font: 700 26px/1 'DejaVu Serif', Georgia, serif; letter-spacing: -0.5px; }
  header.masthead nav a { font: 14px/1 'DejaVu Sans', Arial, sans-serif; margin-left: 16px; }
  main { max-width: 720px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 34px; line-height: 1.2; margin: 8px 0 16px; }
  h2 { font: 700 19px/1.3 'DejaVu Sans', Arial, sans-serif; margin: 28px 0 8px; }
  .kicker { font: 700 13px/1 'DejaVu Sans', Arial, sans-serif; text-transform: uppercase; color: #a4161a; letter-spacing: 1px; }
  .meta { font: 14px/1.4 'DejaVu Sans', Arial, sans-serif; color: #555; border-bottom: 1px solid #ddd; padding-bottom: 12px; }
  ul.index li { margin: 12px 0; } ul.index a { color: #1d3557; }
  footer { max-width: 720px; margin: 40px auto; padding: 16px 24px; font: 13px/1.4 'DejaVu Sans', Arial, sans-serif; color: #666; border-top: 1px solid #ddd; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — The Demo Ledger</title>
<style>${SITE_CSS}</style>
</head>
<body>
<header class="masthead"><a href="/">The Demo Ledger</a><nav><a href="/">World</a><a href="/">Europe</a><a href="/">Opinion</a></nav></header>
${body}
<footer>A local demo site for Dossier. The articles are the five bundled source texts, reproduced unchanged.</footer>
</body>
</html>
`;
}

/** The HTML page of one article: its first heading-like line as the headline, other such lines as subheads. */
export function renderArticle(article: DemoArticle): string {
  const lines = article.text.split('\n').map((l) => l.trim()).filter(Boolean);
  const parts: string[] = [];
  for (const line of lines) {
    if (line === article.title && parts.length === 0) continue;
    parts.push(isHeading(line) ? `<h2>${escapeHtml(line)}</h2>` : `<p>${escapeHtml(line)}</p>`);
  }
  return page(
    article.title,
    `<main><article>
<div class="kicker">Russia–Ukraine talks</div>
<h1>${escapeHtml(article.title)}</h1>
<p class="meta">Source text: ${escapeHtml(article.file)}${article.hasHeadline ? '' : ' (it has no headline: its first sentence stands in)'}</p>
${parts.join('\n')}
</article></main>`,
  );
}

/** The front page linking every article. */
export function renderIndex(articles: DemoArticle[]): string {
  const items = articles.map((a) => `<li><a href="${escapeHtml(a.path)}">${escapeHtml(a.title)}</a></li>`).join('\n');
  return page('Front page', `<main><h1>The peace talks, in five reports</h1><ul class="index">${items}</ul></main>`);
}
