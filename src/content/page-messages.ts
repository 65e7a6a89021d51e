/**
 * The content script's side of the messages: answers the popup's `getPageState` and `jumpTo`
 * (also sent by the background for the keyboard commands) from the page controller, and pushes the page's state
 * to a popup that subscribed (`servePageState`: a port per open popup, no polling).
 */
import { answerMessage, parseJumpTo, servePageState } from '../shared/content-messaging';
import type { PageState } from '../shared/messages';

/** What the content controller exposes to the popup and the background. */
export interface PageApi {
  /** The current state of the page (status, progress, entities found). */
  getState(): PageState;
  /** Scrolls to the next/previous mention of `id` (any mention when null) and opens its popover; false when there is none. */
  jumpTo(id: string | null, direction: 'next' | 'prev'): boolean;
  /** Calls `push` with the state now and whenever it changes; returns the unsubscriber. */
  subscribe(push: (state: PageState) => void): () => void;
}

/** Registers the handlers; returns the function that removes them (call it from `ctx.onInvalidated`). */
export function registerPageMessageHandlers(api: PageApi): () => void {
  const removers = [
    answerMessage('getPageState', (d) => (d === undefined ? d : null), () => api.getState()),
    answerMessage('jumpTo', parseJumpTo, ({ id, direction }) => api.jumpTo(id, direction)),
    servePageState((push) => api.subscribe(push)),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
