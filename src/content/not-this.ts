/**
 * "Not this" from the card: the settings patch that stops a mention being highlighted on this site, or everywhere.
 * A quotation is one thing to a reader, even across a link and however the page words it: the source's wording is
 * stored (`quoteText`), never the page's, so no page can grow the reader's settings with text of its own.
 */
import type { Mention } from '../core/matcher';
import { siteKey, type Settings } from '../shared/settings';
import { isQuoteMention } from './block-quotes';

/** The settings change for "Not this" on `m`. */
export function notThisPatch(
  s: Settings,
  m: Mention,
  scope: 'site' | 'everywhere',
  hostname: string,
  quoteText: (id: string) => string | undefined,
): Partial<Settings> {
  if (isQuoteMention(m)) {
    const text = quoteText(m.id);
    if (text === undefined) return {};
    return scope === 'site'
      ? { ignoredMatches: [...s.ignoredMatches, { site: siteKey(hostname), text }] }
      : { excludedAliases: [...s.excludedAliases, text] };
  }
  return scope === 'site'
    ? { ignoredMatches: [...s.ignoredMatches, { site: siteKey(hostname), text: m.text }] }
    : { excludedAliases: [...s.excludedAliases, m.alias] };
}
