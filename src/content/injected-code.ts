/**
 * The hand-over between code injected on demand and the content script. What every frame loads is kept small: the
 * card (Preact, Floating UI, the card components and their CSS) and the marks engine (mark.js, used only where the
 * reader chose it or the CSS Highlight API is missing) are separate scripts that the background injects into a frame when it first needs them (src/background/code-injection.ts). Injected code runs in the same isolated world as the
 * content script and leaves its entry in a global of that world, which the page's own scripts cannot see.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { createMarksEngine } from './engines/marks-engine';
import type { PopoverController, PopoverDeps } from './popover';

/** What each injected script provides. */
export interface InjectedCode {
  card: { createPopover(ctx: Pick<ContentScriptContext, 'onInvalidated'>, deps: PopoverDeps): PopoverController };
  marks: { createMarksEngine: typeof createMarksEngine };
}

/** The names of the injected scripts (`<name>.js` at the root of the build). */
export type InjectedName = keyof InjectedCode;

type World = { [key: symbol]: unknown };
const slot = (name: InjectedName) => Symbol.for(`dossier.injected:${name}`);

/** Called by an injected script. */
export function registerInjected<N extends InjectedName>(name: N, code: InjectedCode[N]): void {
  (globalThis as World)[slot(name)] = code;
}

function injected<N extends InjectedName>(name: N): InjectedCode[N] | null {
  return ((globalThis as World)[slot(name)] as InjectedCode[N] | undefined) ?? null;
}

/**
 * The code of `name`, injected first (`inject`: the background's `loadCode`) unless this frame has it already.
 * Rejects when it could not be loaded.
 */
export async function loadInjected<N extends InjectedName>(name: N, inject: (name: N) => Promise<boolean>): Promise<InjectedCode[N]> {
  const have = injected(name);
  if (have) return have;
  if (!(await inject(name))) throw new Error(`the background did not load ${name}.js`);
  const code = injected(name);
  if (!code) throw new Error(`${name}.js ran but left nothing`);
  return code;
}
