/**
 * The warning shown when the reader's actor has a name that is already a bundled actor's: which names, who is
 * highlighted under them on pages, and under which names the reader's actor still is.
 */
import type { NameClashes } from '../../core/reader-dossier/name-clash';

/** The words of the warning, in one place. */
const strings = {
  taken: (name: string, owner: string) =>
    `“${name}” is already a name of ${owner} in Dossier’s data: on pages it stays highlighted as ${owner} and opens ${owner}’s card, not yours.`,
  stillYours: (actor: string, names: string) => `${actor} is highlighted only under ${names}.`,
  noneLeft: (actor: string) =>
    `${actor} has no other name, so it is not highlighted on pages; what you save for it is kept and listed all the same.`,
};

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/** Nothing when no name clashes. `actor` is the reader's actor's name as it will be saved. */
export function NameClashWarning({ actor, result, class: className }: { actor: string; result: NameClashes; class: string }) {
  if (result.clashes.length === 0) return null;
  const label = actor.trim() || 'Your actor';
  return (
    <div class={className} role="status" data-name-clash={result.clashes.map((c) => c.name).join('|')}>
      {result.clashes.map((c) => (
        <p key={c.name}>{strings.taken(c.name, c.owner.name)}</p>
      ))}
      <p>{result.own.length > 0 ? strings.stillYours(label, quoted(result.own)) : strings.noneLeft(label)}</p>
    </div>
  );
}
