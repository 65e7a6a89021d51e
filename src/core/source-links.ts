/**
 * Where a source card lives: the extension page `sources.html`, one source per card (`?id=`), scrolled to an
 * excerpt (`#` + `excerptAnchor(text)`). The popup and tracker link to it directly; the background opens it for the
 * popover, which a page may not navigate to itself.
 */

/** The source card page, relative to the extension's root. */
export const SOURCE_CARD_PAGE = '/sources.html';

/** The path of a source card: `/sources.html?id=<id>`, plus `#<anchor>` to open it at an excerpt. */
export function sourceCardPath(id: string, anchor?: string): string {
  return `${SOURCE_CARD_PAGE}?id=${encodeURIComponent(id)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}
