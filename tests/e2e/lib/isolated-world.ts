/**
 * Chromium only: reaches the content script's isolated world over the DevTools protocol, which page scripts
 * cannot. Tests read Dossier's bench counters there (src/content/bench-hook.ts) and count the listeners on its
 * lifetime's AbortSignal (src/shared/content-lifetime.ts).
 */
import type { CDPSession, Page } from 'puppeteer-core';

/** Dossier's world in a page's top frame. */
export interface DossierWorld {
  /** Evaluates `expression` in Dossier's world and returns its JSON value. */
  value<T>(expression: string): Promise<T>;
  /** How many event listeners the object `expression` evaluates to has (DOMDebugger.getEventListeners). */
  listenerCount(expression: string): Promise<number>;
  close(): Promise<void>;
}

interface Context {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/** Attaches to the page and finds the top frame's context of the extension `extensionId`. */
export async function dossierWorld(page: Page, extensionId: string): Promise<DossierWorld> {
  const session: CDPSession = await page.createCDPSession();
  const contexts: Context[] = [];
  session.on('Runtime.executionContextCreated', (e: { context: Context }) => contexts.push(e.context));
  await session.send('Runtime.enable');
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const mainFrame = frameTree.frame.id;
  const find = () => contexts.find((c) => c.auxData?.frameId === mainFrame && c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  const deadline = Date.now() + 10_000;
  while (!find() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const context = find();
  if (!context) throw new Error('no Dossier world in the page');
  const evaluate = async (expression: string, returnByValue: boolean) => {
    const r = (await session.send('Runtime.evaluate', { expression, contextId: context.id, returnByValue, awaitPromise: true })) as {
      result: { value?: unknown; objectId?: string };
      exceptionDetails?: { text: string };
    };
    if (r.exceptionDetails) throw new Error(`in Dossier's world: ${r.exceptionDetails.text}`);
    return r.result;
  };
  return {
    async value<T>(expression: string) {
      return (await evaluate(expression, true)).value as T;
    },
    async listenerCount(expression: string) {
      const { objectId } = await evaluate(expression, false);
      if (!objectId) throw new Error(`${expression} is not an object`);
      const { listeners } = (await session.send('DOMDebugger.getEventListeners', { objectId })) as { listeners: unknown[] };
      return listeners.length;
    },
    close: () => session.detach().catch(() => {}),
  };
}

/** Dossier's bench counters (src/content/bench-hook.ts `BenchCounters`). */
export interface Counters {
  fullScans: number;
  rootScans: number;
  slices: number;
  busy: number;
  longest: number;
  stateTallies: number;
  stateReads: number;
  firstCardsOnTime: number;
  firstCardsLate: number;
}

export const COUNTERS = "globalThis[Symbol.for('dossier.bench')].counters";
export const LIFETIME_SIGNAL = "globalThis[Symbol.for('dossier.content-context:content')].signal";
