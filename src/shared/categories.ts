/**
 * The highlight categories with their labels and colours: one palette for the page highlights,
 * the popover and the popup, so a colour means the same thing everywhere.
 * Kept free of runtime imports from src/data/schema.ts: that module pulls in full zod, which must
 * not reach the content script (web-ext lint reports its `Function` probe as DANGEROUS_EVAL, and it adds about 60 KB).
 */
import type { Category } from '../data/schema';

/** Display order of the categories (the same members as `CATEGORIES` in src/data/schema.ts). */
export const CATEGORY_ORDER = ['people', 'organisations', 'regions', 'quotes'] as const satisfies readonly Category[];

// Fails to compile if schema.ts gains a category this list lacks.
type MissingCategory = Exclude<Category, (typeof CATEGORY_ORDER)[number]>;
const noMissingCategory: [MissingCategory] extends [never] ? true : never = true;
void noMissingCategory;

/**
 * How one category looks. entrypoints/content/highlights.css (static page CSS, declared in the manifest) repeats
 * these values; tests/unit/category-colours.test.ts fails when the two differ.
 */
export interface CategoryStyle {
  label: string;
  /** Underline and dot colour, ≥ 3:1 against both white and #1c1c1f, so one value serves both themes. */
  accent: string;
  /** Translucent highlight background: keeps the page's own text colour readable. */
  tint: string;
  /** Underline style, so colour is never the only cue. */
  underline: 'solid' | 'double' | 'dotted' | 'wavy';
}

/** The palette shared by the page highlights, the popover and the popup. */
export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
  people: { label: 'People', accent: '#3b82f6', tint: 'rgba(59, 130, 246, 0.16)', underline: 'solid' },
  organisations: { label: 'Organisations', accent: '#a855f7', tint: 'rgba(168, 85, 247, 0.16)', underline: 'double' },
  regions: { label: 'Regions', accent: '#059669', tint: 'rgba(5, 150, 105, 0.16)', underline: 'dotted' },
  quotes: { label: 'Quotes', accent: '#d97706', tint: 'rgba(217, 119, 6, 0.14)', underline: 'wavy' },
};
