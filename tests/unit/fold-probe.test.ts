/**
 * `scanFoldPositions` can look out for another script in the same pass over a text as the letters to fold (a
 * `FoldProbe`): the matcher's test for the passes of other scripts, which would otherwise read an English page twice.
 * The probe must change nothing about the positions, and say "found" exactly when the text holds one of its characters.
 */
import { describe, expect, it } from 'vitest';
import { foldProbe, scanFoldPositions } from '../../src/core/normalize';

const CHARS = ['П', 'Д', 'К', 'ё'];
const probe = foldProbe(CHARS, /[ПДКё]/u)!;

const TEXTS = [
  'Vladimir Putin met Donald Trump.',
  'Emmanuel Macron parle à l’Élysée.',
  `${'Plain English text. '.repeat(200)}Путін`,
  `${'Plain English text. '.repeat(200)}Зеленський`, // Cyrillic, but no letter of the probe
  'жжж Élysée жжж', // a letter of the probe's block, not of the probe, then a letter to fold
  'ёлка и Дніпро', // a letter both folded and looked out for
  'Ёж',
  '',
  'Dnipro\u00adpetrovsk Путін', // a character folding removes: the pass stops there
  'Київ, Україна — Kyiv',
];

describe('a fold probe', () => {
  it('finds the same letters to fold, and says whether the text holds one of its characters', () => {
    for (const text of TEXTS) {
      const plain = scanFoldPositions(text);
      const probed = scanFoldPositions(text, probe);
      expect(probed, text).toEqual(plain);
      if (plain !== null) expect(probe.found, text).toBe(/[ПДКё]/u.test(text));
    }
  });

  it('looks out for the blocks of its characters, merged into ranges', () => {
    expect(probe.both.source).toContain('\\u0400-\\u047f');
    expect(probe.blocks[0x41f >> 7]).toBe(1);
    expect(probe.blocks['É'.charCodeAt(0) >> 7]).toBe(0);
    const spread = foldProbe(['Ω', 'П', 'Ж', 'ж'], /[ΩПЖж]/u)!;
    expect(spread.both.source).toContain('\\u0380-\\u047f');
  });

  it('is not made for characters it cannot look out for in one pass', () => {
    expect(foldProbe(['П', 'a'], /[Пa]/u)).toBeNull();
    expect(foldProbe(['П', '𝒜'], /[П𝒜]/u)).toBeNull();
  });

  it('is reset by each pass', () => {
    scanFoldPositions('Путін', probe);
    expect(probe.found).toBe(true);
    scanFoldPositions('Putin', probe);
    expect(probe.found).toBe(false);
  });
});
