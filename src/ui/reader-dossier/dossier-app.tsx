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
    if (removed) setNotice({ kind: 'ok', text: 'Deleted.', undo: removed });
  };
  const undo = async (removed: { item: SavedItem; index: number }) => {
    const r = await sendDossierMessage('dossierRestore', removed);
    setNotice(r.ok ? { kind: 'ok', text: 'Restored.' } : { kind: 'error', text: r.error });
  };
  const copy = async (item: SavedItem) => {
    const text = formatCitation(savedCitation(item, actorName(choices, item.actor)));
    try {
      await navigator.clipboard.writeText(text);
      setNotice({ kind: 'ok', text: `Copied: ${text}` });
    } catch {
      setNotice({ kind: 'error', text: 'The clipboard refused the citation.' });
    }
  };
  const importFile = async (file: File) => {
    const r = await sendDossierMessage('dossierImport', { text: await file.text() }).catch(() => ({ ok: false as const, error: 'Dossier could not be reached.' }));
    if (!r.ok) return setNotice({ kind: 'error', text: r.error });
    const { added, duplicates, actorsAdded } = r.summary;
    setNotice({ kind: 'ok', text: `Imported ${added} new item${added === 1 ? '' : 's'} and ${actorsAdded} new actor${actorsAdded === 1 ? '' : 's'}; ${duplicates} already here.` });
  };
  const today = () => new Date().toISOString().slice(0, 10);
  const filteredActor = filter.actor ? choices.find((c) => refKey(c.ref) === filter.actor) : undefined;

  return (
    <main class="rd-page">
      <header class="rd-header">
        <h1>Your dossier</h1>
        <p class="rd-count" data-ready={dossier ? 'true' : 'false'}>
          {d.items.length.toLocaleString('en')} of {MAX_SAVED_ITEMS.toLocaleString('en')} items · kept only in this browser, never sent anywhere
        </p>
      </header>
      <section class="rd-toolbar" aria-label="Export and import">
        <button type="button" onClick={() => download(`dossier-${today()}.json`, 'application/json', exportJson(d, new Date().toISOString()))}>
          Export JSON
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Import JSON…
        </button>
        <input
          ref={fileRef}
          class="rd-file"
          type="file"
          accept="application/json,.json"
          aria-label="Import a Dossier export file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          disabled={!filteredActor}
          title={filteredActor ? undefined : 'Choose an actor in the filter first'}
          onClick={() => filteredActor && download(`dossier-${slug(filteredActor.name)}-${today()}.md`, 'text/markdown', actorDossierMarkdown(filteredActor.name, d.items.filter((i) => refKey(i.actor) === filter.actor), today()))}
        >
          Export {filteredActor ? filteredActor.name : 'an actor'} as Markdown
        </button>
      </section>
      {notice && (
        <p class={`rd-notice rd-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
          {notice.undo && (
            <button type="button" class="rd-undo" onClick={() => void undo(notice.undo!)}>
              Undo
            </button>
          )}
        </p>
      )}
      <section class="rd-filters" aria-label="Search and filters">
        <label>
          Search <input type="search" value={filter.query} onInput={(e) => set({ query: e.currentTarget.value })} />
        </label>
        <label>
          Actor{' '}
          <select value={filter.actor} onChange={(e) => set({ actor: e.currentTarget.value })}>
            <option value="">All</option>
            {options.actors.map((a) => (
              <option key={a.key} value={a.key}>
                {a.name} ({a.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Site{' '}
          <select value={filter.site} onChange={(e) => set({ site: e.currentTarget.value })}>
            <option value="">All</option>
            {options.sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Saved from <input type="date" value={filter.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          to <input type="date" value={filter.to} onInput={(e) => set({ to: e.currentTarget.value })} />
        </label>
      </section>
      {dossier && d.items.length === 0 ? (
        <p class="rd-empty">Nothing saved yet. Select text on any page, then choose “Add to Dossier…” in the context menu (or press Alt+Shift+D).</p>
      ) : (
        <ul class="rd-list" aria-label="Saved items">
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
      {dossier && d.items.length > 0 && shown.length === 0 && <p class="rd-empty">No saved item matches these filters.</p>}
    </main>
  );
}
