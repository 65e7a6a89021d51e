/** Shared fixtures of the reader-dossier unit tests: real article text and saved items made from it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectorsFor } from '../../src/core/reader-dossier/selectors';
import type { ActorRef, SavedItem, SavedKind } from '../../src/data/reader-dossier-schema';

const ARTICLES = join(import.meta.dirname, '../../assets/articles');

/** The text of a bundled article, as the source page would show it. */
export function article(file: string): string {
  return readFileSync(join(ARTICLES, file), 'utf8');
}

export const REUTERS = article('000_78f937a108842e39.txt');
export const NEWSX = article('001_ad98cfedb2a06ee8.txt');

/** A saved item for the passage `exact` of `text` (its first occurrence), as the save dialog would store it. */
export function savedFrom(
  text: string,
  exact: string,
  opts: { id?: string; actor?: ActorRef; kind?: SavedKind; note?: string; url?: string; savedAt?: string; title?: string } = {},
): SavedItem {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in the article: ${exact}`);
  const savedAt = opts.savedAt ?? '2026-12-01T08:00:00.000Z';
  return {
    id: opts.id ?? 'item-00000001',
    actor: opts.actor ?? { type: 'bundled', id: 'vladimir-putin' },
    kind: opts.kind ?? 'quote',
    ...(opts.note ? { note: opts.note } : {}),
    target: {
      source: opts.url ?? 'https://news.example/world/putin-donbas',
      title: opts.title ?? 'Putin says Ukraine must withdraw from Donbas',
      site: 'news.example',
      selector: selectorsFor(text, start, start + exact.length),
    },
    savedAt,
    updatedAt: savedAt,
  };
}
