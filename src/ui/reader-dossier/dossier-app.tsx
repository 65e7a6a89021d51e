/**
 * The "Your dossier" page: everything the reader saved, searchable and filterable by actor, site and date; edit,
 * delete with undo, copy with citation; export and import JSON, Markdown of one actor. It reads the dossier from
 * storage and asks the background, its only writer, for every change.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { actorChoices, actorName, refKey, type BundledActorInfo } from '../../core/reader-dossier/actors';
import { formatCitation, savedCitation } from '../../core/reader-dossier/citation';
import { filterItems, filterOptions, NO_FILTER, type ItemFilter } from '../../core/reader-dossier/filter';
import { actorDossierMarkdown } from '../../core/reader-dossier/markdown';
import { exportJson } from '../../core/reader-dossier/transfer';
import { emptyDossier, MAX_SAVED_ITEMS, type ReaderDossier, type SavedItem } from '../../data/reader-dossier-schema';
import { getReaderDossier, watchReaderDossier } from '../../shared/reader-dossier-storage';
import { sendDossierMessage } from '../../shared/reader-dossier-messages';
import { ItemRow } from './item-row';
import { plural, t, uiLanguage } from '../../shared/i18n';

/** A message under the toolbar; `undo` when it reports a delete. */
interface Notice {
  kind: 'ok' | 'error';
  text: string;
  undo?: { item: SavedItem; index: number };
}

/** Offers `text` as a file download. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file-name part from a name: letters, digits and dashes. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'actor';
}

/** The page. `bundled` are the data set's actors. */
export function DossierApp({ bundled }: { bundled: readonly BundledActorInfo[] }) {
  const [dossier, setDossier] = useState<ReaderDossier | null>(null);
  const [filter, setFilter] = useState<ItemFilter>(NO_FILTER);
  const [notice, setNotice] = useState<Notice | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void getReaderDossier().then((d) => live && setDossier(d));
    const unwatch = watchReaderDossier((d) => setDossier(d));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const d = dossier ?? emptyDossier();
  const choices = useMemo(() => actorChoices(bundled, d), [bundled, d]);
  const shown = useMemo(() => filterItems(d.items, choices, filter), [d, choices, filter]);
  const options = useMemo(() => filterOptions(d.items, choices), [d, choices]);
  const set = (patch: Partial<ItemFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const remove = async (item: SavedItem) => {
    const removed = await sendDossierMessage('dossierDelete', { id: item.id });
    if (removed) setNotice({ kind: 'ok', text: t('dossier.deleted'), undo: removed });
  };
  const undo = async (removed: { item: SavedItem; index: number }) => {
    const r = await sendDossierMessage('dossierRestore', removed);
    setNotice(r.ok ? { kind: 'ok', text: t('dossier.restored') } : { kind: 'error', text: r.error });
  };
  const copy = async (item: SavedItem) => {
    const text = formatCitation(savedCitation(item, actorName(choices, item.actor)));
    try {
      await navigator.clipboard.writeText(text);
      setNotice({ kind: 'ok', text: t('dossier.copiedText', { text }) });
    } catch {
      setNotice({ kind: 'error', text: t('dossier.clipboardRefused') });
    }
  };
  const importFile = async (file: File) => {
    const r = await sendDossierMessage('dossierImport', { text: await file.text() }).catch(() => ({ ok: false as const, error: t('dossier.unreachable') }));
    if (!r.ok) return setNotice({ kind: 'error', text: r.error });
    const { added, duplicates, actorsAdded } = r.summary;
    setNotice({ kind: 'ok', text: t('dossier.imported', { items: plural('dossier.importedItems', added), actors: plural('dossier.importedActors', actorsAdded), duplicates }) });
  };
  const today = () => new Date().toISOString().slice(0, 10);
  const filteredActor = filter.actor ? choices.find((c) => refKey(c.ref) === filter.actor) : undefined;

  return (
    <main class="rd-page">
      <header class="rd-header">
        <h1>{t('dossier.title')}</h1>
        <p class="rd-count" data-ready={dossier ? 'true' : 'false'}>
          {t('dossier.count', { n: d.items.length.toLocaleString(uiLanguage()), max: MAX_SAVED_ITEMS.toLocaleString(uiLanguage()) })}
        </p>
      </header>
      <section class="rd-toolbar" aria-label={t('dossier.exportImport')}>
        <button type="button" onClick={() => download(`dossier-${today()}.json`, 'application/json', exportJson(d, new Date().toISOString()))}>
          {t('dossier.exportJson')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('dossier.importJson')}
        </button>
        <input
          ref={fileRef}
          class="rd-file"
          type="file"
          accept="application/json,.json"
          aria-label={t('dossier.importFile')}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          disabled={!filteredActor}
          title={filteredActor ? undefined : t('dossier.chooseActorFirst')}
          onClick={() => filteredActor && download(`dossier-${slug(filteredActor.name)}-${today()}.md`, 'text/markdown', actorDossierMarkdown(filteredActor.name, d.items.filter((i) => refKey(i.actor) === filter.actor), today()))}
        >
          {filteredActor ? t('dossier.exportActor', { name: filteredActor.name }) : t('dossier.exportAnActor')}
        </button>
      </section>
      {notice && (
        <p class={`rd-notice rd-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
          {notice.undo && (
            <button type="button" class="rd-undo" onClick={() => void undo(notice.undo!)}>
              {t('dossier.undo')}
            </button>
          )}
        </p>
      )}
      <section class="rd-filters" aria-label={t('dossier.searchAndFilters')}>
        <label>
          {t('dossier.search')} <input type="search" value={filter.query} onInput={(e) => set({ query: e.currentTarget.value })} />
        </label>
        <label>
          {t('dossier.actor')}{' '}
          <select value={filter.actor} onChange={(e) => set({ actor: e.currentTarget.value })}>
            <option value="">{t('dossier.all')}</option>
            {options.actors.map((a) => (
              <option key={a.key} value={a.key}>
                {a.name} ({a.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossier.site')}{' '}
          <select value={filter.site} onChange={(e) => set({ site: e.currentTarget.value })}>
            <option value="">{t('dossier.all')}</option>
            {options.sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossier.savedFrom')} <input type="date" value={filter.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          {t('dossier.savedTo')} <input type="date" value={filter.to} onInput={(e) => set({ to: e.currentTarget.value })} />
        </label>
      </section>
      {dossier && d.items.length === 0 ? (
        <p class="rd-empty">{t('dossier.empty')}</p>
      ) : (
        <ul class="rd-list" aria-label={t('dossier.savedItems')}>
          {shown.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              actorName={actorName(choices, item.actor)}
              choices={choices}
              onEdit={async (edit) => {
                const r = await sendDossierMessage('dossierEdit', { id: item.id, ...edit });
                setNotice(r.ok ? { kind: 'ok', text: r.message } : { kind: 'error', text: r.error });
              }}
              onDelete={() => void remove(item)}
              onCopy={() => void copy(item)}
            />
          ))}
        </ul>
      )}
      {dossier && d.items.length > 0 && shown.length === 0 && <p class="rd-empty">{t('dossier.noMatch')}</p>}
    </main>
  );
}
