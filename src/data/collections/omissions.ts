/** Quoted passages of the articles that are deliberately not quotations (scare quotes, boilerplate, teasers). (docs/data.md) */
import type { Dataset } from '../schema';
import { BBC, MT } from './source-ids';

export const omissions = [
  {
    source: BBC,
    text: 'any alleged incidents',
    reason: 'Unrelated teaser appended to the BBC article (the Irish Defence Forces), not about the talks.',
  },
  {
    source: BBC,
    text: 'morally responsible',
    reason: 'Unrelated teaser appended to the BBC article: the finding of an official report on Dawn Sturgess’s death, not a statement about the talks.',
  },
  {
    source: MT,
    text: 'undesirable',
    reason: 'Donation appeal boilerplate: a label Russia’s Prosecutor General’s Office gave The Moscow Times (scare quotes), not about the talks.',
  },
  {
    source: MT,
    text: 'foreign agent',
    reason: 'Donation appeal boilerplate: a label applied to The Moscow Times (scare quotes), not about the talks.',
  },
  {
    source: MT,
    text: 'discredits the decisions of the Russian leadership.',
    reason: 'Donation appeal boilerplate: what the authorities claim about The Moscow Times’ work, not about the talks.',
  },
] satisfies Dataset['omissions'];
