/** The positions tracker page (tracker.html?side=…&actor=…&region=…&topic=…&saved=off), with the reader's saved items. */
import { render } from 'preact';
import { dataset } from '../../src/data/dataset';
import type { ReaderDossier } from '../../src/data/reader-dossier-schema';
import { getReaderDossier, watchReaderDossier } from '../../src/shared/reader-dossier-storage';
import { TrackerApp } from '../../src/ui/tracker/tracker-app';
import { localisePage, t } from '../../src/shared/i18n';
import '../../src/ui/tracker/tracker.css';

localisePage(t('title.tracker'));
const root = document.getElementById('app')!;
const draw = (reader: ReaderDossier) => render(<TrackerApp data={dataset} reader={reader} />, root);
// The page lives as long as its tab: the watch needs no teardown.
void getReaderDossier().then(draw);
watchReaderDossier(draw);
