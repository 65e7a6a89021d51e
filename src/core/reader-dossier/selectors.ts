/**
 * Describing a passage of a page's text with the two W3C Web Annotation selectors Dossier stores. Kept apart from
 * anchoring (anchor.ts) so that the page side, which only describes, does not carry the fuzzy matcher.
 */
import { SELECTOR_CONTEXT, type TextPositionSelector, type TextQuoteSelector } from '../../data/reader-dossier-schema';

/** The two selectors of the passage [start, end) of `text`: exact text with its context, and its offsets. */
export function selectorsFor(text: string, start: number, end: number, context = SELECTOR_CONTEXT): [TextQuoteSelector, TextPositionSelector] {
  if (!(start >= 0 && end > start && end <= text.length)) throw new RangeError(`no passage at [${start}, ${end}) of a ${text.length}-character text`);
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - context), start), suffix: text.slice(end, end + context) },
    { type: 'TextPositionSelector', start, end },
  ];
}
