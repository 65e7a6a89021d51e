/**
 * Bundles a module of page-side code into one script for `page.addScriptTag`, with Vite (already the build tool):
 * its exports become `globalThis[name]`. Lets a spec run src/content code in a real browser's layout engine.
 */
import { build, type Rolldown } from 'vite';

/** The IIFE bundle of `entry`, exposing its exports as `globalThis[name]`. */
export async function bundleForPage(entry: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name, fileName: name } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`no bundle for ${entry}`);
  return chunk.code;
}
