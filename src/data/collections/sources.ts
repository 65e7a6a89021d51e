/** The five bundled articles (assets/articles/): outlet, credits, dateline and notes as each text gives them. (docs/data.md) */
import type { Dataset } from '../schema';
import { REUTERS, NEWSX, BBC, MT, RKS } from './source-ids';

export const sources = [
  {
    id: REUTERS,
    file: '000_78f937a108842e39.txt',
    outlet: 'unknown',
    dateline:
      'Reports what the Kremlin said "on Monday"; Putin and Trump "spoke on Sunday", ahead of Trump’s meeting with Zelenskiy in Miami. No date is given.',
    credits: ['Reuters'],
    notes: [
      'No headline or byline in the text; section labels in capitals (WHAT MOSCOW IS SAYING, WHY IT MATTERS, WHAT’S NEXT).',
      'Ends "With information from Reuters.": the publishing outlet is not named; Reuters is credited.',
      'Spells the Ukrainian president "Zelenskiy" (Reuters style).',
    ],
  },
  {
    id: NEWSX,
    file: '001_ad98cfedb2a06ee8.txt',
    outlet: 'NewsX',
    dateline:
      'Putin spoke "on Thursday", "days before a planned visit by a US delegation"; Trump unveiled the 28-point plan "last week"; a revised plan was drafted "on Sunday in Switzerland". No date is given.',
    credits: [],
    byline: 'Zubair Amin, Senior Journalist at NewsX',
    notes: [
      'No headline in the text; subheadings inside it.',
      'One Putin quote is given "according to The Kyiv Independent".',
      'Ends with an "Also Read" teaser and the author’s biography.',
    ],
  },
  {
    id: BBC,
    file: '002_372ad5692174bae3.txt',
    outlet: 'BBC',
    dateline:
      'Talks in Moscow "on Tuesday"; Zelensky spoke "on Wednesday"; Der Spiegel reported "on Thursday" on "Monday’s conference call"; talks in Geneva "on November 23" (the only calendar date in the five texts, without a year).',
    credits: [],
    notes: [
      'No headline or byline in the text; the outlet shows in "The BBC has not independently verified the reported transcript" and "In a statement to the BBC".',
      'The last five paragraphs (Irish Defence Forces, a defector and nerve agent, Dawn Sturgess, undersea cables, a report on Putin being "morally responsible") are unrelated teasers appended to the article.',
      'Calls Trump "former U.S. President": an error (see the disagreement trump-title).',
      'Misspells the Ukrainian Foreign Minister as "Andrii Sybhia" (usually Sybiha) and, in a teaser, Russia as "Rusia".',
      'Relays a Der Spiegel report of a leaked call transcript that the BBC says it has not independently verified.',
    ],
  },
  {
    id: MT,
    file: '003_9f6cfb509fb54cb0.txt',
    outlet: 'The Moscow Times',
    headline: 'Russia Demands Ukraine Recognize Territorial Claims in Peace Talks',
    dateline:
      'Russian authorities spoke "Monday"; Lavrov’s O Globo interview was "published on Monday"; Trump spoke "earlier", in what Washington called a "critical" week. No date is given.',
    credits: ['AFP'],
    notes: [
      'Opens with "Support The Moscow Times!" and ends with a newsletter box and a donation appeal: boilerplate, not about the talks (its quoted labels are omissions).',
      'Photo caption credit: Dmitry Yagodkin / TASS.',
      'Lavrov’s quotes are translated from an interview with the Brazilian newspaper O Globo; his quote spells "Kiev" while the article’s own text says "Kyiv".',
      'Spells "denazyfing" in the paraphrase and "denazifying" in the quote.',
    ],
  },
  {
    id: RKS,
    file: '004_b13fc7fc249610ac.txt',
    outlet: 'RksNews',
    headline: 'Putin Doubles Territorial Demands in Talks Over Ukraine Peace Plan',
    dateline:
      'A U.S. delegation is expected in Moscow "next week"; Putin refers to talks "before my visit to Alaska". No date is given.',
    credits: [],
    notes: [
      'The lines "RksNews" and "2 Min Read" under the headline are page furniture; no byline.',
      'The headline says Putin "Doubles" his demands; the text says he "sharply escalated" them and gives no figure that doubles.',
      'Does not name Trump or Zelensky.',
      'Mentions an unnamed U.S. Secretary of the Army whom Ukraine expects to visit; without a name, not modelled as an actor.',
    ],
  },
] satisfies Dataset['sources'];
