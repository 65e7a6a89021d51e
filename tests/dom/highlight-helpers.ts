/**
 * Shared pieces of the highlight DOM tests: a small dictionary compiled with the real matcher, and a
 * scan that feeds an engine the way the controller does (walker → textOf → matcher → highlight).
 */
import type { MatchEntry } from '../../src/core/entity-index';
import { compileMatcher, type Matcher } from '../../src/core/matcher';
import type { HighlightEngine, NodeMentions } from '../../src/content/engines/types';
import { walkTextNodes } from '../../src/content/text-walker';

/** People, an institution and regions as the articles name them. */
export const ENTRIES: MatchEntry[] = [
  { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', category: 'people', aliases: [{ text: 'Zelensky', lang: 'en' }, { text: 'Volodymyr Zelensky', lang: 'en' }] },
  { id: 'vladimir-putin', name: 'Vladimir Putin', category: 'people', aliases: [{ text: 'Putin', lang: 'en' }, { text: 'Vladimir Putin', lang: 'en' }] },
  { id: 'kremlin', name: 'Kremlin', category: 'organisations', aliases: [{ text: 'Kremlin', lang: 'en' }] },
  { id: 'donbas', name: 'Donbas', category: 'regions', aliases: [{ text: 'Donbas', lang: 'en' }] },
  { id: 'crimea', name: 'Crimea', category: 'regions', aliases: [{ text: 'Crimea', lang: 'en' }] },
];

/** The matcher over ENTRIES. */
export const matcher: Matcher = compileMatcher(ENTRIES);

/** Scans `root` and highlights what it finds; returns how many mentions were highlighted. */
export function scanInto(engine: HighlightEngine, root: Node = document.body): number {
  const batch: NodeMentions[] = [];
  let count = 0;
  for (const node of walkTextNodes(root)) {
    const text = engine.textOf(node);
    if (text === null) continue;
    const mentions = matcher.scan(text);
    if (mentions.length || engine.has(node)) batch.push({ node, mentions });
    count += mentions.length;
  }
  engine.highlight(batch);
  return count;
}

/** Every text node under `root`, with its text: compared before and after to prove an exact restore. */
export function textNodeSnapshot(root: Node = document.body): { node: Text; data: string }[] {
  const out: { node: Text; data: string }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push({ node: n as Text, data: (n as Text).data });
  return out;
}
