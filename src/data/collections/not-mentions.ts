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
] satisfies Dataset['notMentions'];
