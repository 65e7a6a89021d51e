/**
 * A Vite plugin that compiles Preact's `dangerouslySetInnerHTML` path into a throw.
 *
 * Dossier never renders HTML from data or page text; Preact still ships the one `innerHTML =` assignment that
 * `dangerouslySetInnerHTML` needs, and Firefox's add-on linter flags it (UNSAFE_VAR_ASSIGNMENT). Removing the sink
 * makes the rule enforced rather than promised. If a Preact upgrade changes the code, the build fails here.
 */
import type { Plugin } from 'vite';

const SINK = /\b(\w+)\.innerHTML=(\w+)\.__html\b/g;

/** The plugin; applies to Preact's ESM bundle only. */
export function noInnerHtml(): Plugin {
  return {
    name: 'dossier:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs/.test(id.split('?')[0] ?? '')) return null;
      const matches = code.match(SINK);
      if (!matches || matches.length !== 1) {
        this.error(`expected exactly one innerHTML sink in ${id}, found ${matches?.length ?? 0}: update scripts/lib/vite-no-inner-html.ts`);
      }
      return { code: code.replace(SINK, 'void (()=>{throw new Error("Dossier renders no HTML strings")})()'), map: null };
    },
  };
}
