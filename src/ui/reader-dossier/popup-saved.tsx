/**
 * "Saved from this page" in the toolbar popup: the passages the reader saved from the tab's page, each with its
 * actor, and whether the page still has it (the content script's `savedOnPage`), plus the way to "Your dossier".
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { actorChoices, actorName, type BundledActorInfo } from '../../core/reader-dossier/actors';
import { itemsForPage } from '../../core/reader-dossier/page-items';
import type { ReaderDossier } from '../../data/reader-dossier-schema';
import { sendDossierMessage, type SavedOnPage } from '../../shared/reader-dossier-messages';
import { getReaderDossier, watchReaderDossier } from '../../shared/reader-dossier-storage';
import { t } from '../../shared/i18n';
import './popup-saved.css';

/** Opens the "Your dossier" page in a tab and closes the popup (a link would open inside the popup). */
export function openDossierPage(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/dossier.html') }).then(() => window.close());
}

/** The section; `tabId` and `url` are the tab the popup describes. */
export function SavedFromThisPage({ bundled, tabId, url }: { bundled: readonly BundledActorInfo[]; tabId: number; url: string }) {
  const [dossier, setDossier] = useState<ReaderDossier | null>(null);
  const [onPage, setOnPage] = useState<SavedOnPage[] | null>(null);

  useEffect(() => {
    let live = true;
    const load = (d: ReaderDossier) => {
      if (!live) return;
      setDossier(d);
      void sendDossierMessage('savedOnPage', undefined, tabId).then(
        (r) => live && setOnPage(Array.isArray(r) ? r : null),
        () => live && setOnPage(null),
      );
    };
    void getReaderDossier().then(load);
    const unwatch = watchReaderDossier(load);
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId]);

  const choices = useMemo(() => actorChoices(bundled, dossier ?? { actors: [] }), [bundled, dossier]);
  const items = dossier ? itemsForPage(dossier, url) : [];
  if (items.length === 0) return null;
  const status = new Map((onPage ?? []).map((s) => [s.id, s]));

  return (
    <section class="saved-here" aria-labelledby="saved-here-title">
      <h2 id="saved-here-title">{t('popup.savedHere')}</h2>
      <ul>
        {items.map((item) => {
          const s = status.get(item.id);
          return (
            <li key={item.id} data-found={s ? String(s.found) : 'unknown'}>
              <q>{item.target.selector[0].exact.length > 160 ? `${item.target.selector[0].exact.slice(0, 160)}…` : item.target.selector[0].exact}</q>
              <span class="muted">
                {' '}
                — {actorName(choices, item.actor)}, {t('popup.savedOn', { date: item.savedAt.slice(0, 10) })}
                {s && !s.found && <strong class="not-found">{t('popup.notFoundNow')}</strong>}
                {s?.how === 'fuzzy' && <span>{t('popup.wordedDifferentlyNow')}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <button type="button" class="link" onClick={openDossierPage}>
        {t('popup.yourDossier')}
      </button>
    </section>
  );
}
