/**
 * What the built extension ships (run after `npm run build`, like the other end-to-end specs): least privilege in
 * both manifests, nothing a page can load, what the top frame and every other frame load within their budgets, and excerpts of the sources rather than whole articles.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/load-articles';
import { CONTENT_FILES } from '../../src/background/content-files';
import { BUILD_DIRS } from './harness';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function shippedText(dir: string): string {
  return filesUnder(dir)
    .filter((f) => /\.(js|html|css|json)$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

describe.each(Object.entries(BUILD_DIRS))('the %s build', (kind, dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('asks only for storage, tabs, contextMenus (Add to Dossier…) and, to inject the card, the sites the content script runs on; exposes nothing to pages and loads no remote code', () => {
    // The host permission is the content script's own `<all_urls>` match (same install warning); MV3 also needs `scripting`.
    const contentMatches = (manifest.content_scripts as { matches: string[] }[]).flatMap((c) => c.matches);
    expect([...new Set(contentMatches)]).toEqual(['<all_urls>']);
    if (kind === 'firefox') {
      expect(manifest.permissions).toEqual(['storage', 'tabs', 'contextMenus', '<all_urls>']);
      expect(manifest.host_permissions ?? []).toEqual([]);
    } else {
      expect(manifest.permissions).toEqual(['storage', 'tabs', 'contextMenus', 'scripting']);
      expect(manifest.host_permissions).toEqual(['<all_urls>']);
    }
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    expect(csp).not.toMatch(/https?:/);
  });

  it('loads at most 30 KB gzipped up front in the top frame and in any other frame (manifest scripts and their CSS); the content script comes to other frames on demand, as the card, the marks engine and the save dialog do', () => {
    type Entry = { js?: string[]; css?: string[]; all_frames?: boolean; match_about_blank?: boolean };
    const scripts = manifest.content_scripts as Entry[];
    const filesOf = (entries: Entry[]) => entries.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
    const gzipped = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0);
    // A frame that is not the top one loads the frame gate only, in every frame the content script used to reach.
    const everyFrame = scripts.filter((c) => c.all_frames);
    expect(everyFrame).toEqual([{ matches: ['<all_urls>'], js: ['frame-gate.js'], all_frames: true, match_about_blank: true, run_at: 'document_idle' }]);
    // A few KB at most: the point of the gate is that an empty frame compiles next to nothing.
    expect(gzipped(filesOf(everyFrame))).toBeLessThanOrEqual(2_000);
    // The top frame loads the gate (which ends at once there), the content script with its CSS (the same files the
    // background injects into a frame whose gate asks) and, at document_start, the script that asks early for what
    // the content script's first scan waits for (entrypoints/early.ts): a few hundred bytes.
    const topOnly = scripts.filter((c) => !c.all_frames);
    expect(filesOf(topOnly).sort()).toEqual([CONTENT_FILES.css, CONTENT_FILES.js, '/early.js'].map((f) => f.slice(1)).sort());
    const early = scripts.filter((c) => c.js?.includes('early.js'));
    expect(early).toEqual([{ matches: ['<all_urls>'], js: ['early.js'], match_about_blank: true, run_at: 'document_start' }]);
    expect(gzipped(['early.js'])).toBeLessThanOrEqual(1_000);
    expect(gzipped(filesOf(scripts))).toBeLessThanOrEqual(30_000);
    expect(filesOf(scripts).join(' ')).not.toMatch(/card|marks|quotes|reader-save/);
    // The code injected on demand is in the build, and nothing lists it for pages.
    for (const f of ['card.js', 'marks.js', 'reader-save.js']) expect(statSync(join(dir, f)).size).toBeGreaterThan(0);
    expect(JSON.stringify(manifest)).not.toMatch(/card\.js|marks\.js|reader-save\.js/);
    // The quotation matcher runs in the background (src/background/quote-finder.ts): what frames load does not carry it.
    const matcherMark = 'quote plan: no quote';
    expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain(matcherMark);
    for (const f of filesOf(scripts)) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(matcherMark);
  });

  it('ships excerpts of the sources, not whole articles', () => {
    const shipped = shippedText(dir);
    for (const [file, text] of loadArticles()) {
      const sentences = text
        .split(/(?<=[.!?”"])\s+|\n+/)
        .map((s) => s.trim())
        .filter((s) => s.length >= 40);
      const shippedChars = sentences.filter((s) => shipped.includes(s)).reduce((n, s) => n + s.length, 0);
      // Quotes' sentences and evidence excerpts cover up to about 60 % of the shortest, densest report.
      expect(shippedChars / text.length, file).toBeLessThan(0.65);
    }
    // Page furniture and unrelated paragraphs of the sources are never shipped.
    expect(shipped).not.toContain('We are facing unprecedented challenges');
    expect(shipped).not.toContain('Zubair tweets at zubaiyr.amin');
    expect(shipped).not.toContain('Dawn Sturgess, 44, died in 2018');
  });
});
