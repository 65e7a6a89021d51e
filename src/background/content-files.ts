/**
 * Where the build puts the content script and its CSS (WXT's `content-scripts/<name>.js` for
 * entrypoints/content/). The manifest lists them for the top frame; the background injects the same files into a frame
 * whose gate asks (`frameReady`). The bundle test checks both builds against these paths.
 */
export const CONTENT_FILES = { js: '/content-scripts/content.js', css: '/content-scripts/content.css' } as const;
