import { render } from 'preact';
import { dataset } from '@/src/data/dataset';
import { PopupApp } from '@/src/ui/popup/popup-app';
import '@/src/ui/popup/popup.css';

render(<PopupApp data={dataset} search={location.search} />, document.getElementById('app')!);
