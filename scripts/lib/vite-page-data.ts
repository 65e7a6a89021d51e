/**
 * A Vite plugin that serves `virtual:dossier/page-data`: the page side's share of the data set (`buildPageData`),
 * computed when the extension is built and inlined as a JSON literal. The content script runs on every page; it
 * imports this module instead of the data set, so the card texts, evidence and sources stay in the background.
 * In `wxt dev`, an edit to the data set needs a restart of the dev server (the config imported it once).
 * A bundle that imports this module and the data set fails the build: the point is that it does not carry both.
 */
import type { Plugin } from 'vite';
import { buildPageData, withoutExtras, type PageDataSource } from '../../src/core/page-data';

/** The id the content script imports (declared in src/content/page-data-module.d.ts). */
export const PAGE_DATA_MODULE = 'virtual:dossier/page-data';
// The \0 prefix tells other plugins the id is virtual (no file to read or transform).
const RESOLVED = `\0${PAGE_DATA_MODULE}`;

/**
 * The module's source for a data set: `export default {...}`, without its extras (`withoutExtras`: the known
 * quotations and the context rules' words, about half of it): every frame loads this module, and the frames that
 * scan ask the background for the extras.
 */
export function pageDataModuleCode(data: PageDataSource): string {
  const page = withoutExtras(buildPageData(data));
  // An alias without a place rule travels as its text alone and becomes `{ text }` again when the module loads:
  // about 700 `{text:…}` wrappers less in the script every page loads (a quarter of a KB gzipped).
  const compact = { ...page, entries: page.entries.map((e) => ({ ...e, aliases: e.aliases.map((a) => (a.place ? a : a.text)) })) };
  return (
    `const page = ${JSON.stringify(compact)};\n` +
    'for (const e of page.entries) e.aliases = e.aliases.map((a) => (typeof a === "string" ? { text: a } : a));\n' +
    'export default page;\n'
  );
}

/** The plugin, for the data set the build validated. */
export function pageDataModule(data: PageDataSource): Plugin {
  let code: string | null = null;
  return {
    name: 'dossier:page-data',
    resolveId(id) {
      return id === PAGE_DATA_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      code ??= pageDataModuleCode(data);
      return code;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.moduleIds.includes(RESOLVED)) continue;
        const full = chunk.moduleIds.find((m) => /[\\/]src[\\/]data[\\/](?:dataset\.ts|collections[\\/])/.test(m));
        if (full) this.error(`${chunk.fileName} carries the page data and the whole data set (${full}): import the data set in the background only`);
      }
    },
  };
}
