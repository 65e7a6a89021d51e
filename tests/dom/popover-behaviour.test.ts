import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPopover, HIDE_DELAY_MS, SHOW_DELAY_MS, type PopoverController } from '../../src/content/popover/index';
import { fixtureData, mentionOf } from './popover-fixture';

let ctx: ContentScriptContext;
let popover: PopoverController;
const onNotThis = vi.fn();

function target(id: string, text: string, alias = text) {
  const rect = new DOMRect(100, 100, 60, 18);
  return { mention: mentionOf(id, text, alias), rect: () => rect };
}

const host = () => document.querySelector('dossier-popover') as HTMLElement | null;
const dialog = () => host()?.shadowRoot?.querySelector('[role="dialog"]') ?? null;
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<button id="page-button">page</button><p>Peskov said</p>';
  ctx = new ContentScriptContext('content');
  popover = createPopover(ctx, { data: fixtureData, onNotThis });
});

afterEach(() => {
  popover.destroy();
  ctx.abort();
  vi.useRealTimers();
  onNotThis.mockReset();
});

describe('popover behaviour', () => {
  it('adds nothing to the page until shown, then one open shadow root with a labelled dialog', async () => {
    expect(host()).toBeNull();
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    expect(popover.isOpen()).toBe(true);
    expect(document.querySelectorAll('dossier-popover')).toHaveLength(1);
    expect(host()!.shadowRoot!.mode).toBe('open');
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov');
    // The reset WXT puts first; the popover's own CSS (a ?inline import) is checked in the browser (vitest stubs CSS).
    expect(host()!.shadowRoot!.querySelector('style')!.textContent).toContain('all:initial');
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
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Donbas');
  });

  it('stays open while the pointer is inside it, closes after the grace period when it leaves, and leaves no DOM', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    popover.scheduleHide();
    const layer = host()!.shadowRoot!.querySelector('.dp-layer')!;
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS - 100);
    layer.dispatchEvent(new Event('pointerenter'));
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS * 2);
    expect(popover.isOpen()).toBe(true);
    layer.dispatchEvent(new Event('pointerleave'));
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS + 10);
    expect(popover.isOpen()).toBe(false);
    expect(host()).toBeNull();
  });

  it('ignores the controller\'s "no mention here" while the pointer is inside the card', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const layer = host()!.shadowRoot!.querySelector('.dp-layer')!;
    layer.dispatchEvent(new Event('pointerenter'));
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
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: 320, clientY: 305 }));
    await flush();
    expect(popover.isOpen()).toBe(true);
    expect(dialog()!.getAttribute('aria-label')).toBe('Dossier: Donbas');
  });

  it('keyboard: show with focus moves focus into the card; Escape closes and returns focus', async () => {
    const button = document.getElementById('page-button')!;
    button.focus();
    popover.show(target('donbas', 'Donbas'), { focus: true });
    await flush();
    expect(host()!.shadowRoot!.activeElement).toBe(dialog());
    const pageKeys = vi.fn();
    document.body.addEventListener('keydown', pageKeys);
    dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(pageKeys).not.toHaveBeenCalled();
    dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(popover.isOpen()).toBe(false);
    expect(host()).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(pageKeys).not.toHaveBeenCalled();
  });

  it('closes on a press outside, but not on the mention itself', async () => {
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: 110, clientY: 105 }));
    expect(popover.isOpen()).toBe(true);
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: 500, clientY: 500 }));
    expect(popover.isOpen()).toBe(false);
  });

  it('"Not this" reports the mention and the scope, and closes', async () => {
    const t = target('ukraine', 'Kyiv');
    popover.show(t);
    await flush();
    const shadow = host()!.shadowRoot!;
    shadow.querySelector<HTMLButtonElement>('.dp-notthis')!.click();
    await flush();
    shadow.querySelector<HTMLButtonElement>('[data-scope="site"]')!.click();
    expect(onNotThis).toHaveBeenCalledWith(t.mention, 'site');
    expect(popover.isOpen()).toBe(false);
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
    popover = createPopover(ctx, { data: fixtureData, onNotThis, openSource });
    popover.show(target('dmitry-peskov', 'Peskov'));
    await flush();
    const link = host()!.shadowRoot!.querySelector<HTMLAnchorElement>('.dp-quote a.dp-source')!;
    expect(link.getAttribute('href')).toMatch(/sources\.html\?id=reuters-kremlin#x-/);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(openSource).toHaveBeenCalledWith({ id: 'reuters-kremlin', anchor: link.dataset.anchor });
    expect(link.dataset.anchor).toMatch(/^x-/);
    // A middle click is left to the browser (open or copy the link); only the primary button is taken over.
    const middle = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 1 });
    link.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(false);
    expect(openSource).toHaveBeenCalledOnce();
  });
});
