/**
 * Reading and clicking the popover's card from a test. Its shadow root is closed: the page's own scripts (and so
 * `page.evaluate`) get null from `host.shadowRoot`. A test reaches it the way only a debugger can, through the
 * browser's remote protocol: Chromium's DevTools protocol (DOM.describeNode with `pierce`), Firefox's WebDriver BiDi
 * (node serialisation with `includeShadowTree: 'all'`). The function then runs in the page with the root as argument.
 * puppeteer-core (pinned) has no public call for either: this uses its CDP session, and for BiDi the browser's
 * `connection` and the frame's browsing-context id (`_id`), which a puppeteer upgrade must check.
 */
import type { Page } from 'puppeteer-core';

const HOST = 'dossier-popover';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A function run in the page on the card's shadow root; its arguments and result cross as JSON. */
type CardFn<A extends Json[], R> = (root: ShadowRoot, ...args: A) => R;

interface CdpSession {
  send(method: string, params?: object): Promise<any>;
  detach(): Promise<void>;
}
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

/** What the protocol helpers return when no card is on the page. */
const NO_CARD = Symbol('no card');

async function inCardChromium(page: Page, source: string, args: Json[]): Promise<unknown> {
  const cdp = (await page.createCDPSession()) as unknown as CdpSession;
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: HOST });
    if (!nodeId) return NO_CARD;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return NO_CARD;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (...args) { return (${source})(this, ...args); }`,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the card: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** A JSON value as a WebDriver BiDi LocalValue. */
function toBidi(value: Json): object {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) return { type: 'array', value: value.map(toBidi) };
  if (typeof value === 'object') return { type: 'object', value: Object.entries(value).map(([k, v]) => [k, toBidi(v)]) };
  return { type: typeof value, value };
}

/** A WebDriver BiDi RemoteValue of JSON-like data back to a value. */
function fromBidi(remote: { type: string; value?: any }): unknown {
  switch (remote.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'array':
      return (remote.value as { type: string }[]).map(fromBidi);
    case 'object':
      return Object.fromEntries((remote.value as [string, { type: string }][]).map(([k, v]) => [k, fromBidi(v)]));
    case 'number':
      return typeof remote.value === 'string' ? Number(remote.value) : remote.value;
    default:
      return remote.value;
  }
}

async function inCardFirefox(page: Page, source: string, args: Json[]): Promise<unknown> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const target = { context };
  const { result: found } = await connection.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(HOST)})`,
    target,
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const shadow = found.result?.value?.shadowRoot;
  if (!shadow?.sharedId) return NO_CARD;
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: source,
    target,
    awaitPromise: true,
    arguments: [{ sharedId: shadow.sharedId }, ...args.map(toBidi)],
    serializationOptions: { maxObjectDepth: 20 },
  });
  if (result.type === 'exception') throw new Error(`in the card: ${result.exceptionDetails?.text}`);
  return fromBidi(result.result);
}

function run(page: Page, source: string, args: Json[]): Promise<unknown> {
  const { protocol } = page.browser() as unknown as { protocol: 'cdp' | 'webDriverBiDi' };
  return protocol === 'webDriverBiDi' ? inCardFirefox(page, source, args) : inCardChromium(page, source, args);
}

/**
 * Runs `fn(root, ...args)` in the page with the open card's shadow root and returns its result; throws when no card
 * is on the page. `fn` is sent as source: it must not close over anything.
 */
export async function inCard<A extends Json[], R>(page: Page, fn: CardFn<A, R>, ...args: A): Promise<Awaited<R>> {
  const value = await run(page, fn.toString(), args);
  if (value === NO_CARD) throw new Error('no card on the page');
  return value as Awaited<R>;
}

/** Like inCard, but null when no card is on the page. */
export async function ifCard<A extends Json[], R>(page: Page, fn: CardFn<A, R>, ...args: A): Promise<Awaited<R> | null> {
  const value = await run(page, fn.toString(), args);
  return value === NO_CARD ? null : (value as Awaited<R>);
}

/** Polls `fn` on the card until it returns a truthy value; throws after `timeout` ms. */
export async function waitInCard<A extends Json[], R>(page: Page, fn: CardFn<A, R>, timeout = 10_000, ...args: A): Promise<NonNullable<Awaited<R>>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await ifCard(page, fn, ...args).catch(() => null);
    if (value) return value as NonNullable<Awaited<R>>;
    if (Date.now() > deadline) throw new Error(`timed out waiting in the card for: ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The centre of the card's first `selector`, scrolled into view inside the card; null when absent. */
export function pointInCard(page: Page, selector: string): Promise<{ x: number; y: number } | null> {
  return ifCard(
    page,
    (root, sel) => {
      const el = root.querySelector(sel);
      if (!el) return null;
      // Centred: at an edge of the card's scroll box, its sticky header would cover the element.
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    selector,
  );
}

/** A real (trusted) click on the card's first `selector`, as the reader's mouse would do it. */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  const at = await pointInCard(page, selector);
  if (!at) throw new Error(`nothing in the card matches ${selector}`);
  await page.mouse.click(at.x, at.y);
}
