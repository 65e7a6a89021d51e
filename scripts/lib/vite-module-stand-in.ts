/**
 * The shape both of Dossier's stand-in plugins share: for the builds whose input path contains one of `entries`,
 * imports that `replaces` accepts resolve to a virtual module with `code` instead. Other builds are untouched.
 */
import type { Plugin } from 'vite';

export interface StandIn {
  /** The plugin's name (also the virtual module's id, after a \0). */
  name: string;
  /** Input paths containing one of these get the stand-in (e.g. `entrypoints/content/`). */
  entries: readonly string[];
  /** Whether an import id is one the stand-in replaces (as it arrives, after WXT's aliases). */
  replaces(id: string): boolean;
  /** The stand-in module's source. */
  code: string;
}

export function moduleStandIn({ name, entries, replaces, code }: StandIn): Plugin {
  const virtual = `\0${name}`;
  let active = false;
  return {
    name,
    enforce: 'pre',
    options(opts) {
      const input = opts.input;
      const ids = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      active = ids.some((id) => entries.some((e) => id.replaceAll('\\', '/').includes(e)));
      return null;
    },
    resolveId(id) {
      return active && replaces(id) ? virtual : null;
    },
    load(id) {
      return id === virtual ? code : null;
    },
  };
}
