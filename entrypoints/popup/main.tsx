import { render } from 'preact';
import { dataset } from '@/src/data/dataset';
import { PopupApp } from '@/src/ui/popup/popup-app';
import { localisePage, t } from '@/src/shared/i18n';
import '@/src/ui/popup/popup.css';

localisePage(t('title.popup'));
render(<PopupApp data={dataset} search={location.search} />, document.getElementById('app')!);
