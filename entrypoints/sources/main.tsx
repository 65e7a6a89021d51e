/** The source card page (sources.html?id=<source-id>#<excerpt>): renders the bundled sources' excerpts. */
import { render } from 'preact';
import { sourceName } from '../../src/core/labels';
import { sourceNameText } from '../../src/ui/source-name';
import { dataset } from '../../src/data/dataset';
import { SourceCardPage } from '../../src/ui/source-card/source-card';
import { localisePage, t } from '../../src/shared/i18n';
import '../../src/ui/source-card/source-card.css';

const id = new URLSearchParams(location.search).get('id');
const one = dataset.sources.find((s) => s.id === id);
localisePage(one ? t('title.source', { headline: one.headline ?? sourceNameText(sourceName(one)) }) : t('title.sources'));
render(<SourceCardPage data={dataset} id={id} />, document.getElementById('app')!);
// Rendered after load, so the browser's own jump to #excerpt has already missed: do it now.
const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
target?.scrollIntoView({ block: 'center' });
target?.focus({ preventScroll: true });
