/** Phrases that contain an alias but name something else ("The Moscow Times"): blocked by the matcher. (docs/data.md) */
import type { Dataset } from '../schema';
import { NEWSX, MT } from './source-ids';

export const notMentions = [
  {
    text: 'Moscow Times',
    reason: 'A newspaper (the outlet of moscow-times-recognition-imperative and its donation appeal), not the Russian government that "Moscow" stands for.',
    evidence: { source: MT, text: 'Support The Moscow Times!' },
  },
  {
    text: 'Kyiv Independent',
    reason: 'A Ukrainian newspaper (the outlet newsx-putin-donbas-withdrawal credits for a Putin quote), not the Ukrainian government that "Kyiv" stands for.',
    evidence: { source: NEWSX, text: 'according to The Kyiv Independent' },
  },
  {
    text: 'Kyiv Post',
    reason: 'A Ukrainian newspaper (not in the bundled articles), not the Ukrainian government that "Kyiv" stands for.',
  },
  {
    text: 'Kiev Post',
    reason: 'The Kyiv Post under the older spelling of its city, not the Ukrainian government.',
  },
  {
    text: 'Kyiv School of Economics',
    reason: 'A university in Kyiv (not in the bundled articles), not the Ukrainian government.',
  },
  {
    text: 'Melania Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Ivanka Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Barron Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Eric Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Lara Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Tiffany Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Ivana Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Fred Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Mary Trump',
    reason: 'A member of the Trump family (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Donald Trump Jr.',
    reason: 'Donald Trump’s son (not in the bundled articles), not Donald Trump.',
  },
  {
    text: 'Trump card',
    reason: 'A card that outranks the others (a tarot deck’s “Trump cards”, capitalised), not Donald Trump.',
  },
  {
    text: 'Trump cards',
    reason: 'Cards that outrank the others (a tarot deck’s “Trump cards”, capitalised), not Donald Trump.',
  },
  {
    text: 'George Washington',
    reason: 'The first U.S. president, and the university and bridge named after him (not in the bundled articles), not today’s U.S. government.',
  },
] satisfies Dataset['notMentions'];
