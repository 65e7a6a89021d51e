/**
 * axe-core (pinned in devDependencies) run inside a real browser: its source is evaluated in the page's own world,
 * then `axe.run` checks the whole document. The card's shadow root is closed, so axe (which finds shadow trees through
 * `element.shadowRoot`) would not see it: for a card, the test lends the host a `shadowRoot` getter returning the root
 * it reached through the browser's remote protocol (lib/card.ts), for the length of the run only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'puppeteer-core';
import { inCard } from './card';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violated rule, with the elements that violate it (their selectors and axe's summary). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** axe as the page holds it once its source ran (`window.axe`). */
interface AxeGlobal {
  axe: { run(context: Node, options: RunOptions): Promise<AxeResults> };
}

async function inject(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in globalThis)) return;
  await page.evaluate(AXE_SOURCE);
}

/** Every violation axe finds in the page (all rules of every impact; best practices included). */
export async function axePage(page: Page): Promise<AxeViolation[]> {
  await inject(page);
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as AxeGlobal;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary ?? '' })),
    }));
  });
}

/**
 * Like axePage, with the open card's closed shadow tree included. Throws when no card is open, and when axe did not
 * check the card's dialog (it would otherwise pass by not seeing the card at all).
 */
export async function axeWithCard(page: Page): Promise<AxeViolation[]> {
  await inject(page);
  const { violations, sawDialog } = await inCard(page, async (root) => {
    const { axe } = globalThis as unknown as AxeGlobal;
    const host = root.host;
    Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
    try {
      const result = await axe.run(document, {});
      const named = [...result.passes, ...result.violations].find((r) => r.id === 'aria-dialog-name');
      return {
        // A node inside a shadow tree has a target of selectors, host first.
        sawDialog: !!named?.nodes.some((n) => JSON.stringify(n.target).includes('dossier-popover')),
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary ?? '' })),
        })),
      };
    } finally {
      delete (host as unknown as { shadowRoot?: ShadowRoot }).shadowRoot;
    }
  });
  if (!sawDialog) throw new Error('axe did not check the card: its dialog is not among the results of aria-dialog-name');
  return violations;
}
