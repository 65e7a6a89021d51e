/**
 * A page that turns `document.designMode` on (a whole-page editor) fires no event for it, so the controller asks
 * where it runs anyway (each batch of page mutations, each hover frame): one property read. `check()` reports the
 * change once, and the controller decides what follows (clear every highlight; scan again when it goes off).
 */

/** Whether designMode changed since the last check. */
export type DesignModeChange = 'entered' | 'left' | null;

/** Tracks `doc.designMode`. */
export class DesignModeWatch {
  private on = false;

  constructor(private readonly doc: Document) {
    this.on = doc.designMode === 'on';
  }

  /** Whether the whole document is editable now (as of the last check). */
  get editing(): boolean {
    return this.on;
  }

  /** Reads designMode; returns the change since the last check, if any. */
  check(): DesignModeChange {
    const now = this.doc.designMode === 'on';
    if (now === this.on) return null;
    this.on = now;
    return now ? 'entered' : 'left';
  }
}
