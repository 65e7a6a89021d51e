/**
 * Highlight categories, kept apart from the zod schemas so that code running on pages can import them
 * without pulling zod into the content script.
 */

/** Highlight categories. Actors map to people or organisations by kind. */
export const CATEGORIES = ['people', 'organisations', 'regions', 'quotes'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The highlight category of an actor kind. */
export function categoryOfActor(kind: 'person' | 'institution' | 'state'): Category {
  return kind === 'person' ? 'people' : 'organisations';
}
