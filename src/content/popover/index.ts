/**
 * The popover on the page: one at a time, in a shadow root (host.ts: made so the page cannot act through it), in the
 * top layer, positioned next to the mention by Floating UI, mounted on show and removed from the page on hide. Its
 * cards come from the background, which holds the data set: asked for when hover intent starts, so the answer
 * usually arrives within the hover delay, and kept per mention wording for the page's life. The extension APIs
 * (asking for a card, opening a source card) are injected by the content entry: this module is page-side DOM only.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Mention } from '../../core/matcher';
import type { CardModel, SourceRef } from '../../core/card-model';
import { PopoverCard, type NotThisScope, type PopoverCardProps } from '../../ui/popover/popover-card';
// Inline, so the popover's CSS reaches only its shadow root, whatever the content entry's cssInjectionMode.
import popoverCss from '../../ui/popover/popover.css?inline';
import { POPOVER_TAG } from '../excluded';
import { createPopoverHost, type PopoverHost } from './host';
import { detectTheme } from './page-theme';
import { placeFloating } from './place';
import { returnToMention } from './return-point';
import { cardRequest, SHOW_DELAY_MS, type CardRequest } from './card-request';

// Also what the content script needs before the card's code is loaded (./card-request.ts).
export { SHOW_DELAY_MS, type CardRequest } from './card-request';

/** What the popover is about: the mention and where it is on screen (re-read on scroll and resize). */
export interface PopoverTarget {
  mention: Mention;
  rect: () => DOMRect;
}

/** Options of show / scheduleShow. */
export interface ShowOptions {
  /** Move keyboard focus into the popover (keyboard commands); Escape returns it. */
  focus?: boolean;
}

/** The popover as the content controller drives it. */
export interface PopoverController {
  show(target: PopoverTarget, opts?: ShowOptions): void;
  /** Show after a hover-intent delay, unless scheduleHide or another scheduleShow comes first. */
  scheduleShow(target: PopoverTarget, opts?: ShowOptions): void;
  /** Hide after a grace period, unless the pointer enters the popover (or the mention) in between. */
  scheduleHide(): void;
  hide(): void;
  isOpen(): boolean;
  destroy(): void;
}

/** A source card to open: a source id and, optionally, the excerpt to scroll to. */
export interface SourceTarget {
  id: string;
  anchor?: string;
}

/** What the popover needs from the content script: the extension side is injected (entrypoints/content wires it). */
export interface PopoverDeps {
  /** The card for a mention; null when there is none (the `getCard` message to the background). */
  getCard(mention: CardRequest): Promise<CardModel | null>;
  /**
   * Opens a source card (the `openSource` message, so the background opens the tab: a link from a page to an
   * extension page that is not web accessible is blocked, ERR_BLOCKED_BY_CLIENT). Called once per trusted click.
   */
  openSource(ref: SourceTarget): void;
  /** The URL of a source card, for the link's href ("Copy link address"). */
  sourceHref(ref: SourceRef): string;
  onNotThis?(m: Mention, scope: NotThisScope): void;
}

/** Grace period: time to move the pointer from the mention into the popover. */
export const HIDE_DELAY_MS = 300;

/** Cards kept per page: far more than a reader hovers, few enough to never matter. */
const CARD_CACHE_SIZE = 200;

/**
 * A primary click (`click`, any modifier: Ctrl-click would also hit the blocked URL) or a middle click (`auxclick`,
 * button 1: the browser would open the chrome-extension:// href in a tab and show ERR_BLOCKED_BY_CLIENT) on a source
 * link opens it through the background. Only "Copy link" uses the href.
 */
function onSourceClick(e: MouseEvent, open: (ref: SourceTarget) => void): void {
  const button = e.type === 'auxclick' ? 1 : 0;
  // The host already drops untrusted events; checked again here because this one opens a tab.
  if (!e.isTrusted || e.button !== button || e.defaultPrevented) return;
  const link = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLElement && n.matches('a[data-source]'));
  if (!link) return;
  e.preventDefault();
  const { source, anchor } = link.dataset;
  if (source) open(anchor ? { id: source, anchor } : { id: source });
}

function sameTarget(a: PopoverTarget | null, b: PopoverTarget): boolean {
  if (!a) return false;
  if (a === b || a.mention === b.mention) return true;
  const ra = a.rect();
  const rb = b.rect();
  return a.mention.id === b.mention.id && a.mention.start === b.mention.start && ra.top === rb.top && ra.left === rb.left;
}

function isFocusable(el: Element | null): el is HTMLElement {
  return !!el && el.isConnected && typeof (el as HTMLElement).focus === 'function';
}

/** Creates the page's single popover. Nothing is added to the page until the first show. */
export function createPopover(ctx: Pick<ContentScriptContext, 'onInvalidated'>, deps: PopoverDeps): PopoverController {
  const { getCard, sourceHref } = deps;
  const cards = new Map<string, Promise<CardModel | null>>();
  let warned = false;
  /**
   * The card for a mention, asked for once per wording (id, alias, page text, quote match). A failed request (the
   * extension was updated and this script orphaned, or the background failed) gives null, is logged once, and is
   * forgotten so that the next hover asks again; a background asleep is woken by the message itself.
   */
  const cardFor = (mention: Mention): Promise<CardModel | null> => {
    const request = cardRequest(mention);
    const key = JSON.stringify([request.id, request.alias, request.text, request.match ?? null]);
    const cached = cards.get(key);
    if (cached) {
      // Most recently used last, so the oldest goes first when the cache is full.
      cards.delete(key);
      cards.set(key, cached);
      return cached;
    }
    let asked: Promise<CardModel | null>;
    try {
      asked = getCard(request);
    } catch (err) {
      // An orphaned content script throws at once ("Extension context invalidated").
      asked = Promise.reject(err);
    }
    const pending = asked
      .then((card) => (card && typeof card === 'object' ? card : null))
      .catch((err: unknown) => {
        cards.delete(key);
        if (!warned) {
          warned = true;
          console.warn('[dossier] could not get the card from the background', err);
        }
        return null;
      });
    cards.set(key, pending);
    if (cards.size > CARD_CACHE_SIZE) cards.delete(cards.keys().next().value!);
    return pending;
  };
  let ui: (PopoverHost & { layer: HTMLElement }) | null = null;
  let current: PopoverTarget | null = null;
  let open = false;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;
  let stopPlacing: (() => void) | null = null;
  let returnFocus: Element | null = null;
  let generation = 0; // bumps on every show/hide, so a slow card never opens a popover already dismissed
  let destroyed = false;
  let pointerInside = false;
  let tamperWarned = false;
  const listeners = new AbortController();

  /** The host and its layer, made once; mounted on show, removed from the page on hide. */
  const getUi = (): PopoverHost & { layer: HTMLElement } => {
    if (ui) return ui;
    const made = document.createElement('div');
    made.className = 'dp-layer';
    // The top layer escapes the page's stacking contexts and transforms; where unsupported, z-index max.
    if ('showPopover' in made) made.setAttribute('popover', 'manual');
    // Quotations are verbatim; a page translator must not reword them (and would look like tampering, below).
    made.setAttribute('translate', 'no');
    // The host drops untrusted events before these run; each handler checks again, as it acts for the reader.
    made.addEventListener('pointerenter', (e) => {
      if (!e.isTrusted) return;
      pointerInside = true;
      cancelHide();
    });
    made.addEventListener('click', (e) => onSourceClick(e, deps.openSource));
    made.addEventListener('auxclick', (e) => onSourceClick(e, deps.openSource));
    made.addEventListener('pointerleave', (e) => {
      if (!e.isTrusted) return;
      pointerInside = false;
      if ((e as PointerEvent).pointerType !== 'touch') controller.scheduleHide();
    });
    // Closed: the page gets no reference into the card (host.ts).
    ui = {
      ...createPopoverHost(document, {
        tag: POPOVER_TAG,
        css: popoverCss,
        mode: 'closed',
        // The page changed the card (in Firefox it can reach it through the reader's text selection): what the card
        // says is no longer Dossier's, so it closes, and its host goes with it (the page may have changed its style
        // sheet too): the next card gets a new one. Placement and theme (the layer's own attributes) are ours.
        onTampered: (records) => {
          if (ui?.layer !== made) return; // a host already thrown away
          if (records.every((r) => r.type === 'attributes' && r.target === made)) return;
          if (!tamperWarned) console.warn('[dossier] the page changed the card; closed it');
          tamperWarned = true;
          if (open) close(false);
          const spoilt = ui;
          ui = null;
          spoilt.destroy();
          spoilt.host.remove();
        },
      }),
      layer: made,
    };
    return ui;
  };

  function cancelHide() {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  }

  function clearTimers() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    showTimer = hideTimer = undefined;
  }

  function close(restoreFocus: boolean) {
    clearTimers();
    generation++;
    const hadFocus = !!ui?.shadow.activeElement;
    stopPlacing?.();
    stopPlacing = null;
    if (open && ui) unmount(ui);
    open = false;
    pointerInside = false;
    const closed = current;
    current = null;
    const back = returnFocus;
    returnFocus = null;
    if (!restoreFocus || !hadFocus) return;
    if (isFocusable(back) && back !== document.body) back.focus({ preventScroll: true });
    else if (closed) returnToMention(document, closed.rect());
  }

  function unmount(shown: PopoverHost & { layer: HTMLElement }) {
    shown.own(() => {
      render(null, shown.layer);
      // Whatever the page may have put in the layer goes too: the next card starts from an empty layer.
      shown.layer.replaceChildren();
    });
    shown.unmount();
  }

  function reveal(target: PopoverTarget, card: CardModel, opts: ShowOptions, gen: number) {
    const shown = getUi();
    const layer = shown.layer;
    // Also when the page took the host out of its DOM: the next card comes back.
    if (!open || !shown.host.isConnected) {
      if (layer.parentNode !== shown.container) shown.own(() => shown.container.append(layer));
      shown.mount(document.body ?? document.documentElement);
      open = true;
    }
    stopPlacing?.();
    const r = target.rect();
    const theme = detectTheme(r.left + r.width / 2, r.top + r.height / 2);
    shown.own(() => (layer.dataset.theme = theme));
    const onNotThis = deps.onNotThis
      ? (scope: NotThisScope) => {
          close(true);
          deps.onNotThis?.(target.mention, scope);
        }
      : undefined;
    let notThisOpen = false;
    // The card's only state ("Not this" choices open) lives here, so every change of its DOM is this synchronous
    // render, and anything else the tamper watch sees is the page's.
    const props = (): PopoverCardProps => ({
      card,
      sourceHref,
      onNotThis,
      onClose: () => close(true),
      site: location.hostname || undefined,
      notThisOpen,
      onNotThisOpen: () => {
        if (gen !== generation) return;
        notThisOpen = true;
        paint();
      },
    });
    // A new card for each show (the key): the "Not this…" choices left open and the scroll position of one mention's
    // card must not carry over to the next (one click away from excluding the wrong name).
    const key = `${target.mention.id}:${target.mention.start}:${gen}`;
    const paint = () => shown.own(() => render(h(PopoverCard, { key, ...props() }), layer));
    paint();
    if (layer.hasAttribute('popover') && !layer.matches(':popover-open')) layer.showPopover();
    stopPlacing = placeFloating(target.rect, layer);
    if (opts.focus) {
      const active = document.activeElement;
      if (active !== shown.host) returnFocus = active;
      layer.querySelector<HTMLElement>('.dp-card')?.focus({ preventScroll: true });
    } else if (document.activeElement !== shown.host) {
      returnFocus = document.activeElement;
    }
  }

  const controller: PopoverController = {
    show(target, opts = {}) {
      if (destroyed) return;
      clearTimers();
      // The new target is current at once, so a press on it while the card arrives does not count as "outside".
      current = target;
      const gen = ++generation;
      void cardFor(target.mention).then((card) => {
        if (gen !== generation || destroyed) return;
        // No card (none in the data, or the background did not answer): nothing is shown, an open card goes.
        if (!card) close(false);
        else return reveal(target, card, opts, gen);
      });
    },
    scheduleShow(target, opts = {}) {
      if (destroyed) return;
      cancelHide();
      if (open && sameTarget(current, target)) return;
      clearTimeout(showTimer);
      // Asked for now, shown after the delay: the round trip to the background runs during the hover intent.
      void cardFor(target.mention);
      showTimer = window.setTimeout(() => controller.show(target, opts), SHOW_DELAY_MS);
    },
    scheduleHide() {
      clearTimeout(showTimer);
      showTimer = undefined;
      // The pointer went from the mention into the card: the controller sees "no mention here", the card stays.
      if (!open || hideTimer !== undefined || pointerInside) return;
      hideTimer = window.setTimeout(() => close(false), HIDE_DELAY_MS);
    },
    hide() {
      close(false);
    },
    isOpen() {
      return open;
    },
    destroy() {
      if (destroyed) return;
      close(false);
      destroyed = true;
      listeners.abort();
      if (ui) {
        unmount(ui);
        ui.destroy();
      }
    },
  };

  const opts = { capture: true, signal: listeners.signal };
  document.addEventListener(
    'keydown',
    (e) => {
      // Only the reader's own key and press close the card: a page's synthetic events change nothing.
      if (!e.isTrusted || !open || e.key !== 'Escape' || !ui) return;
      const inside = e.composedPath().includes(ui.host);
      close(true);
      // Escape meant for the popover must not also close the page's own dialogs.
      if (inside) e.stopPropagation();
    },
    opts,
  );
  document.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted || !open || !ui || e.composedPath().includes(ui.host)) return;
      const r = current?.rect();
      // A press on the mention itself keeps the card (a tap on it is how touch users open it).
      if (r && e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom) return;
      close(false);
    },
    opts,
  );
  ctx.onInvalidated(() => controller.destroy());
  return controller;
}
