/**
 * "Not this" from the card: the settings patch that stops a mention being highlighted on this site, or everywhere.
 * A quotation is one thing to a reader, even across a link: its whole page text is stored, not the piece under
 * the pointer.
 */
import type { Mention } from '../core/matcher';
import { siteKey, type Settings } from '../shared/settings';
import { isQuoteMention } from './block-quotes';

/** The settings change for "Not this" on `m`. */
export function notThisPatch(s: Settings, m: Mention, scope: 'site' | 'everywhere', hostname: string): Partial<Settings> {
  const text = isQuoteMention(m) ? m.alias : m.text;
  return scope === 'site'
    ? { ignoredMatches: [...s.ignoredMatches, { site: siteKey(hostname), text }] }
    : { excludedAliases: [...s.excludedAliases, m.alias] };
}
