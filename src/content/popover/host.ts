/**
 * The popover's shadow host, made so that the page cannot act through it, read it or change it. Five defences:
 * - The shadow root is closed (the popover passes `mode: 'closed'`): `host.shadowRoot` is null for the page, and
 *   events from inside reach the page's listeners retargeted to the host, so the page has no reference to the card's
 *   elements to read, rewrite, style or click. (Firefox hands it some through the reader's text selection: hence
 *   the next defences.)
 * - The host element is created in an inert document (no browsing context, so no custom element registry) and only
 *   then moved into the page. A page that defined our tag first cannot run its constructor before we attach our
 *   shadow root; if it upgrades the host later, its constructor's own `attachShadow` fails and the card stays ours.
 * - Should a page get hold of an element anyway, every event of the kinds a reader acts with is stopped at the
 *   shadow root, in the capture phase, unless the browser made it (`isTrusted`): a page's `.click()` or
 *   `dispatchEvent` on an element of the card reaches no handler and triggers no default action (a link's navigation).
 * - Every change to the shadow tree that the popover did not make itself is reported (`onTampered`): the popover
 *   renders synchronously through `own`, so what remains is someone else's.
 * - `:host { all: initial !important }` first: an important declaration inside the shadow tree beats the page's
 *   style sheets, so page CSS cannot restyle the host.
 */

/** WXT's shadow-root reset: inherited properties start from their initial values whatever the page sets. */
const HOST_RESET = ':host{all:initial !important;}';

/**
 * Events the card acts on, or that carry a reader's intent a handler might act on one day. Focus and scroll events
 * are left alone: the card never acts on them, and a page can fire trusted ones anyway (`.focus()`, `scrollTo`).
 */
export const GUARDED_EVENTS = [
  'click', 'auxclick', 'dblclick', 'contextmenu',
  'mousedown', 'mouseup', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave', 'mousemove',
  'pointerdown', 'pointerup', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave', 'pointermove', 'pointercancel',
  'touchstart', 'touchend', 'touchmove', 'touchcancel',
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit',
] as const;

/** Keys typed inside the card must not reach the page's shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** A shadow host in the page; nothing is in the page's DOM until `mount()`. */
export interface PopoverHost {
  /** The element the page sees. */
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** The element inside the shadow root that the card goes into. */
  readonly container: HTMLElement;
  /** Appends the host to `parent` (the page's body) if it is not there yet. */
  mount(parent: Element): void;
  /** Takes the host out of the page and empties the container. */
  unmount(): void;
  /**
   * Runs `change`, the popover's own change to the shadow tree (a render), so the watch does not report it. Changes
   * made by someone else before it, in the same task, are still reported.
   */
  own(change: () => void): void;
  /** Stops watching for changes. */
  destroy(): void;
}

/** Options of createPopoverHost. */
export interface PopoverHostOptions {
  /** The host's tag: a valid custom element name, so that attachShadow accepts it and page CSS for `div` misses it. */
  tag: string;
  /** CSS for the shadow root (after the reset). */
  css: string;
  mode: ShadowRootMode;
  /** Called, asynchronously, with the changes to the shadow tree that the popover did not make (`own`). */
  onTampered?(records: MutationRecord[]): void;
}

/** Stops events the browser did not make before any listener inside the shadow root sees them. */
function dropUntrusted(e: Event): void {
  if (e.isTrusted) return;
  e.stopImmediatePropagation();
  e.preventDefault();
}

/** Creates the host and its shadow root, detached. */
export function createPopoverHost(doc: Document, opts: PopoverHostOptions): PopoverHost {
  const inert = doc.implementation.createHTMLDocument('');
  const host = inert.createElement(opts.tag);
  const shadow = host.attachShadow({ mode: opts.mode });
  doc.adoptNode(host);
  const style = doc.createElement('style');
  style.textContent = `${HOST_RESET}\n${opts.css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of GUARDED_EVENTS) shadow.addEventListener(type, dropUntrusted, { capture: true });
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  const watch = new MutationObserver((records) => opts.onTampered?.(records));
  watch.observe(shadow, { childList: true, subtree: true, characterData: true, attributes: true });
  const own = (change: () => void) => {
    const before = watch.takeRecords();
    try {
      change();
    } finally {
      watch.takeRecords();
      if (before.length > 0) queueMicrotask(() => opts.onTampered?.(before));
    }
  };
  return {
    host,
    shadow,
    container,
    mount(parent) {
      if (host.parentNode !== parent) own(() => parent.append(host));
    },
    unmount() {
      own(() => {
        host.remove();
        container.replaceChildren();
      });
    },
    own,
    destroy() {
      watch.disconnect();
    },
  };
}
