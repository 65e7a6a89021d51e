/**
 * The marks engine (mark.js): injected by the background into a frame only where it paints, that is where the reader
 * chose it or the CSS Highlight API is missing (src/background/code-injection.ts). Never web accessible. It hands the
 * engine to the content script through their shared isolated world (src/content/injected-code.ts).
 */
import { createMarksEngine } from '../src/content/engines/marks-engine';
import { registerInjected } from '../src/content/injected-code';

export default defineUnlistedScript(() => {
  registerInjected('marks', { createMarksEngine });
});
