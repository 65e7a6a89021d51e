/** The positions tracker page (tracker.html?side=…&actor=…&region=…&topic=…). */
import { render } from 'preact';
import { dataset } from '../../src/data/dataset';
import { TrackerApp } from '../../src/ui/tracker/tracker-app';
import { localisePage, t } from '../../src/shared/i18n';
import '../../src/ui/tracker/tracker.css';

localisePage(t('title.tracker'));
render(<TrackerApp data={dataset} />, document.getElementById('app')!);
