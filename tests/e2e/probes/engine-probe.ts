/**
 * Page-side code the layout spec runs in a real browser, bundled for the page by lib/page-bundle.ts: the viewport
 * band search and the css engine, fed the way the controller feeds them.
 */
import { createCssEngine } from '../../../src/content/engines/css-engine';
import { textBoxReader, viewportBand } from '../../../src/content/engines/viewport-band';
import { scanInto } from '../../dom/highlight-helpers';

export { createCssEngine, scanInto, textBoxReader, viewportBand };
