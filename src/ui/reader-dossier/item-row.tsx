/** One saved item on the "Your dossier" page: the passage as text, its provenance, and what can be done with it. */
import { useState } from 'preact/hooks';
import type { ActorChoice } from '../../core/reader-dossier/actors';
import { refKey } from '../../core/reader-dossier/actors';
import { nameClashes } from '../../core/reader-dossier/name-clash';
import type { ActorRef, SavedItem, SavedKind } from '../../data/reader-dossier-schema';
import { t } from '../../shared/i18n';
import { NameClashWarning } from './name-clash-warning';

export const KIND_LABELS = { quote: 'dossier.kind.quote', reported: 'dossier.kind.reported', note: 'dossier.kind.note' } as const satisfies Record<SavedKind, string>;

/** What a row can ask for. */
export interface ItemRowProps {
  item: SavedItem;
  actorName: string;
  choices: readonly ActorChoice[];
  onEdit(edit: { actor: ActorRef; kind: SavedKind; note: string }): Promise<void>;
  onDelete(): void;
  onCopy(): void;
}

/** A row; the edit form replaces its fields in place. */
export function ItemRow({ item, actorName, choices, onEdit, onDelete, onCopy }: ItemRowProps) {
  const [editing, setEditing] = useState(false);
  const [actor, setActor] = useState(refKey(item.actor));
  const [kind, setKind] = useState<SavedKind>(item.kind);
  const [note, setNote] = useState(item.note ?? '');
  const { title, site, source, selector } = item.target;
  const picked = editing ? choices.find((c) => refKey(c.ref) === actor) : undefined;

  const save = async (e: Event) => {
    e.preventDefault();
    const ref = choices.find((c) => refKey(c.ref) === actor)?.ref ?? item.actor;
    await onEdit({ actor: ref, kind, note });
    setEditing(false);
  };

  return (
    <li class="rd-item" data-item-id={item.id}>
      <blockquote class="rd-passage">{selector[0].exact}</blockquote>
      {editing ? (
        <form class="rd-edit" onSubmit={save}>
          <label>
            {t('dossier.actor')}{' '}
            <select value={actor} onChange={(e) => setActor(e.currentTarget.value)}>
              {choices.map((c) => (
                <option key={refKey(c.ref)} value={refKey(c.ref)}>
                  {c.name}
                  {c.own ? t('dossier.yours') : ''}
                </option>
              ))}
            </select>
          </label>
          {picked?.own && <NameClashWarning class="rd-warning" actor={picked.name} result={nameClashes([picked.name, ...picked.aliases], choices)} />}
          <label>
            {t('dossier.kindLabel')}{' '}
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as SavedKind)}>
              {(Object.keys(KIND_LABELS) as SavedKind[]).map((k) => (
                <option key={k} value={k}>
                  {t(KIND_LABELS[k])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dossier.note')} <textarea rows={2} maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <div class="rd-buttons">
            <button type="submit">{t('dossier.saveChanges')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('dossier.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p class="rd-meta">
            <strong class="rd-actor">{actorName}</strong> · <span class="rd-kind">{t(KIND_LABELS[item.kind])}</span> ·{' '}
            <a href={source} target="_blank" rel="noreferrer noopener" class="rd-source">
              {title.trim() || site || source}
            </a>
            {site && <span class="rd-site"> · {site}</span>} · <time dateTime={item.savedAt}>{t('dossier.saved', { date: item.savedAt.slice(0, 10) })}</time>
          </p>
          {item.note && <p class="rd-note">{item.note}</p>}
          <div class="rd-buttons">
            <button
              type="button"
              onClick={() => {
                setActor(refKey(item.actor));
                setKind(item.kind);
                setNote(item.note ?? '');
                setEditing(true);
              }}
            >
              {t('dossier.edit')}
            </button>
            <button type="button" onClick={onCopy}>
              {t('copy.button')}
            </button>
            <button type="button" class="rd-delete" onClick={onDelete}>
              {t('dossier.delete')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
