/**
 * A hostile page against the popover host: whatever the page dispatches on the card or the document, and whatever it
 * registers as a custom element first, the card acts only on the reader's own (trusted) input. The same attacks run
 * in real Chromium and Firefox in tests/e2e/hostile-card.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPopover, HIDE_DELAY_MS, type PopoverController } from '../../src/content/popover/index';
import { GUARDED_EVENTS } from '../../src/content/popover/host';
import { createCardBuilder, type CardModel } from '../../src/core/card-model';
import { anyShadowRoot, clickTrusted, dispatchTrusted, fixtureData, mentionOf } from './popover-fixture';

let ctx: ContentScriptContext;
let popover: PopoverController;
const onNotThis = vi.fn();
const openSource = vi.fn();
const buildCard = createCardBuilder(fixtureData);

const host = () => document.querySelector('dossier-popover') as HTMLElement | null;
const shadow = () => anyShadowRoot(host()!)!;
const flush = () => vi.advanceTimersByTimeAsync(0);
const target = (id: string, text: string) => ({ mention: mentionOf(id, text), rect: () => new DOMRect(100, 100, 60, 18) });

function start() {
  popover = createPopover(ctx, {
    getCard: async (m) => JSON.parse(JSON.stringify(buildCard(m))) as CardModel | null,
    openSource,
    sourceHref: (ref) => `chrome-extension://test/sources.html?id=${ref.id}`,
    onNotThis,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<p>Peskov said</p>';
  ctx = new ContentScriptContext('content');
  start();
});

afterEach(() => {
  popover.destroy();
  ctx.abort();
  vi.useRealTimers();
  onNotThis.mockReset();
  openSource.mockReset();
});

describe('a page cannot act through the card', () => {
  it('cannot reach into the card: the shadow root is closed and the host has no content of its own', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(host()!.shadowRoot).toBeNull();
    expect(host()!.textContent).toBe('');
    expect(host()!.children).toHaveLength(0);
    expect(document.body.textContent).not.toContain('Kremlin spokesman');
    // The card is there for the reader.
    expect(shadow().querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
  });

  it('"Not this", its choices and Close ignore .click() and dispatched clicks; the reader\'s clicks work', async () => {
    popover.show(target('ukraine', 'Kyiv'));
    await flush();
    const root = shadow();
    const pageListener = vi.fn();
    document.addEventListener('click', pageListener, true);
    root.querySelector<HTMLButtonElement>('.dp-notthis')!.click();
    await flush();
    expect(root.querySelector('[data-scope]')).toBeNull();
    clickTrusted(root.querySelector('.dp-notthis')!);
    await flush();
    for (const el of root.querySelectorAll<HTMLElement>('[data-scope], .dp-close')) {
      el.click();
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      el.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    await flush();
    expect(onNotThis).not.toHaveBeenCalled();
    expect(popover.isOpen()).toBe(true);
    clickTrusted(root.querySelector('[data-scope="everywhere"]')!);
    expect(onNotThis).toHaveBeenCalledOnce();
    expect(popover.isOpen()).toBe(false);
    document.removeEventListener('click', pageListener, true);
  });

  it('source links: fifteen programmatic clicks (primary and middle) ask for no tab and navigate nowhere', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const link = shadow().querySelector<HTMLAnchorElement>('a.dp-source')!;
    const events: MouseEvent[] = [];
    for (let i = 0; i < 15; i++) {
      link.click();
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
      const aux = new MouseEvent('auxclick', { bubbles: true, cancelable: true, composed: true, button: 1 });
      link.dispatchEvent(click);
      link.dispatchEvent(aux);
      events.push(click, aux);
    }
    expect(openSource).not.toHaveBeenCalled();
    // Cancelled, so a link's own navigation (the extension URL in a new tab) does not happen either.
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
    clickTrusted(link);
    expect(openSource).toHaveBeenCalledOnce();
  });

  it('Escape, a press outside and the pointer leaving only count when the reader did them', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const dialog = shadow().querySelector('[role="dialog"]')!;
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: 500, clientY: 500 }));
    shadow().querySelector('.dp-layer')!.dispatchEvent(new Event('pointerleave'));
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS * 3);
    expect(popover.isOpen()).toBe(true);
    dispatchTrusted(document.body, new MouseEvent('pointerdown', { bubbles: true, clientX: 500, clientY: 500 }));
    expect(popover.isOpen()).toBe(false);
  });

  it('untrusted events of every guarded kind stop at the shadow root: no listener inside sees them', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const button = shadow().querySelector('.dp-notthis')!;
    const seen = vi.fn();
    for (const type of GUARDED_EVENTS) button.addEventListener(type, seen);
    for (const type of GUARDED_EVENTS) button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    expect(seen).not.toHaveBeenCalled();
    for (const type of GUARDED_EVENTS) dispatchTrusted(button, new Event(type, { bubbles: true, composed: true }));
    expect(seen).toHaveBeenCalledTimes(GUARDED_EVENTS.length);
  });
});

describe('a page that changes the card', () => {
  it("closes it: text, nodes or attributes inside that Dossier did not write; the next card is Dossier's again", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    // In Firefox a page reaches the card's nodes through the reader's text selection.
    shadow().querySelector('.dp-title')!.firstChild!.nodeValue = 'Nobody';
    await flush();
    expect(popover.isOpen()).toBe(false);
    expect(host()).toBeNull();

    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(shadow().querySelector('.dp-title')!.textContent).toBe('Dmitry Peskov');
    const fake = document.createElement('p');
    fake.className = 'fake';
    shadow().querySelector('.dp-layer')!.append(fake);
    await flush();
    expect(popover.isOpen()).toBe(false);

    popover.show(target('donbas', 'Donbas'));
    await flush();
    expect(shadow().querySelector('.fake')).toBeNull();
    shadow().querySelector('a.dp-source')!.setAttribute('data-source', 'other-source');
    await flush();
    expect(popover.isOpen()).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('throws the host away: a style sheet the page changed is not the next card\'s', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const spoilt = host()!;
    anyShadowRoot(spoilt)!.querySelector('style')!.textContent = '.dp-card { opacity: 0 }';
    await flush();
    expect(popover.isOpen()).toBe(false);
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(host()).not.toBe(spoilt);
    expect(shadow().querySelector('style')!.textContent).toContain('all:initial');
    expect(shadow().querySelector('style')!.textContent).not.toContain('opacity: 0');
    vi.mocked(console.warn).mockRestore();
  });

  it('also when the change comes in the same task as a render of ours', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    popover.show(target('ukraine', 'Kyiv'));
    await flush();
    const root = shadow();
    root.querySelector('.dp-title')!.firstChild!.nodeValue = 'Nobody';
    clickTrusted(root.querySelector('.dp-notthis')!); // re-renders the card at once
    await flush();
    expect(popover.isOpen()).toBe(false);
    vi.mocked(console.warn).mockRestore();
  });

  it('asks page translators to leave it alone: its quotations are verbatim', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(shadow().querySelector('.dp-layer')!.getAttribute('translate')).toBe('no');
  });

  it('its own changes never close it: the "Not this" choices, placement, another card', async () => {
    popover.show(target('ukraine', 'Kyiv'));
    await flush();
    clickTrusted(shadow().querySelector('.dp-notthis')!);
    await flush();
    expect(shadow().querySelector('[data-scope="site"]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(100); // placement writes the layer's style
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(popover.isOpen()).toBe(true);
    expect(shadow().querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
    expect(shadow().querySelector('[data-scope="site"]')).toBeNull();
  });
});

describe('a page that removes the host', () => {
  it('does not stop the next card from showing', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    host()!.remove();
    popover.show(target('donbas', 'Donbas'));
    await flush();
    expect(shadow().querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Dossier: Donbas (Region)');
    expect(host()!.isConnected).toBe(true);
  });
});

describe('a page that defines our tag first', () => {
  it('cannot take over or break the card: its constructor runs too late, and the card shows', async () => {
    const constructed = vi.fn();
    class Squatter extends HTMLElement {
      constructor() {
        super();
        constructed();
        // What a hostile page would do: take the shadow root first, fill it with its own "card".
        this.attachShadow({ mode: 'open' }).innerHTML = '<p class="fake">Dossier says: nothing to see</p>';
      }
    }
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      errors.push(e.error);
      e.preventDefault();
    };
    window.addEventListener('error', onError);
    customElements.define('dossier-popover', Squatter);
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    window.removeEventListener('error', onError);
    expect(popover.isOpen()).toBe(true);
    // The page's constructor ran on connection and failed: our shadow root was already there.
    expect(constructed).toHaveBeenCalledOnce();
    expect(errors).toHaveLength(1);
    expect(host()!.shadowRoot).toBeNull();
    expect(shadow().querySelector('.fake')).toBeNull();
    expect(shadow().querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
    // And it keeps working: close, open another card.
    clickTrusted(shadow().querySelector('.dp-close')!);
    expect(host()).toBeNull();
    popover.show(target('donbas', 'Donbas'));
    await flush();
    expect(shadow().querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Dossier: Donbas (Region)');
  });
});
