/**
 * A part of a card drawn from the reader's dossier into a closed shadow root of its own: the page around the card
 * can see that the element is there, never what it holds. `load` reads storage (the page cannot), `view` draws the
 * result (null draws nothing). Loaded again whenever `deps` change; unmounted with its host.
 */
import { render, type ComponentChild } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export interface ClosedRootViewProps<T> {
  /** The host's class, for the card's own layout. */
  class: string;
  css: string;
  load(): Promise<T>;
  view(value: T): ComponentChild;
  deps: readonly unknown[];
}

export function ClosedRootView<T>({ class: cls, css, load, view, deps }: ClosedRootViewProps<T>) {
  const host = useRef<HTMLDivElement>(null);
  const root = useRef<ShadowRoot | null>(null);
  useLayoutEffect(() => {
    if (host.current && !root.current) root.current = host.current.attachShadow({ mode: 'closed' });
  }, []);
  useEffect(() => {
    let live = true;
    void load().then((value) => {
      const target = root.current;
      if (!live || !target) return;
      const drawn = view(value);
      if (drawn === null) return;
      const style = document.createElement('style');
      style.textContent = css;
      const mount = document.createElement('div');
      target.replaceChildren(style, mount);
      render(drawn, mount);
    });
    return () => {
      live = false;
      const target = root.current;
      if (target) {
        const mount = target.lastElementChild;
        if (mount) render(null, mount);
        target.replaceChildren();
      }
    };
  }, deps);
  return <div class={cls} ref={host} />;
}
