import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPopover, HIDE_DELAY_MS, SHOW_DELAY_MS, type CardRequest, type PopoverController } from '../../src/content/popover/index';
import { GetCardData } from '../../src/shared/messages';
import { createCardBuilder, type CardModel } from '../../src/core/card-model';
import { anyShadowRoot, clickTrusted, dispatchTrusted, fixtureData, mentionOf } from './popover-fixture';

let ctx: ContentScriptContext;
let popover: PopoverController;
const onNotThis = vi.fn();

function target(id: string, text: string, alias = text) {
  const rect = new DOMRect(100, 100, 60, 18);
  return { mention: mentionOf(id, text, alias), rect: () => rect };
}

const host = () => document.querySelector('dossier-popover') as HTMLElement | null;
/** The popover's shadow root: closed, so reached the way the end-to-end tests reach it, not through the page. */
const shadow = () => {
  const h = host();
  return h ? anyShadowRoot(h) : null;
};
const dialog = () => shadow()?.querySelector('[role="dialog"]') ?? null;
const sourceHref = (ref: { id: string; anchor?: string }) => `chrome-extension://test/sources.html?id=${ref.id}${ref.anchor ? `#${ref.anchor}` : ''}`;
/** What the content entry injects, with the background's side played by `getCard`. */
const services = (getCard: (m: CardRequest) => Promise<CardModel | null>, openSource = vi.fn()) => ({ getCard, openSource, sourceHref });
const flush = () => vi.advanceTimersByTimeAsync(0);

/**
 * The background's side of `getCard`, as the message carries it: the payload must pass the background's validation,
 * and the card crosses as JSON. Every request is recorded.
 */
const requests: CardRequest[] = [];
const buildCard = createCardBuilder(fixtureData);
async function background(mention: CardRequest): Promise<CardModel | null> {
  requests.push(mention);
  const { mention: checked } = GetCardData.parse(JSON.parse(JSON.stringify({ mention })));
  return JSON.parse(JSON.stringify(buildCard(checked))) as CardModel | null;
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<button id="page-button">page</button><p>Peskov said</p>';
  ctx = new ContentScriptContext('content');
  requests.length = 0;
  popover = createPopover(ctx, { ...services(background), onNotThis });
});

afterEach(() => {
  popover.destroy();
  ctx.abort();
  vi.useRealTimers();
  onNotThis.mockReset();
});

describe('popover behaviour', () => {
  it('adds nothing to the page until shown, then one closed shadow root with a labelled dialog', async () => {
    expect(host()).toBeNull();
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(popover.isOpen()).toBe(true);
    expect(document.querySelectorAll('dossier-popover')).toHaveLength(1);
    expect(host()!.shadowRoot).toBeNull();
    expect(shadow()!.mode).toBe('closed');
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
    // The reset WXT puts first; the popover's own CSS (a ?inline import) is checked in the browser (vitest stubs CSS).
    expect(shadow()!.querySelector('style')!.textContent).toContain('all:initial');
  });

  it('waits for hover intent, and a pointer that leaves first opens nothing', async () => {
    popover.scheduleShow(target('dmitry-peskov', 'Peskov'));
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS - 50);
    expect(host()).toBeNull();
    popover.scheduleHide();
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS);
    expect(host()).toBeNull();
    popover.scheduleShow(target('dmitry-peskov', 'Peskov'));
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS + 10);
    expect(dialog()).not.toBeNull();
  });

  it('shows one popover at a time: a second mention replaces the first', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    popover.show(target('donbas', 'Donbas'));
    await flush();
    expect(document.querySelectorAll('dossier-popover')).toHaveLength(1);
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Donbas (Region)');
  });

  it('stays open while the pointer is inside it, closes after the grace period when it leaves, and leaves no DOM', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    popover.scheduleHide();
    const layer = shadow()!.querySelector('.dp-layer')!;
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS - 100);
    dispatchTrusted(layer, new Event('pointerenter'));
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS * 2);
    expect(popover.isOpen()).toBe(true);
    dispatchTrusted(layer, new Event('pointerleave'));
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS + 10);
    expect(popover.isOpen()).toBe(false);
    expect(host()).toBeNull();
  });

  it('ignores the controller\'s "no mention here" while the pointer is inside the card', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const layer = shadow()!.querySelector('.dp-layer')!;
    dispatchTrusted(layer, new Event('pointerenter'));
    popover.scheduleHide(); // the hit test under the card finds no mention
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS * 3);
    expect(popover.isOpen()).toBe(true);
  });

  it('a tap on another mention while a card is open switches to it', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const other = { mention: mentionOf('donbas', 'Donbas'), rect: () => new DOMRect(300, 300, 50, 18) };
    // The controller's own capture listener calls show() for the tapped mention; the popover's listener runs after.
    popover.show(other);
    dispatchTrusted(document.body, new MouseEvent('pointerdown', { bubbles: true, clientX: 320, clientY: 305 }));
    await flush();
    expect(popover.isOpen()).toBe(true);
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Donbas (Region)');
  });

  it('keyboard: show with focus moves focus into the card; Escape closes and returns focus', async () => {
    const button = document.getElementById('page-button')!;
    button.focus();
    popover.show(target('donbas', 'Donbas'), { focus: true });
    await flush();
    expect(shadow()!.activeElement).toBe(dialog());
    const pageKeys = vi.fn();
    document.body.addEventListener('keydown', pageKeys);
    dispatchTrusted(dialog()!, new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(pageKeys).not.toHaveBeenCalled();
    dispatchTrusted(dialog()!, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(popover.isOpen()).toBe(false);
    expect(host()).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(pageKeys).not.toHaveBeenCalled();
  });

  it('closes on a press outside, but not on the mention itself', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    dispatchTrusted(document.body, new MouseEvent('pointerdown', { bubbles: true, clientX: 110, clientY: 105 }));
    expect(popover.isOpen()).toBe(true);
    dispatchTrusted(document.body, new MouseEvent('pointerdown', { bubbles: true, clientX: 500, clientY: 500 }));
    expect(popover.isOpen()).toBe(false);
  });

  it('"Not this" reports the mention and the scope, and closes', async () => {
    const t = target('ukraine', 'Kyiv');
    popover.show(t);
    await flush();
    const root = shadow()!;
    clickTrusted(root.querySelector('.dp-notthis')!);
    await flush();
    clickTrusted(root.querySelector('[data-scope="site"]')!);
    expect(onNotThis).toHaveBeenCalledWith(t.mention, 'site');
    expect(popover.isOpen()).toBe(false);
  });

  it('a card shown for another mention starts afresh: the "Not this" choices opened on the previous one are closed', async () => {
    popover.show(target('ukraine', 'Kyiv'));
    await flush();
    const root = shadow()!;
    clickTrusted(root.querySelector('.dp-notthis')!);
    await flush();
    expect(root.querySelector('[data-scope="everywhere"]')).not.toBeNull();
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
    expect(root.querySelector('[data-scope="everywhere"]')).toBeNull();
    expect(root.querySelector('.dp-notthis')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('does not open for an id the data does not know', async () => {
    popover.show(target('nobody', 'Nobody'));
    await flush();
    expect(popover.isOpen()).toBe(false);
    expect(host()).toBeNull();
  });

  it('goes away with the content script context', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    ctx.abort();
    expect(host()).toBeNull();
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(host()).toBeNull();
  });

  it('a click on a source link asks to open the source card (no navigation); the href stays for copying', async () => {
    popover.destroy();
    const openSource = vi.fn();
    popover = createPopover(ctx, { ...services(background, openSource), onNotThis });
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const link = shadow()!.querySelector<HTMLAnchorElement>('.dp-quote a.dp-source')!;
    expect(link.getAttribute('href')).toMatch(/sources\.html\?id=reuters-kremlin#x-/);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
    dispatchTrusted(link, click);
    expect(click.defaultPrevented).toBe(true);
    expect(openSource).toHaveBeenCalledWith({ id: 'reuters-kremlin', anchor: link.dataset.anchor });
    expect(link.dataset.anchor).toMatch(/^x-/);
    // A `click` event carrying another button is not a primary click: not taken over.
    const middle = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 1 });
    dispatchTrusted(link, middle);
    expect(middle.defaultPrevented).toBe(false);
    expect(openSource).toHaveBeenCalledOnce();
    // A middle click (auxclick, button 1) would open the blocked extension URL in a tab: it asks the background too.
    const aux = new MouseEvent('auxclick', { bubbles: true, cancelable: true, composed: true, button: 1 });
    dispatchTrusted(link, aux);
    expect(aux.defaultPrevented).toBe(true);
    expect(openSource).toHaveBeenCalledTimes(2);
    // A right click (auxclick, button 2) keeps the context menu and its "Copy link".
    const right = new MouseEvent('auxclick', { bubbles: true, cancelable: true, composed: true, button: 2 });
    dispatchTrusted(link, right);
    expect(right.defaultPrevented).toBe(false);
    expect(openSource).toHaveBeenCalledTimes(2);
  });

  it('asks the background for the card when hover intent starts, shows it after the delay, and asks once per wording', async () => {
    popover.scheduleShow(target('dmitry-peskov', 'Peskov'));
    expect(requests).toEqual([{ id: 'dmitry-peskov', category: 'people', alias: 'Peskov', text: 'Peskov' }]);
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS - 50);
    expect(host()).toBeNull();
    await vi.advanceTimersByTimeAsync(60);
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
    popover.hide();
    popover.scheduleShow(target('dmitry-peskov', 'Peskov'));
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS + 10);
    expect(dialog()).not.toBeNull();
    // The same entity written otherwise is another card ("Why is this highlighted?" quotes the page's text).
    popover.show(target('dmitry-peskov', 'PESKOV', 'Peskov'));
    await flush();
    expect(requests.map((r) => r.text)).toEqual(['Peskov', 'PESKOV']);
    expect(shadow()!.textContent).toContain('PESKOV');
  });

  it('waits for a slow card past the delay, and a card that arrives after the pointer left opens nothing', async () => {
    popover.destroy();
    let answer: (card: CardModel | null) => void = () => {};
    const slow = (m: CardRequest) => new Promise<CardModel | null>((resolve) => (answer = () => resolve(buildCard(m))));
    popover = createPopover(ctx, services(slow));
    popover.scheduleShow(target('donbas', 'Donbas'));
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS * 3);
    expect(host()).toBeNull();
    answer(null);
    await flush();
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Donbas (Region)');
    popover.hide();
    popover.scheduleShow(target('ukraine', 'Kyiv'));
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS + 10);
    popover.hide();
    answer(null);
    await flush();
    expect(host()).toBeNull();
  });

  it('a failed request shows nothing, never throws, logs once, and the next hover asks again', async () => {
    popover.destroy();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let fail = true;
    const flaky = vi.fn((m: CardRequest) => {
      if (fail) throw new Error('Extension context invalidated.');
      return background(m);
    });
    popover = createPopover(ctx, services(flaky));
    popover.scheduleShow(target('dmitry-peskov', 'Peskov'));
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS + 10);
    popover.show(target('donbas', 'Donbas'));
    await flush();
    expect(host()).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    fail = false;
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
    expect(flaky).toHaveBeenCalledTimes(4);
    warn.mockRestore();
  });

  it("sends a quotation's wording on this page with the request, without its offsets", async () => {
    const quote = fixtureData.quotes[0]!;
    const match = { start: 4, end: 30, text: quote.text, quoteId: quote.id, score: 0.9, exact: false, coverage: 0.5, diff: [{ op: 'same' as const, text: 'a b' }] };
    const mention = { ...mentionOf(quote.id, quote.text), category: 'quotes' as const, match };
    popover.show({ mention, rect: () => new DOMRect(100, 100, 60, 18) });
    await flush();
    expect(requests[0]!.match).toEqual({ exact: false, coverage: 0.5, diff: [{ op: 'same', text: 'a b' }] });
    expect(shadow()!.textContent).toContain('Part of the quotation');
  });
});
