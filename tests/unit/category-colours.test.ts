/**
 * The highlight colours are written twice: in TypeScript (src/shared/categories.ts, for the popover and the popup)
 * and in the page CSS the manifest declares (entrypoints/content/highlights.css, which must be a static file so it
 * also applies on strict-CSP pages). This fails as soon as the two disagree, for either engine's rules.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_ORDER, CATEGORY_STYLES } from '../../src/shared/categories';

const CSS = readFileSync(resolve(import.meta.dirname, '../../entrypoints/content/highlights.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The declarations of the rule whose selector list is exactly `selector` (outside @media), as a property map. */
function rule(selector: string): Record<string, string> {
  const top = CSS.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
  const blocks = [...top.matchAll(/([^{}]+)\{([^{}]*)\}/g)];
  const block = blocks.find(([, sel]) => sel!.trim() === selector);
  if (!block) throw new Error(`no rule for ${selector} in highlights.css`);
  return Object.fromEntries(
    block[2]!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
  );
}

describe('highlight colours: the TypeScript palette and the page CSS agree', () => {
  it.each(CATEGORY_ORDER)('%s: CSS Highlight API rule', (category) => {
    const style = CATEGORY_STYLES[category];
    const decl = rule(`::highlight(dossier-${category})`);
    expect(decl['background-color']).toBe(style.tint);
    const [line, kind, colour] = decl['text-decoration']!.split(/\s+/);
    expect([line, kind, colour]).toEqual(['underline', style.underline, style.accent]);
  });

  it.each(CATEGORY_ORDER)('%s: marks engine rule', (category) => {
    const style = CATEGORY_STYLES[category];
    const decl = rule(`dossier-mark[data-dossier-category='${category}']`);
    expect(decl['background-color']).toBe(style.tint);
    expect(decl['text-decoration-style']).toBe(style.underline);
    expect(decl['text-decoration-color']).toBe(style.accent);
  });

  it('has no rule for a category the palette lacks', () => {
    const named = new Set([...CSS.matchAll(/dossier-(\w+)\)|data-dossier-category='(\w+)'/g)].map((m) => m[1] ?? m[2]));
    expect([...named].sort()).toEqual([...CATEGORY_ORDER].sort());
  });
});
