/** The generated news pages the browser benchmarks load: the same pages in every run and in every benchmark. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sentences of the articles in `dir` that a page is built from (longer than 20 characters, in name order). */
export function newsPageSentences(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/(?<=[.!?”])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

/** A news page with about `bytes` characters of text built from `sentences`: paragraphs, a heading every ten, links. */
export function newsPage(sentences: readonly string[], bytes: number, random: () => number): string {
  const parts: string[] = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>',
    '<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:2rem auto}</style></head><body><article>'];
  let text = 0;
  let paragraph = 0;
  const pick = () => sentences[Math.floor(random() * sentences.length)]!;
  while (text < bytes) {
    if (paragraph % 10 === 0) {
      const h = pick().slice(0, 80);
      parts.push(`<h2>${escapeHtml(h)}</h2>`);
      text += h.length;
    }
    const count = 3 + Math.floor(random() * 4);
    const body: string[] = [];
    for (let i = 0; i < count; i++) {
      const s = pick();
      text += s.length + 1;
      body.push(random() < 0.15 ? `<a href="#p${paragraph}">${escapeHtml(s)}</a>` : escapeHtml(s));
    }
    parts.push(`<p>${body.join(' ')}</p>`);
    paragraph++;
  }
  parts.push('</article></body></html>');
  return parts.join('\n');
}
