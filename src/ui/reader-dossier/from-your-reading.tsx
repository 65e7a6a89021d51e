/**
 * "From your reading" on an actor's card: what the reader saved about this actor (the passage, the site, the date
 * saved, a link back to the page). The card sits in an open shadow root, which the page can read; these items are
 * the reader's own, so they are drawn in a closed shadow root of their own inside the card: the page sees an empty
 * element, never the items.
 */
import type { ActorRef, SavedItem } from '../../data/reader-dossier-schema';
import { getSavedItemsOfActor } from '../../shared/reader-dossier-storage';
import { ClosedRootView } from './closed-root-view';
import { plural, t } from '../../shared/i18n';

/** At most this many items on a card, newest first; the rest are counted. */
export const READING_ON_CARD = 3;

const READING_CSS = `
:host { display: block; }
section { margin: 10px 0 0; padding-top: 8px; border-top: 1px solid var(--dp-rule, #e4e8ec); }
h3 { margin: 0 0 4px; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--dp-muted, #57606a); }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 6px; }
blockquote { margin: 0; padding-left: 8px; border-left: 3px solid #d97706; overflow-wrap: anywhere; }
p { margin: 2px 0 0; font-size: 12px; color: var(--dp-muted, #57606a); }
a { color: var(--dp-accent, #0b5cad); }
`;

/** The list itself (exported for tests, which cannot reach into the closed root). */
export function ReadingList({ items }: { items: readonly SavedItem[] }) {
  const shown = items.slice(0, READING_ON_CARD);
  return (
    <section aria-label={t('reading.title')}>
      <h3>{t('reading.title')}</h3>
      <ul>
        {shown.map((item) => {
          const { exact } = item.target.selector[0];
          return (
            <li key={item.id}>
              {/* One text node each, so assistive technology reads each as one phrase. */}
              <blockquote>{`“${exact.length > 280 ? `${exact.slice(0, 280)}…` : exact}”`}</blockquote>
              <p>
                {t('reading.youSaved', { site: item.target.site || t('reading.localFile'), date: item.savedAt.slice(0, 10) })}
                <a href={item.target.source} target="_blank" rel="noreferrer noopener">
                  {t('reading.openPage')}
                </a>
                {item.note ? ` · ${item.note}` : ''}
              </p>
            </li>
          );
        })}
      </ul>
      {items.length > shown.length ? <p>{plural('reading.more', items.length - shown.length)}</p> : null}
    </section>
  );
}

/** The section for one actor; renders into a closed shadow root, and nothing when nothing was saved about them. */
export function FromYourReading({ actor, load = getSavedItemsOfActor }: { actor: ActorRef; load?: (ref: ActorRef) => Promise<SavedItem[]> }) {
  return (
    <ClosedRootView
      class="dp-reading"
      css={READING_CSS}
      load={() => load(actor)}
      view={(items: SavedItem[]) => (items.length === 0 ? null : <ReadingList items={items} />)}
      deps={[actor.type, actor.id]}
    />
  );
}
