/**
 * Markdown export of one actor's part of the reader's dossier: every saved passage verbatim, with its citation
 * (page title linked to its address, site, date saved) and the reader's note. Page text is escaped, so a passage
 * can never turn into a link, an image or HTML in a Markdown viewer.
 */
import type { SavedItem } from '../../data/reader-dossier-schema';

/** Escapes every character that Markdown (CommonMark) could read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&"]/g, (c) => `\\${c}`);
}

/** A link target: angle brackets with the characters that would end them percent-encoded. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

const KIND_HEADINGS: Record<SavedItem['kind'], string> = { quote: 'Quotes', reported: 'Reported statements', note: 'Notes' };
const KIND_ORDER: SavedItem['kind'][] = ['quote', 'reported', 'note'];

/** The Markdown of one actor's saved items, grouped by kind, oldest first; `exportedOn` is a YYYY-MM-DD date. */
export function actorDossierMarkdown(actorName: string, items: readonly SavedItem[], exportedOn: string): string {
  const lines: string[] = [`# ${escapeMarkdown(actorName)}: from your reading`, '', `Exported from Dossier on ${exportedOn}: ${items.length} saved item${items.length === 1 ? '' : 's'}.`];
  for (const kind of KIND_ORDER) {
    const group = items.filter((i) => i.kind === kind).sort((a, b) => Date.parse(a.savedAt) - Date.parse(b.savedAt));
    if (group.length === 0) continue;
    lines.push('', `## ${KIND_HEADINGS[kind]}`);
    for (const item of group) {
      const { title, site, source, selector } = item.target;
      const quoted = selector[0].exact.split(/\r?\n/).map((l) => `> ${escapeMarkdown(l)}`);
      quoted[0] = `> “${quoted[0]!.slice(2)}`;
      quoted[quoted.length - 1] = `${quoted[quoted.length - 1]}”`;
      lines.push('', ...quoted, '');
      const label = escapeMarkdown(title.trim() || site || source);
      const where = [`[${label}](${linkTarget(source)})`, site ? escapeMarkdown(site) : '', `saved ${item.savedAt.slice(0, 10)}`].filter(Boolean);
      lines.push(`— ${escapeMarkdown(actorName)}. Source: ${where.join(', ')}.`);
      if (item.note) lines.push('', `Note: ${escapeMarkdown(item.note)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
