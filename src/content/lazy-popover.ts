/**
 * The popover as the controller sees it before the card's code is in this frame. Most frames never show a card, so
 * the card's code is loaded on the reader's first gesture: hover intent (the pointer reaching a mention), a tap or a
 * keyboard command. Loading starts as hover intent starts, together with the request for that mention's card, so
 * both usually arrive within the hover-intent delay and the first card opens when any later one would.
 */
import type { CardModel } from '../core/card-model';
import type { PopoverLike, PopoverTarget } from './hover';
import { cardRequest, SHOW_DELAY_MS, type CardRequest } from './popover/card-request';
import type { PopoverDeps } from './popover';

/** What the lazy popover needs. */
export interface LazyPopoverDeps {
  /** The extension side of the popover (asking for cards, opening source cards). */
  services: PopoverDeps;
  /** Loads the card's code into this frame and makes the popover with `services`; rejects when it cannot. */
  load(services: PopoverDeps): Promise<PopoverLike>;
  /**
   * Hears that a card asked for before the code was here is shown now: `late` when the hover delay had ended before
   * the code arrived (the reader waited longer than for any later card). For benchmarks and tests.
   */
  onFirstShow?(late: boolean): void;
}

/** Card requests made ahead of the code, kept until the popover asks for them (or the next few replace them). */
const EARLY_REQUESTS = 8;

const keyOf = (r: CardRequest) => JSON.stringify([r.id, r.alias, r.text, r.match ?? null]);

/** A popover whose code loads on first use; the same calls as the popover, in the same order. */
export function createLazyPopover(deps: LazyPopoverDeps): PopoverLike {
  const early = new Map<string, Promise<CardModel | null>>();
  const services: PopoverDeps = {
    ...deps.services,
    getCard(request) {
      const key = keyOf(request);
      const asked = early.get(key);
      early.delete(key);
      return asked ?? deps.services.getCard(request);
    },
  };
  const askEarly = (target: PopoverTarget) => {
    const request = cardRequest(target.mention);
    const key = keyOf(request);
    if (early.has(key)) return;
    const asked = deps.services.getCard(request);
    // Not awaited here: the popover's own handling of a failed request applies when it takes this one.
    asked.catch(() => undefined);
    early.set(key, asked);
    if (early.size > EARLY_REQUESTS) early.delete(early.keys().next().value!);
  };

  let real: PopoverLike | null = null;
  let loading: Promise<void> | null = null;
  let destroyed = false;
  let warned = false;
  // What the reader asked for while the code was loading: a card to show now (`due`) or after the hover delay.
  let wanted: { target: PopoverTarget; opts?: { focus?: boolean }; due: boolean; late?: boolean } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const forget = () => {
    clearTimeout(timer);
    timer = undefined;
    wanted = null;
  };
  const showWanted = (late: boolean) => {
    if (!real || !wanted?.due) return;
    const { target, opts } = wanted;
    forget();
    deps.onFirstShow?.(late);
    real.show(target, opts);
  };
  const ensureLoaded = () => {
    loading ??= deps.load(services).then(
      (popover) => {
        if (destroyed) return popover.destroy();
        real = popover;
        // A hover whose delay already ended, or a tap or a command, waited for the code.
        showWanted(wanted?.late === true);
      },
      (err: unknown) => {
        // Asked again on the next gesture (a background restarting, say); said once.
        loading = null;
        forget();
        if (!warned) console.warn('[dossier] could not load the card', err);
        warned = true;
      },
    );
  };

  return {
    show(target, opts) {
      if (destroyed) return;
      // A hover still waiting from before the code came is superseded, whoever handles this call.
      forget();
      if (real) return real.show(target, opts);
      wanted = { target, opts, due: true, late: true };
      askEarly(target);
      ensureLoaded();
    },
    scheduleShow(target, opts) {
      if (destroyed) return;
      forget();
      if (real) return real.scheduleShow(target, opts);
      const asked: NonNullable<typeof wanted> = { target, opts, due: false };
      wanted = asked;
      askEarly(target);
      ensureLoaded();
      timer = setTimeout(() => {
        asked.due = true;
        asked.late = !real;
        showWanted(false);
      }, SHOW_DELAY_MS);
    },
    scheduleHide() {
      forget();
      real?.scheduleHide();
    },
    hide() {
      forget();
      real?.hide();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      forget();
      early.clear();
      real?.destroy();
    },
  };
}
