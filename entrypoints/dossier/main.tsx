/** The "Your dossier" page: what the reader saved from their reading. */
import { render } from 'preact';
import { dataset } from '../../src/data/dataset';
import { bundledActorInfo } from '../../src/core/reader-dossier/actors';
import { DossierApp } from '../../src/ui/reader-dossier/dossier-app';
import { localisePage, t } from '../../src/shared/i18n';
import '../../src/ui/reader-dossier/dossier.css';

localisePage(t('title.dossier'));
render(<DossierApp bundled={bundledActorInfo(dataset.actors)} />, document.getElementById('app')!);
