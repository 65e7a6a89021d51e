/**
 * The highlight categories with their labels and colours: one palette for the page highlights,
 * the popover and the popup, so a colour means the same thing everywhere.
 * Kept free of runtime imports from src/data/schema.ts: that module pulls in full zod, which must
 * not reach the content script (FACTS.md: DANGEROUS_EVAL in web-ext lint, +60 KB).
 */
import type { Category } from '../data/schema';

/** Display order of the categories (the same members as `CATEGORIES` in src/data/schema.ts). */
export const CATEGORY_ORDER = ['people', 'organisations', 'regions', 'quotes'] as const satisfies readonly Category[];

// Fails to compile if schema.ts gains a category this list lacks.
type MissingCategory = Exclude<Category, (typeof CATEGORY_ORDER)[number]>;
const noMissingCategory: [MissingCategory] extends [never] ? true : never = true;
void noMissingCategory;

/** Colours of one category. `accent` is for dots, borders and text; `tint*` are highlight backgrounds. */
export interface CategoryStyle {
  label: string;
  /** Solid colour readable on white (contrast ≥ 4.5:1). */
  accent: string;
  /** Solid colour readable on a dark background (#1c1c1f). */
  accentDark: string;
  /** Translucent highlight background for light pages. */
  tint: string;
  /** Translucent highlight background for dark pages. */
  tintDark: string;
}

/** The palette. Highlight CSS should use these values (or the CSS variables from `categoryCssVariables`). */
export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
  people: { label: 'People', accent: '#1d4ed8', accentDark: '#93b4ff', tint: 'rgba(37, 99, 235, 0.18)', tintDark: 'rgba(147, 180, 255, 0.30)' },
  organisations: { label: 'Organisations', accent: '#7e22ce', accentDark: '#d2a8ff', tint: 'rgba(147, 51, 234, 0.16)', tintDark: 'rgba(210, 168, 255, 0.30)' },
  regions: { label: 'Regions', accent: '#047857', accentDark: '#6ee7b7', tint: 'rgba(5, 150, 105, 0.18)', tintDark: 'rgba(110, 231, 183, 0.28)' },
  quotes: { label: 'Quotes', accent: '#b45309', accentDark: '#fbbf24', tint: 'rgba(217, 119, 6, 0.18)', tintDark: 'rgba(251, 191, 36, 0.28)' },
};

/** CSS custom properties (`--dossier-people`, `--dossier-people-tint`, ...) for a theme, as a declaration block body. */
export function categoryCssVariables(theme: 'light' | 'dark'): string {
  return CATEGORY_ORDER.map((c) => {
    const s = CATEGORY_STYLES[c];
    const accent = theme === 'dark' ? s.accentDark : s.accent;
    const tint = theme === 'dark' ? s.tintDark : s.tint;
    return `--dossier-${c}: ${accent}; --dossier-${c}-tint: ${tint};`;
  }).join(' ');
}
