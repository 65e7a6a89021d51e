import { describe, expect, it } from 'vitest';
import { pickSelectionFrame } from '../../src/background/code-injection';

const frame = (frameId: number, selected: boolean, focused: boolean) => ({ frameId, selected, focused });

describe('the frame the keyboard command saves from', () => {
  it('is the focused frame holding a selection, even when the top frame keeps an older one', () => {
    expect(pickSelectionFrame([frame(0, true, false), frame(4, true, true), frame(9, false, false)])).toBe(4);
  });
  it('is the top frame when its selection is the only one, or no focused frame has one', () => {
    expect(pickSelectionFrame([frame(0, true, false), frame(4, false, true)])).toBe(0);
    expect(pickSelectionFrame([frame(6, true, false), frame(0, true, false)])).toBe(0);
  });
  it('is a frame with a selection when the top frame has none', () => {
    expect(pickSelectionFrame([frame(0, false, true), frame(6, true, false)])).toBe(6);
  });
  it('is the top frame when nothing is selected anywhere (its dialog says to select first)', () => {
    expect(pickSelectionFrame([frame(0, false, false), frame(6, false, true)])).toBe(0);
    expect(pickSelectionFrame([])).toBe(0);
  });
});
