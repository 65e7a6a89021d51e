/**
 * The hand-over between the card's code and the content script. The card (Preact, Floating UI, the card components
 * and their CSS) is not in the script every frame loads: the background injects it into a frame on the reader's
 * first gesture there (src/background/card-injection.ts). Injected code runs in the same isolated world as the
 * content script and leaves its entry in a global of that world, which the page's own scripts cannot see.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PopoverController, PopoverDeps } from './popover';

/** What the card's code provides. */
export interface CardModule {
  createPopover(ctx: Pick<ContentScriptContext, 'onInvalidated'>, deps: PopoverDeps): PopoverController;
}

const SLOT = Symbol.for('dossier.card-module');
type World = { [SLOT]?: CardModule };

/** Called by the injected card script. */
export function registerCardModule(module: CardModule): void {
  (globalThis as World)[SLOT] = module;
}

/** The card's code, once injected into this frame; null before. */
function loadedCardModule(): CardModule | null {
  return (globalThis as World)[SLOT] ?? null;
}

/**
 * The popover, from the card's code: injected first (`inject`, the background's `loadCard`) unless this frame has it
 * already. Rejects when the code could not be loaded.
 */
export async function createCardPopover(ctx: Pick<ContentScriptContext, 'onInvalidated'>, deps: PopoverDeps, inject: () => Promise<boolean>): Promise<PopoverController> {
  if (!loadedCardModule() && !(await inject())) throw new Error('the background did not load the card');
  const card = loadedCardModule();
  if (!card) throw new Error('the card script ran but left no card');
  return card.createPopover(ctx, deps);
}
