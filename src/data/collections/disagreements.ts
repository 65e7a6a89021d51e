/** Where the sources differ on a figure, a fact, a spelling, a title or a count. (docs/data.md) */
import type { Dataset } from '../schema';
import { REUTERS, NEWSX, BBC, MT, RKS } from './source-ids';

export const disagreements = [
  {
    id: 'donbas-share-held-by-russia',
    kind: 'figure',
    topic: 'How much of Donbas Russia controls',
    subjects: ['donbas', 'russia'],
    versions: [
      { value: 'about 90% (according to Russian estimates)', sources: [REUTERS], evidence: { source: REUTERS, text: 'about 90% of Donbas' } },
      {
        value: 'approximately 85%',
        sources: [BBC],
        evidence: { source: BBC, text: 'Currently, Moscow controls approximately 85% of the Donbas region.' },
      },
    ],
    note: 'The 90% figure is given as a Russian estimate; the 85% figure has no source. rksnews-putin-territorial-demands says only "large parts".',
  },
  {
    id: 'number-of-claimed-regions',
    kind: 'count',
    topic: 'How many Ukrainian regions Russia claims',
    subjects: ['russia', 'crimea', 'donetsk', 'luhansk', 'zaporizhzhia', 'kherson'],
    versions: [
      {
        value: 'five regions, Crimea included',
        sources: [MT],
        evidence: { source: MT, text: 'recognition of its claims over five Ukrainian regions, including the Crimean peninsula' },
      },
      {
        value: 'four regions, in addition to Crimea',
        sources: [MT],
        evidence: { source: MT, text: 'Russia has seized large parts of four Ukrainian regions and claimed them as its own, in addition to Crimea' },
      },
      {
        value: 'four oblasts (Donetsk, Kherson, Luhansk, Zaporizhzhia), Crimea counted apart',
        sources: [NEWSX],
        evidence: { source: NEWSX, text: 'the eastern Ukrainian oblasts of Donetsk, Kherson, Luhansk, and Zaporizhzhia' },
      },
      {
        value: 'Donbas, Zaporizhzhia and Kherson (Donbas counted as one), Crimea apart',
        sources: [REUTERS],
        evidence: { source: REUTERS, text: 'Russia claims Donbas, Zaporizhzhia and Kherson as its own territory' },
      },
    ],
    note: 'Consistent in substance (Crimea plus Donetsk, Luhansk, Zaporizhzhia and Kherson); the counts differ because some texts count Crimea and some count Donbas as one.',
  },
  {
    id: 'trump-title',
    kind: 'title',
    topic: 'Trump’s title',
    subjects: ['donald-trump'],
    versions: [
      { value: 'U.S. President', sources: [REUTERS, NEWSX, MT], evidence: { source: REUTERS, text: 'U.S. President Donald Trump' } },
      { value: 'former U.S. President', sources: [BBC], evidence: { source: BBC, text: 'former U.S. President Donald Trump' } },
    ],
    note: '"former" is an error in bbc-putin-india-today: the same text has Trump directing the negotiations and the White House speaking of "the President’s entire national security team".',
  },
  {
    id: 'zelensky-spelling',
    kind: 'spelling',
    topic: 'Spelling of the Ukrainian president’s name',
    subjects: ['volodymyr-zelensky'],
    versions: [
      { value: 'Zelenskiy', sources: [REUTERS], evidence: { source: REUTERS, text: 'Ukrainian President Volodymyr Zelenskiy' } },
      { value: 'Zelensky', sources: [NEWSX, BBC, MT], evidence: { source: NEWSX, text: 'Ukrainian President Volodymyr Zelensky' } },
    ],
    note: 'Reuters style against the common English spelling; both (and the official Zelenskyy) are aliases.',
  },
  {
    id: 'kyiv-spelling',
    kind: 'spelling',
    topic: 'Spelling of Ukraine’s capital (used for its government)',
    subjects: ['ukraine'],
    versions: [
      { value: 'Kyiv', sources: [REUTERS, BBC, MT], evidence: { source: REUTERS, text: 'Kyiv could lose additional territory' } },
      { value: 'Kiev', sources: [MT], evidence: { source: MT, text: 'So far, Kiev has not demonstrated its ability to negotiate' } },
    ],
    note: 'moscow-times-recognition-imperative writes Kyiv in its own text and Kiev inside Lavrov’s translated quote.',
  },
  {
    id: 'russia-spelling',
    kind: 'spelling',
    topic: 'Spelling of Russia',
    subjects: ['russia'],
    versions: [
      { value: 'Russia', sources: [REUTERS, NEWSX, BBC, MT, RKS], evidence: { source: REUTERS, text: 'Russia currently controls around one-fifth of Ukraine' } },
      { value: 'Rusia', sources: [BBC], evidence: { source: BBC, text: 'Rusia’s ability to target a defector' } },
    ],
    note: 'A typo in an unrelated teaser appended to bbc-putin-india-today.',
  },
  {
    id: 'denazifying-spelling',
    kind: 'spelling',
    topic: 'Spelling of "denazifying" in Lavrov’s war goals',
    subjects: ['sergei-lavrov', 'ukraine'],
    versions: [
      { value: 'denazifying', sources: [MT], evidence: { source: MT, text: 'the tasks of demilitarizing and denazifying Ukraine' } },
      { value: 'denazyfing', sources: [MT], evidence: { source: MT, text: '"demilitarizing" and "denazyfing" Ukraine' } },
    ],
    note: 'Both in moscow-times-recognition-imperative: the paraphrase misspells it, the full quote does not.',
  },
  {
    id: 'withdrawal-demand-scope',
    kind: 'fact',
    topic: 'Which territories Ukraine is asked to leave',
    subjects: ['russia', 'ukraine', 'donbas', 'crimea', 'zaporizhzhia', 'kherson'],
    versions: [
      {
        value: 'Donbas',
        sources: [REUTERS, NEWSX, BBC],
        evidence: { source: NEWSX, text: 'Ukraine must withdraw its forces from the Donbas region' },
      },
      {
        value: 'all territories Moscow claims, Crimea included',
        sources: [RKS],
        evidence: {
          source: RKS,
          text: 'demanding the full withdrawal of Ukrainian forces from all territories Moscow claims as its own—including areas illegally annexed or occupied by Russia',
        },
      },
      {
        value: 'not said for Zaporizhzhia and Kherson',
        sources: [REUTERS],
        evidence: { source: REUTERS, text: 'He declined to say whether the same demand applied to the Russian-controlled Zaporizhzhia and Kherson regions' },
      },
    ],
    note: 'Peskov would not extend the demand beyond Donbas; RksNews reports it as covering every claimed territory, including Crimea.',
  },
  {
    id: 'withdrawal-demand-new-or-repeated',
    kind: 'fact',
    topic: 'Whether Putin’s territorial demand is new',
    subjects: ['vladimir-putin'],
    versions: [
      {
        value: 'reiterated',
        sources: [NEWSX, BBC],
        evidence: { source: NEWSX, text: 'Russian President Vladimir Putin on Thursday reiterated that Ukraine must withdraw its forces from the Donbas region' },
      },
      {
        value: 'sharply escalated',
        sources: [RKS],
        evidence: { source: RKS, text: 'Russian President Vladimir Putin has sharply escalated his conditions for ending the war in Ukraine' },
      },
    ],
    note: 'The RksNews headline goes further ("Doubles") without a figure that doubles.',
  },
  {
    id: 'preconditions-for-talks',
    kind: 'fact',
    topic: 'Whether Russia sets preconditions for talks with Ukraine',
    subjects: ['russia', 'dmitry-peskov', 'sergei-lavrov'],
    versions: [
      {
        value: 'ready to negotiate without any preconditions (Peskov)',
        sources: [MT],
        evidence: { source: MT, text: 'The Russian side has repeatedly signaled its readiness to begin negotiations with Ukraine without any preconditions' },
      },
      {
        value: 'international recognition of Russia’s claims is "imperative" to peace talks (Lavrov)',
        sources: [MT],
        evidence: { source: MT, text: 'Foreign Minister Sergei Lavrov said that "international recognition of Russia\'s ownership" of occupied Ukrainian regions and annexed Crimea was "imperative" to peace talks with Ukraine' },
      },
    ],
    note: 'The same article reports both: the Kremlin spokesman speaks of talks without preconditions while the foreign minister (and "Russian authorities") make recognition of Russia’s claims imperative. The data keeps them as two positions, held by whoever said each.',
  },
] satisfies Dataset['disagreements'];
