/**
 * The "Add to Dossier" dialog, on the page in Dossier's closed shadow root: the passage the reader selected (shown
 * as text, never as HTML), who said it or who it is about (search the actors, or create one), what it is, a note.
 * Keyboard first: the search field has focus; Enter takes the first match and moves on to the kind; Escape closes.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { searchActors, type ActorChoice } from '../../core/reader-dossier/actors';
import { nameClashes } from '../../core/reader-dossier/name-clash';
import type { ReaderActorCategory, SavedKind } from '../../data/reader-dossier-schema';
import type { ChangeResult, DialogActor, DialogActorChoice } from '../../shared/reader-dossier-messages';
import { t, uiLanguage } from '../../shared/i18n';
import { NameClashWarning } from './name-clash-warning';

/** Why a selection cannot be saved; the dialog words it. `tooLong` carries the longest passage Dossier saves. */
export type SelectionProblem = { code: 'noSelection' } | { code: 'editable' } | { code: 'noText' } | { code: 'tooLong'; max: number };

/** What the dialog is given. */
export interface SaveDialogProps {
  /** The selected passage; null when there is no usable selection (the dialog then only says so). */
  exact: string | null;
  /** Why there is no passage, when `exact` is null. */
  problem?: SelectionProblem;
  actors: readonly DialogActor[];
  /** Saves; resolves with the sentence to show, or undefined when the background did not answer. */
  onSave(choice: DialogActorChoice, kind: SavedKind, note: string): Promise<ChangeResult | undefined>;
  onClose(): void;
}

const KINDS = [
  { value: 'quote', label: 'save.kindQuote' },
  { value: 'reported', label: 'save.kindReported' },
  { value: 'note', label: 'save.kindNote' },
] as const satisfies readonly { value: SavedKind; label: string }[];
const MAX_SHOWN = 8;

const NO_SELECTION: SelectionProblem = { code: 'noSelection' };

function problemText(problem: SelectionProblem): string {
  switch (problem.code) {
    case 'noSelection':
      return t('save.problem.noSelection');
    case 'editable':
      return t('save.problem.editable');
    case 'noText':
      return t('save.problem.noText');
    case 'tooLong':
      return t('save.problem.tooLong', { max: problem.max.toLocaleString(uiLanguage()) });
  }
}

/** The dialog. */
export function SaveDialog({ exact, problem, actors, onSave, onClose }: SaveDialogProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<ActorChoice | null>(null);
  const [creating, setCreating] = useState(false);
  const [newName, setNewName] = useState('');
  const [newCategory, setNewCategory] = useState<ReaderActorCategory>('people');
  const [newAliases, setNewAliases] = useState('');
  const [kind, setKind] = useState<SavedKind>('quote');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const kindRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  // `autofocus` only works on page load: focus the step the reader is at, in the same commit as the render, so a
  // key pressed right after (Tab) never lands on the page while the focused button is gone.
  useLayoutEffect(() => (creating ? nameRef : searchRef).current?.focus(), [creating]);
  const matches = useMemo(() => searchActors(actors, query, MAX_SHOWN), [actors, query]);
  const splitAliases = (text: string) => text.split(',').map((a) => a.trim()).filter(Boolean);
  // Names of the actor being created, or of the reader's own actor chosen, that a bundled actor already has.
  const clashes = useMemo(() => {
    if (creating) return nameClashes([newName, ...splitAliases(newAliases)], actors);
    if (chosen?.own) return nameClashes([chosen.name, ...chosen.aliases], actors);
    return null;
  }, [creating, newName, newAliases, chosen, actors]);

  const choose = (choice: ActorChoice) => {
    setChosen(choice);
    setCreating(false);
    setQuery(choice.name);
    // Next step for the keyboard: what it is.
    queueMicrotask(() => kindRef.current?.focus());
  };

  const onSearchKey = (e: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = matches[active];
      if (pick) choose(pick);
    }
  };

  // Only the reader's own click (or Enter / Space on the button) saves. A `submit` event cannot tell: the browser
  // fires a trusted one even for a script's button.click(), so the form never submits and the click is checked.
  const save = async (e: TargetedEvent<HTMLButtonElement, MouseEvent>) => {
    if (!e.isTrusted || busy || exact === null) return;
    let choice: DialogActorChoice;
    if (creating) {
      if (newName.trim().length < 2) return setStatus({ ok: false, text: t('save.nameTooShort') });
      choice = { type: 'new', name: newName.trim(), category: newCategory, aliases: splitAliases(newAliases) };
    } else if (chosen) {
      choice = { type: 'existing', ref: chosen.ref };
    } else {
      return setStatus({ ok: false, text: t('save.chooseWho') });
    }
    setBusy(true);
    const result = (await onSave(choice, kind, note).catch((): ChangeResult => ({ ok: false, error: t('save.unreachable') }))) ?? { ok: false, error: t('save.noAnswer') };
    setBusy(false);
    setStatus(result.ok ? { ok: true, text: result.message } : { ok: false, text: result.error });
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <section class="ds-dialog" lang={uiLanguage()} role="dialog" aria-modal="false" aria-label={t('save.title')} onKeyDown={onKeyDown}>
      <header class="ds-head">
        <h2>{t('save.title')}</h2>
        <button type="button" class="ds-close" aria-label={t('save.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {exact === null ? (
        <p class="ds-problem" role="alert">
          {problemText(problem ?? NO_SELECTION)}
        </p>
      ) : (
        <form onSubmit={(e) => e.preventDefault()}>
          <blockquote class="ds-passage">{exact.length > 600 ? `${exact.slice(0, 600)}…` : exact}</blockquote>
          {!creating && (
            <div class="ds-field">
              <label for="ds-actor">{t('save.who')}</label>
              <input
                id="ds-actor"
                type="text"
                role="combobox"
                aria-expanded={matches.length > 0 && !chosen}
                aria-controls="ds-actors"
                aria-activedescendant={matches[active] && !chosen ? `ds-opt-${active}` : undefined}
                autoComplete="off"
                ref={searchRef}
                value={query}
                onInput={(e) => {
                  setQuery(e.currentTarget.value);
                  setChosen(null);
                  setActive(0);
                }}
                onKeyDown={onSearchKey}
              />
              {!chosen && (
                <ul id="ds-actors" role="listbox" class="ds-options">
                  {matches.map((m, k) => (
                    <li id={`ds-opt-${k}`} key={`${m.ref.type}:${m.ref.id}`} role="option" aria-selected={k === active} class={k === active ? 'ds-active' : ''} onMouseDown={(e) => { e.preventDefault(); choose(m); }}>
                      {m.name}
                      {m.own && <span class="ds-own">{t('save.yours')}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {chosen && <p class="ds-chosen">{t('save.savingFor', { name: chosen.name })}</p>}
              {chosen && clashes && <NameClashWarning class="ds-warning" actor={chosen.name} result={clashes} />}
              <button type="button" class="ds-link" onClick={() => { setCreating(true); setNewName(query.trim()); setChosen(null); }}>
                {t('save.newActorLink')}
              </button>
            </div>
          )}
          {creating && (
            <fieldset class="ds-field">
              <legend>{t('save.newActor')}</legend>
              <label>
                {t('save.name')} <input ref={nameRef} type="text" value={newName} maxLength={200} onInput={(e) => setNewName(e.currentTarget.value)} />
              </label>
              <label>
                {t('save.category')}{' '}
                <select value={newCategory} onChange={(e) => setNewCategory(e.currentTarget.value as ReaderActorCategory)}>
                  <option value="people">{t('save.person')}</option>
                  <option value="organisations">{t('save.institutionOrState')}</option>
                </select>
              </label>
              <label>
                {t('save.otherNames')} <input type="text" value={newAliases} onInput={(e) => setNewAliases(e.currentTarget.value)} />
              </label>
              {clashes && <NameClashWarning class="ds-warning" actor={newName} result={clashes} />}
              <button type="button" class="ds-link" onClick={() => setCreating(false)}>
                {t('save.chooseListed')}
              </button>
            </fieldset>
          )}
          <fieldset class="ds-field ds-kinds">
            <legend>{t('save.whatIsIt')}</legend>
            {KINDS.map((k, i) => (
              <label key={k.value}>
                <input ref={i === 0 ? kindRef : undefined} type="radio" name="ds-kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} /> {t(k.label)}
              </label>
            ))}
          </fieldset>
          <div class="ds-field">
            <label for="ds-note">{t('save.note')}</label>
            <textarea id="ds-note" rows={2} maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <div class="ds-actions">
            <button type="button" class="ds-save" disabled={busy} onClick={save}>
              {t('save.save')}
            </button>
            <button type="button" onClick={onClose}>
              {t('save.cancel')}
            </button>
          </div>
          {status && (
            <p class={status.ok ? 'ds-status ds-ok' : 'ds-status ds-error'} role="status" data-ok={String(status.ok)}>
              {status.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
