/**
 * The toolbar popup: what Dossier found on the tab ("This page") and the state of the talks
 * ("Briefing", shown first when the page mentions nothing), with the controls below.
 */
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Category, Dataset } from '../../data/schema';
import { buildBriefing, summarizePage } from '../../core/summary';
import { disagreementsView } from '../../core/tracker-model';
import { sendMessage } from '../../shared/messages';
import { updateSettings } from '../../shared/settings';
import { Briefing } from './briefing';
import { MoreControls, QuickControls } from './controls';
import { ThisPage } from './this-page';
import { usePage, type PageView } from './use-page';
import { useSettings } from './use-settings';
import { bundledActorInfo } from '../../core/reader-dossier/actors';
import { openDossierPage, SavedFromThisPage } from '../reader-dossier/popup-saved';
import { t } from '../../shared/i18n';

type TabName = 'page' | 'briefing';

/** Props of PopupApp. */
export interface PopupAppProps {
  data: Dataset;
  /** `location.search`: `?tabId=N` picks the tab. */
  search: string;
}

/** The popup. */
export function PopupApp({ data, search }: PopupAppProps) {
  const { view, refresh, reload } = usePage(search);
  // A settings change alters what the page shows: the content script pushes its new state once it has applied it.
  const settings = useSettings();
  const [chosen, setChosen] = useState<TabName | null>(null);
  const [missing, setMissing] = useState<string | null>(null);

  const state = view.kind === 'page' ? view.state : null;
  const summary = useMemo(() => (state ? summarizePage(data, state.mentions) : null), [data, state]);
  const briefing = useMemo(() => buildBriefing(data), [data]);
  const disagreements = useMemo(() => disagreementsView(data), [data]);
  const bundledActors = useMemo(() => bundledActorInfo(data.actors), [data]);
  const counts = useMemo(() => {
    if (!state) return null;
    const c: Partial<Record<Category, number>> = {};
    for (const m of state.mentions) c[m.category] = (c[m.category] ?? 0) + m.count;
    return c;
  }, [state]);

  const hasMentions = (summary?.distinct ?? 0) > 0;
  const tab: TabName = chosen ?? (hasMentions ? 'page' : 'briefing');
  const hostname = view.kind === 'page' || view.kind === 'unreachable' ? view.hostname || null : null;

  const jump = (id: string) => {
    if (view.kind !== 'page') return;
    setMissing(null);
    void sendMessage('jumpTo', { id, direction: 'next' }, view.tabId)
      .then((found) => setMissing(found ? null : id))
      .catch(() => refresh());
  };

  return (
    <div class="popup">
      <header>
        <div class="title-row">
          <h1>{t('extension.name')}</h1>
          <a
            class="tracker-link"
            href={browser.runtime.getURL('/tracker.html')}
            target="_blank"
            rel="noopener"
            onClick={(e) => {
              // A link from the toolbar popup would open inside it: open a real tab and close the popup.
              e.preventDefault();
              void browser.tabs.create({ url: browser.runtime.getURL('/tracker.html') }).then(() => window.close());
            }}
          >
            {t('popup.positionsTracker')}
          </a>
          <button type="button" class="tracker-link dossier-link" onClick={openDossierPage}>
            {t('popup.yourDossier')}
          </button>
        </div>
        <Status view={view} onReload={reload} onResume={() => void updateSettings({ paused: false })} />
      </header>

      <main>
      {settings && <QuickControls settings={settings} hostname={hostname} counts={counts} />}

      <div class="tabs" role="tablist" aria-label={t('popup.views')}>
        <TabButton name="page" label={t('popup.tabThisPage')} current={tab} onSelect={setChosen} badge={summary?.distinct} />
        <TabButton name="briefing" label={t('popup.tabBriefing')} current={tab} onSelect={setChosen} />
      </div>

      <div class="panel" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={-1}>
        {tab === 'page' ? (
          <>
            {summary ? <ThisPage summary={summary} onJump={jump} missing={missing} /> : <p class="muted">{t('popup.nothingToSummarise')}</p>}
            {view.kind === 'page' && <SavedFromThisPage bundled={bundledActors} tabId={view.tabId} url={view.state.url} />}
          </>
        ) : (
          <Briefing sides={briefing} asOf={data.asOf} disagreements={disagreements} />
        )}
      </div>
      </main>

      {settings && (
        <footer>
          <MoreControls settings={settings} />
        </footer>
      )}
    </div>
  );
}

function TabButton(props: { name: TabName; label: string; current: TabName; onSelect(t: TabName): void; badge?: number }) {
  const selected = props.current === props.name;
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${props.name}`}
      aria-selected={selected}
      aria-controls={`panel-${props.name}`}
      class={selected ? 'tab selected' : 'tab'}
      onClick={() => props.onSelect(props.name)}
    >
      {props.label}
      {props.badge ? <span class="count">{props.badge}</span> : null}
    </button>
  );
}

/** One line (and maybe a button) on what Dossier is doing on this tab. */
function Status({ view, onReload, onResume }: { view: PageView; onReload(): void; onResume(): void }) {
  switch (view.kind) {
    case 'loading':
      return <p class="status">{t('popup.status.loading')}</p>;
    case 'no-tab':
      return <p class="status">{t('popup.status.noTab')}</p>;
    case 'restricted':
      return (
        <p class="status" data-status="restricted">
          {view.reason}
        </p>
      );
    case 'unreachable':
      if (view.loading) return <p class="status">{t('popup.status.stillLoading')}</p>;
      if (view.file)
        return (
          <p class="status" data-status="file">
            {t('popup.status.fileAccess')}
          </p>
        );
      return (
        <div class="status" data-status="reload">
          <p>{t('popup.status.reloadToUse')}</p>
          <p class="muted">{t('popup.status.openBefore')}</p>
          <button type="button" class="primary" onClick={onReload}>
            {t('popup.status.reload')}
          </button>
        </div>
      );
    case 'page': {
      const { state } = view;
      if (state.status === 'scanning')
        return (
          <div class="status" data-status="scanning">
            <label for="scan-progress">{t('popup.status.reading')}</label>
            <progress id="scan-progress" max={1} value={state.progress} />
          </div>
        );
      if (state.status === 'paused')
        return (
          <div class="status" data-status="paused">
            <p>{t('popup.status.paused')}</p>
            <button type="button" class="primary" onClick={onResume}>
              {t('popup.status.resume')}
            </button>
          </div>
        );
      if (state.status === 'disabled')
        return (
          <p class="status" data-status="disabled">
            {t('popup.status.offOn', { site: view.hostname })}
          </p>
        );
      return null;
    }
  }
}
