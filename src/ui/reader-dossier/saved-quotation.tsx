/**
 * The body of a saved quotation's card: what the reader saved (the text, "You saved this on <site>, <date>", a link
 * back) and how this page words it. The card sits in an open shadow root, which the page can read; this part is the
 * reader's own, so it is read from extension storage and drawn in a closed shadow root: the page sees an empty element.
 */
import type { QuoteWording } from '../../core/card-model';
import type { SavedItem } from '../../data/reader-dossier-schema';
import { getSavedItem } from '../../shared/reader-dossier-storage';
import { ClosedRootView } from './closed-root-view';
import { wordingLabel } from '../popover/card-parts';
import { t } from '../../shared/i18n';

const SAVED_CSS = `
:host { display: block; }
blockquote { margin: 0; padding-left: 8px; border-left: 3px solid #d97706; overflow-wrap: anywhere; }
p { margin: 4px 0 0; font-size: 12px; color: var(--dp-muted, #57606a); }
.diff { color: inherit; font-size: 13px; overflow-wrap: anywhere; }
del { color: #b42318; }
ins { color: #067647; text-decoration: underline; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
a { color: var(--dp-accent, #0b5cad); }
`;

/** The saved item and the comparison (exported for tests, which cannot reach into the closed root). */
export function SavedQuotationBody({ item, wording }: { item: SavedItem; wording?: QuoteWording }) {
  const { exact } = item.target.selector[0];
  return (
    <section aria-label={t('reading.savedQuotation')}>
      {/* One text node each, so assistive technology reads each as one phrase. */}
      <blockquote>{`“${exact}”`}</blockquote>
      <p class="saved">
        {t('reading.youSaved', { site: item.target.site || t('reading.localFile'), date: item.savedAt.slice(0, 10) })}
        <a href={item.target.source} target="_blank" rel="noreferrer noopener">
          {t('reading.openPage')}
        </a>
        {item.note ? ` · ${item.note}` : ''}
      </p>
      {wording ? (
        <>
          <p class="wording" data-wording={wording.exact ? 'exact' : wording.reworded ? 'reworded' : 'same'}>
            {wording.reworded ? t('reading.wordedDifferently') : wordingLabel(wording)}
            {wording.partial ? ` · ${t('card.wording.partial', { percent: wording.percent })}` : ''}
          </p>
          {wording.runs.length > 0 ? (
            <p class="diff">
              {wording.runs.map((r, i) => (
                <>
                  {i > 0 ? ' ' : null}
                  {r.op === 'removed' ? (
                    <del title={t('reading.inSavedOnly')}>
                      <span class="sr">{t('reading.srSaved')}</span>
                      {r.text}
                      <span class="sr">]</span>
                    </del>
                  ) : r.op === 'added' ? (
                    <ins title={t('reading.onPageOnly')}>
                      <span class="sr">{t('reading.srPage')}</span>
                      {r.text}
                      <span class="sr">]</span>
                    </ins>
                  ) : (
                    r.text
                  )}
                </>
              ))}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The part for one saved item; renders into a closed shadow root, and a line saying so when the item is gone. */
export function SavedQuotation({ itemId, wording, load = getSavedItem }: { itemId: string; wording?: QuoteWording; load?: (id: string) => Promise<SavedItem | null> }) {
  return (
    <ClosedRootView
      class="dp-saved-quote"
      css={SAVED_CSS}
      load={() => load(itemId)}
      view={(item: SavedItem | null) => (item ? <SavedQuotationBody item={item} wording={wording} /> : <p>{t('reading.gone')}</p>)}
      deps={[itemId, wording]}
    />
  );
}
