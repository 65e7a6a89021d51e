/**
 * The warning shown when the reader's actor has a name that is already a bundled actor's: which names, who is
 * highlighted under them on pages, and under which names the reader's actor still is.
 */
import type { NameClashes } from '../../core/reader-dossier/name-clash';
import { t } from '../../shared/i18n';

const quoted = (names: readonly string[]) => names.map((name) => t('nameClash.quoted', { name })).join(', ');

/** Nothing when no name clashes. `actor` is the reader's actor's name as it will be saved. */
export function NameClashWarning({ actor, result, class: className }: { actor: string; result: NameClashes; class: string }) {
  if (result.clashes.length === 0) return null;
  const label = actor.trim() || t('nameClash.yourActor');
  return (
    <div class={className} role="status" data-name-clash={result.clashes.map((c) => c.name).join('|')}>
      {result.clashes.map((c) => (
        <p key={c.name}>{t('nameClash.taken', { name: c.name, owner: c.owner.name })}</p>
      ))}
      <p>{result.own.length > 0 ? t('nameClash.stillYours', { actor: label, names: quoted(result.own) }) : t('nameClash.noneLeft', { actor: label })}</p>
    </div>
  );
}
