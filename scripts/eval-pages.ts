/**
 * `npm run eval:pages`: Dossier on the saved real pages of tests/fixtures/realpages, judged against expected.json.
 * Needs the built extension (`npm run build`). Prints, per page and in total, the highlights, precision and recall,
 * and every wrong, borderline, unjudged or missed mention with its context. `-- NAME…` runs only those pages.
 * Exit status 1 when a page failed, Dossier reported an error, or the visible text changed.
 */
import { buildPageData } from '../src/core/page-data';
import { data } from '../src/data';
import { entityLookup, loadCorpus, runCorpus, scorePage, totals, type PageScore } from './lib/realpages';

const corpus = loadCorpus();
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const t0 = Date.now();
const runs = await runCorpus(corpus, only.length ? { names: only } : {});
const entityOf = entityLookup(buildPageData(data));
const scores: PageScore[] = runs.map((run) => scorePage(run, corpus.expected.pages[run.name]!, corpus.storedText(run.name), entityOf));

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const q = (s: string) => JSON.stringify(s);
console.log('| page | highlights | true | wrong | borderline | unjudged | precision | found / expected | recall | notes |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const s of scores) {
  const judged = s.true + s.wrong + s.borderline;
  const notes = [
    s.failure ? `FAILED: ${s.failure}` : '',
    s.visibleTextChanged ? 'visible text differs from the stored text' : '',
    s.unlocated ? `${s.unlocated} entries not located` : '',
    s.dossierErrors.length ? `${s.dossierErrors.length} Dossier errors` : '',
  ].filter(Boolean).join('; ');
  console.log(`| ${s.name} | ${s.highlights} | ${s.true} | ${s.wrong} | ${s.borderline} | ${s.unjudged} | ${judged ? pct(s.true / judged) : '–'} | ${s.found} / ${s.expected} | ${s.expected ? pct(s.found / s.expected) : '–'} | ${notes} |`);
}
const t = totals(scores);
console.log(`| **total** | ${t.highlights} | ${t.true} | ${t.wrong} | ${t.borderline} | ${t.unjudged} | **${pct(t.precision)}** | ${t.found} / ${t.expected} | **${pct(t.recall)}** | |`);
console.log('\nprecision = true / (true + wrong + borderline); recall = found / expected (rendered mentions and listed misses).');

for (const s of scores) {
  if (!s.problems.length && !s.dossierErrors.length) continue;
  console.log(`\n${s.name}`);
  for (const p of s.problems) {
    const what = p.verdict === 'missed' ? `missed ${p.category} ${p.entity}` : `${p.verdict} ${p.category}${p.entity ? ` (${p.entity})` : ''}`;
    console.log(`  ${what}: …${q(p.before)} [${p.text}] ${q(p.after)}…${p.rendered ? '' : ' (not rendered)'}${p.why ? ` — ${p.why}` : ''}`);
  }
  for (const e of s.dossierErrors) console.log(`  Dossier error: ${e}`);
}
console.log(`\n${scores.length} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const bad = scores.some((s) => s.failure || s.dossierErrors.length || s.visibleTextChanged);
process.exitCode = bad ? 1 : 0;
